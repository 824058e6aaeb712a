package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.checker} on the GPU ({@code shaders/checker.comp}). The pattern is separable: the cell of a pixel's
 * column and the cell of its row (the CPU node's 16.16 floor divisions, exact in 64 bits) are computed here per
 * column and per row; the kernel only combines their parities.
 */
final class CheckerGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        NodeContext p = c.params();
        int w = c.width();
        int h = c.height();
        Point2 off = p.point("offset");
        long size = Math.max(1L, Math.round(p.number("size") * p.scale() * 65536));
        long ox = Math.round(off.x() * w * 65536);
        long oy = Math.round(off.y() * h * 65536);
        GpuSlice parity = c.constants((w + h) * 4);
        ByteBuffer b = parity.bytes();
        for (int x = 0; x < w; x++) {
            b.putInt(x * 4, (int) (Math.floorDiv(x * 65536L + 32768 - ox, size) & 1));
        }
        for (int y = 0; y < h; y++) {
            b.putInt((w + y) * 4, (int) (Math.floorDiv(y * 65536L + 32768 - oy, size) & 1));
        }
        c.push().putInt(0, w).putInt(4, h).putInt(8, p.color("color_a").packed())
                .putInt(12, p.color("color_b").packed());
        c.bind(c.output()).bind(parity).dispatch(c.kernel("checker", 2), GpuNodeContext.groups(w, 8),
                GpuNodeContext.groups(h, 8));
    }
}
