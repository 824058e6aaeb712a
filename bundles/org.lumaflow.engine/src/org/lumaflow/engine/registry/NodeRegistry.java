package org.lumaflow.engine.registry;

import java.util.List;
import java.util.Map;

import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;

/**
 * Every {@link NodeType} currently registered, as an OSGi service. Registration changes are published as new
 * immutable {@link Snapshot}s: a render that started with one snapshot keeps it, the next compile sees the change.
 */
public interface NodeRegistry {

    /**
     * An immutable view of the registry.
     *
     * @param generation increases with every change
     * @param types      node types by id
     * @param plugins    providing plugin (bundle symbolic name) by node type id
     */
    record Snapshot(long generation, Map<String, NodeType> types, Map<String, String> plugins) {
        /** The node type {@code id}, or null. */
        public NodeType type(String id) {
            return types.get(id);
        }
    }

    /** The current snapshot. */
    Snapshot snapshot();

    /** Descriptors of all registered node types, sorted by id. */
    List<NodeDescriptor> descriptors();

    /** Adds a listener called (on the registering thread) after every change. */
    void addListener(Runnable listener);

    /** Removes a listener. */
    void removeListener(Runnable listener);
}
