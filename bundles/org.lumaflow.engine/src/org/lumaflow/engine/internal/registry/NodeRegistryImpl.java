package org.lumaflow.engine.internal.registry;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.registry.NodeRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Whiteboard registry of {@link NodeType} services. Every bind is guarded: a node type whose descriptor throws or is
 * invalid is logged and skipped. When two services share an id, the higher {@code service.ranking} wins (then the
 * earlier registration). Each change publishes a new immutable snapshot. Bind failures and render quarantines are
 * kept in a {@link Containment} and forgotten when their service goes away.
 */
@Component(service = NodeRegistry.class, immediate = true)
public final class NodeRegistryImpl implements NodeRegistry {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.engine.registry");

    private record Entry(NodeType type, NodeDescriptor descriptor, String plugin, int ranking, long order) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Snapshot snapshot = new Snapshot(0, Map.of(), Map.of());
    private long order;
    private final Containment containment = new Containment();

    /** A registry; listeners also hear about failure changes. */
    public NodeRegistryImpl() {
        containment.onChange(this::fire);
    }

    /** Failures of this registry's node types; renders of graphs compiled from it report here. */
    public Containment containment() {
        return containment;
    }

    /** DS bind: a node type service appeared. */
    @Reference(service = NodeType.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addNodeType(NodeType type, Map<String, Object> props) {
        Object rank = props.get(Constants.SERVICE_RANKING);
        register(type, pluginOf(type), rank instanceof Integer i ? i : 0);
    }

    /** DS unbind: a node type service went away. */
    void removeNodeType(NodeType type) {
        unregister(type);
    }

    /**
     * Registers {@code type} (used directly outside OSGi). Returns false, after logging why, when the type's
     * descriptor cannot be read or is invalid.
     */
    public boolean register(NodeType type, String plugin, int ranking) {
        NodeDescriptor d;
        try {
            d = type.descriptor();
            if (d == null) {
                throw new IllegalStateException("descriptor() returned null");
            }
        } catch (Throwable t) {
            LOG.log(Level.ERROR, "skipping node type " + type.getClass().getName() + " from plugin " + plugin
                    + ": its descriptor failed: " + t, t);
            containment.bindFailed(type, type.getClass().getName(), plugin, "not registered: descriptor() failed with "
                    + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            return false;
        }
        synchronized (this) {
            entries.add(new Entry(type, d, plugin, ranking, order++));
            publish();
        }
        fire();
        return true;
    }

    /** Removes {@code type} (used directly outside OSGi). */
    public void unregister(NodeType type) {
        boolean removed;
        synchronized (this) {
            removed = entries.removeIf(e -> e.type == type);
            if (removed) {
                publish();
            }
        }
        if (removed) {
            fire();
        }
        containment.forget(type);
    }

    private void publish() {
        Map<String, Entry> best = new TreeMap<>();
        for (Entry e : entries) {
            Entry cur = best.get(e.descriptor.id());
            if (cur == null || e.ranking > cur.ranking) {
                if (cur != null) {
                    LOG.log(Level.WARNING, "node type " + e.descriptor.id() + " from " + e.plugin
                            + " replaces the one from " + cur.plugin + " (higher service.ranking)");
                }
                best.put(e.descriptor.id(), e);
            } else {
                LOG.log(Level.WARNING, "node type " + e.descriptor.id() + " from " + e.plugin
                        + " is shadowed by the one from " + cur.plugin);
            }
        }
        Map<String, NodeType> types = new TreeMap<>();
        Map<String, String> plugins = new TreeMap<>();
        best.forEach((id, e) -> {
            types.put(id, e.type);
            plugins.put(id, e.plugin);
        });
        snapshot = new Snapshot(snapshot.generation() + 1, Map.copyOf(types), Map.copyOf(plugins));
    }

    private void fire() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (Throwable t) {
                LOG.log(Level.WARNING, "node registry listener failed: " + t, t);
            }
        }
    }

    @Override
    public Snapshot snapshot() {
        return snapshot;
    }

    @Override
    public List<NodeDescriptor> descriptors() {
        Snapshot s = snapshot;
        List<NodeDescriptor> out = new ArrayList<>();
        for (NodeType t : s.types().values()) {
            try {
                out.add(t.descriptor());
            } catch (Throwable e) {
                LOG.log(Level.WARNING, "descriptor of a registered node type failed: " + e);
            }
        }
        out.sort(Comparator.comparing(NodeDescriptor::id));
        return out;
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public List<Failure> failures() {
        return containment.failures();
    }

    @Override
    public void clearFailures(String plugin) {
        containment.forgetPlugin(plugin);
    }

    static String pluginOf(Object service) {
        try {
            Bundle b = FrameworkUtil.getBundle(service.getClass());
            return b == null ? "classpath" : b.getSymbolicName();
        } catch (Throwable t) {
            return "unknown";
        }
    }
}
