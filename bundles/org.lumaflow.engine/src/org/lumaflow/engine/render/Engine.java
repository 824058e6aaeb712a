package org.lumaflow.engine.render;

import java.nio.file.Path;

import org.lumaflow.core.pool.FramePool;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.registry.NodeRegistry;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The renderer: compiles graphs against the node registry and renders them on the CPU (frames from one pool) or,
 * when a GPU backend is installed and preferred, on the GPU with the CPU graph as its reference and fallback.
 * Available as an OSGi service; outside OSGi create one with {@code new CpuEngine(registry, pool)}.
 */
@ProviderType
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

    /** The backend new compiles use: {@code "cpu"} or a GPU backend's description (device name). */
    default String backend() {
        return "cpu";
    }

    /**
     * Sets which backend later compiles use: {@code auto} (a hardware GPU when one is usable, else the CPU),
     * {@code gpu} (any GPU device, a software one included, else the CPU with a logged reason) or {@code cpu}. The
     * initial value comes from the system property {@code lumaflow.backend} (default {@code auto}).
     *
     * @throws IllegalArgumentException for other values
     */
    default void preferBackend(String preference) {
        if (!"cpu".equals(preference)) {
            throw new UnsupportedOperationException("this engine renders on the CPU only");
        }
    }
}
