package org.lumaflow.engine.render;

import java.util.List;

/**
 * A validated graph bound to the node types that were registered when it was compiled. Reusable for any number of
 * frames while the graph's structure is unchanged; parameters are evaluated per frame. Renders one frame at a time
 * (calls are serialized); per-node caches live as long as the compiled graph.
 */
public interface CompiledGraph {

    /**
     * Renders the graph at {@code time} (ticks) into a {@code width} x {@code height} frame; {@code scale} is output
     * pixels per project pixel. Never throws for node failures: they are contained and reported in the result.
     */
    RenderResult render(long time, int width, int height, double scale);

    /** Node ids in evaluation order (nodes that do not reach the output are dropped). */
    List<String> order();

    /** The registry generation the graph was compiled against. */
    long generation();
}
