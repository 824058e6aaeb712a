package org.lumaflow.engine.vulkan.internal.nodes;

import org.lumaflow.engine.internal.nodes.VignetteNode;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.vignette} on the GPU ({@code shaders/vignette.comp}): the CPU node's per-column and per-row norm terms
 * and strength table ({@link VignetteNode#state}, kept while parameters and size stay) uploaded with the frame, so
 * both compute the same integers; amount 0 passes the input through.
 */
final class VignetteGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        VignetteNode.State st = VignetteNode.state(c.params(), c.state());
        c.setState(st);
        if (st.identity()) {
            c.passThrough(0);
            return;
        }
        int w = c.width();
        int h = c.height();
        c.push().putInt(0, w).putInt(4, h).putInt(8, st.shift()).putInt(12, st.darken() ? 1 : 0);
        c.bind(c.image(0, "source")).bind(c.output()).bind(Tables.ints(c, st.cols())).bind(Tables.ints(c, st.rows()))
                .bind(Tables.ints(c, st.strength())).dispatch(c.kernel("vignette", 5), GpuNodeContext.groups(w, 8),
                        GpuNodeContext.groups(h, 8));
    }
}
