package org.lumaflow.engine.render;

import java.nio.file.Path;

import org.lumaflow.core.pool.FramePool;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.registry.NodeRegistry;

/**
 * The CPU reference renderer: compiles graphs against the node registry and renders them with frames from one pool.
 * Available as an OSGi service; outside OSGi create one with {@code new CpuEngine(registry, pool)}.
 */
public interface Engine {

    /** The registry node types are taken from. */
    NodeRegistry registry();

    /** The frame pool every render leases from. */
    FramePool pool();

    /**
     * Validates {@code graph} against the current registry snapshot and compiles it. FILE parameters resolve against
     * {@code baseDir} (may be null: the working directory).
     *
     * @throws GraphException listing every problem: unknown node types (naming the missing plugin), cycles (naming
     *                        the cycle), type mismatches, missing inputs, bad parameter values
     */
    CompiledGraph compile(Graph graph, Path baseDir) throws GraphException;
}
