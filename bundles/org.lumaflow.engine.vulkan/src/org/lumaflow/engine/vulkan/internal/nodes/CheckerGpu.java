package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.internal.nodes.CheckerNode;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.checker} on the GPU ({@code shaders/checker.comp}). The pattern is separable: the cell of a pixel's
 * column and the cell of its row (the CPU node's own 16.16 floor divisions, {@link CheckerNode#cell}) are computed
 * here per column and per row; the kernel only combines their parities.
 */
final class CheckerGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        NodeContext p = c.params();
        int w = c.width();
        int h = c.height();
        long[] grid = CheckerNode.grid(p);
        GpuSlice parity = c.constants((w + h) * 4);
        ByteBuffer b = parity.bytes();
        for (int x = 0; x < w; x++) {
            b.putInt(x * 4, (int) (CheckerNode.cell(x, grid[1], grid[0]) & 1));
        }
        for (int y = 0; y < h; y++) {
            b.putInt((w + y) * 4, (int) (CheckerNode.cell(y, grid[2], grid[0]) & 1));
        }
        c.push().putInt(0, w).putInt(4, h).putInt(8, p.color("color_a").packed())
                .putInt(12, p.color("color_b").packed());
        c.bind(c.output()).bind(parity).dispatch(c.kernel("checker", 2), GpuNodeContext.groups(w, 8),
                GpuNodeContext.groups(h, 8));
    }
}
