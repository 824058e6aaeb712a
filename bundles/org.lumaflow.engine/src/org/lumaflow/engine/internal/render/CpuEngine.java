package org.lumaflow.engine.internal.render;

import java.nio.file.Path;

import org.lumaflow.core.pool.FramePool;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.Engine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** The CPU reference engine, published as the {@link Engine} service. */
@Component(service = Engine.class)
public final class CpuEngine implements Engine {

    private NodeRegistry registry;
    private FramePool pool;

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

    @Activate
    void activate() {
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
        return GraphCompiler.compile(graph, registry.snapshot(), pool, baseDir);
    }
}
