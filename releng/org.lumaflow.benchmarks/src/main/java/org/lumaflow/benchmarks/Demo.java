package org.lumaflow.benchmarks;

import java.io.InputStream;
import java.nio.file.Path;

import org.lumaflow.core.pool.FramePool;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.internal.nodes.BuiltinNodes;
import org.lumaflow.engine.internal.registry.NodeRegistryImpl;
import org.lumaflow.engine.internal.render.CpuEngine;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.timeline.TimelineRenderer;

/** The bundled demo project on an engine outside OSGi (same code as the product). */
final class Demo {

    final FramePool pool;
    final CpuEngine engine;
    final Project project;
    final TimelineRenderer renderer;

    Demo() throws Exception {
        NodeRegistryImpl registry = new NodeRegistryImpl();
        for (NodeType t : BuiltinNodes.all()) {
            registry.register(t, "org.lumaflow.engine", 0);
        }
        pool = new FramePool();
        engine = new CpuEngine(registry, pool);
        try (InputStream in = Demo.class.getResourceAsStream("/demo/demo.lumaflow")) {
            project = ProjectIO.load(in, Path.of("demo.lumaflow"));
        }
        renderer = new TimelineRenderer(engine, project.timeline(), null);
    }

    long frames() {
        return project.timeline().frameCount();
    }
}
