package org.lumaflow.engine.vulkan.internal.nodes;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.internal.nodes.SharpenNode;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.sharpen} on the GPU: the CPU node's integer Gaussian weights ({@link SharpenNode#state}), a horizontal
 * pass into a scratch frame of two words per pixel ({@code shaders/sharpen_h.comp}, the CPU's layout) and a vertical
 * pass with the unsharp mask ({@code shaders/sharpen_v.comp}); the same integers as the CPU.
 */
final class SharpenGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        SharpenNode.State st = SharpenNode.state(c.params(), c.state());
        c.setState(st);
        if (st.identity()) {
            c.passThrough(0);
            return;
        }
        int w = c.width();
        int h = c.height();
        GpuFrame in = c.image(0, "source");
        GpuFrame mid = c.scratch(2 * w, h, PixelFormat.RGBA8);
        GpuSlice k = Tables.ints(c, st.weights());
        int gx = GpuNodeContext.groups(w, 8);
        int gy = GpuNodeContext.groups(h, 8);
        c.push().putInt(0, w).putInt(4, h).putInt(8, st.half());
        c.bind(in).bind(mid).bind(k).dispatch(c.kernel("sharpen_h", 3), gx, gy);
        c.push().putInt(0, w).putInt(4, h).putInt(8, st.half()).putInt(12, st.amount()).putInt(16, st.threshold());
        c.bind(in).bind(mid).bind(c.output()).bind(k).dispatch(c.kernel("sharpen_v", 4), gx, gy);
    }
}
