package org.lumaflow.engine.vulkan.internal.nodes;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.internal.nodes.MoveTransition;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/** {@code core.push} and {@code core.slide} on the GPU ({@code shaders/move.comp}): the CPU node's whole-pixel offsets. */
final class MoveGpu implements GpuNode {

    private final boolean push;

    MoveGpu(boolean push) {
        this.push = push;
    }

    @Override
    public void record(GpuNodeContext c) {
        NodeContext ctx = c.params();
        double progress = ctx.number("progress");
        double p = progress < 0 ? 0 : progress > 1 ? 1 : progress;
        if (DissolveGpu.trivial(c, (int) Math.round(p * 65536))) {
            return;
        }
        int w = c.width();
        int h = c.height();
        int[] o = MoveTransition.offsets(ctx.choice("direction"), p, w, h, push);
        c.push().putInt(0, w).putInt(4, h).putInt(8, o[0]).putInt(12, o[1]).putInt(16, o[2]).putInt(20, o[3]);
        c.bind(c.input(0)).bind(c.input(1)).bind(c.output()).dispatch(c.kernel("move", 3),
                GpuNodeContext.groups(w, 8), GpuNodeContext.groups(h, 8));
    }
}
