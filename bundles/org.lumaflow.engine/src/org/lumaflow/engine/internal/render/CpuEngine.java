package org.lumaflow.engine.internal.render;

import java.nio.file.Path;

import org.lumaflow.core.pool.FramePool;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.internal.registry.Containment;
import org.lumaflow.engine.internal.registry.NodeRegistryImpl;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.Engine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The CPU reference engine, published as the {@link Engine} service. */
@Component(service = Engine.class)
public final class CpuEngine implements Engine {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.engine.render");

    private NodeRegistry registry;
    private FramePool pool;
    private volatile Backend gpu;
    /** Set by {@link #preferBackend}; null = the system property {@code lumaflow.backend} (default auto). */
    private volatile String preference;

    /** For DS. */
    public CpuEngine() {
    }

    /** An engine outside OSGi. */
    public CpuEngine(NodeRegistry registry, FramePool pool) {
        this.registry = registry;
        this.pool = pool;
    }

    @Reference
    void setRegistry(NodeRegistry r) {
        this.registry = r;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setBackend(Backend b) {
        this.gpu = b;
    }

    void unsetBackend(Backend b) {
        if (gpu == b) {
            gpu = null;
        }
    }

    /** Outside OSGi: the GPU backend to use (null = none). */
    public void useBackend(Backend b) {
        this.gpu = b;
    }

    /** Framework properties (config.ini of the product, then system properties); null outside OSGi. */
    private volatile org.osgi.framework.BundleContext context;

    @Activate
    void activate(org.osgi.framework.BundleContext ctx) {
        this.context = ctx;
        if (pool == null) {
            pool = new FramePool();
        }
    }

    @Deactivate
    void deactivate() {
        pool.close();
    }

    @Override
    public NodeRegistry registry() {
        return registry;
    }

    @Override
    public FramePool pool() {
        return pool;
    }

    @Override
    public CompiledGraph compile(Graph graph, Path baseDir) throws GraphException {
        Containment c = registry instanceof NodeRegistryImpl r ? r.containment() : Containment.SHARED;
        CompiledGraphImpl cpu = GraphCompiler.compile(graph, registry.snapshot(), pool, baseDir, c);
        Backend b = gpu;
        String pref = preference();
        if (b != null && !"cpu".equals(pref)) {
            try {
                CompiledGraph g = b.adopt(cpu, pref);
                if (g != null) {
                    return g;
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "GPU backend failed, rendering on the CPU: " + e, e);
            }
        }
        return cpu;
    }

    @Override
    public String backend() {
        Backend b = gpu;
        String pref = preference();
        String device = b == null || "cpu".equals(pref) ? null : b.device(pref);
        return device == null ? "cpu" : device;
    }

    @Override
    public void preferBackend(String p) {
        this.preference = preference(p);
    }

    private String preference() {
        String p = preference;
        if (p != null) {
            return p;
        }
        try {
            org.osgi.framework.BundleContext bc = context;
            String v = System.getProperty("lumaflow.backend");
            if (v == null && bc != null) {
                v = bc.getProperty("lumaflow.backend"); // the product's configuration/config.ini
            }
            return preference(v == null ? "auto" : v);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring lumaflow.backend: " + e.getMessage());
            return "auto";
        }
    }

    /** Validates a backend preference: cpu, gpu or auto (blank = auto). */
    public static String preference(String p) {
        return switch (p == null ? "" : p.trim()) {
            case "auto", "" -> "auto";
            case "cpu" -> "cpu";
            case "gpu" -> "gpu";
            default -> throw new IllegalArgumentException("backend '" + p + "': expected cpu, gpu or auto");
        };
    }
}
