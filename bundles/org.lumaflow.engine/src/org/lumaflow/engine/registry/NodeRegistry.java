package org.lumaflow.engine.registry;

import java.util.List;
import java.util.Map;

import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every {@link NodeType} currently registered, as an OSGi service. Registration changes are published as new
 * immutable {@link Snapshot}s: a render that started with one snapshot keeps it, the next compile sees the change.
 * <p>
 * Node types of plugins outside the product's own namespace render contained: a type that hangs or keeps throwing
 * is quarantined and listed by {@link #failures()} (since 1.1).
 */
@ProviderType
public interface NodeRegistry {

    /**
     * Something a plugin contributed that does not work.
     *
     * @param subject the node type id, or the class name when its descriptor could not be read
     * @param plugin  the providing plugin (bundle symbolic name)
     * @param reason  one sentence
     * @since 1.1
     */
    record Failure(String subject, String plugin, String reason) {
    }

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

    /**
     * Node types that failed: bind failures (descriptor threw or was invalid) and render quarantines (hung or kept
     * throwing; skipped at once by later frames). A failure ends when its service goes away (the plugin is updated or
     * uninstalled) or through {@link #clearFailures}. Listeners are called when this list changes.
     *
     * @since 1.1
     */
    List<Failure> failures();

    /**
     * Forgets the failures of {@code plugin}'s node types, lifting their quarantine (e.g. after the user fixed
     * something outside the plugin).
     *
     * @since 1.1
     */
    void clearFailures(String plugin);
}
