package org.lumaflow.engine.vulkan.internal.nodes;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.blend} on the GPU ({@code shaders/blend.comp}): the four modes, opacity and the optional mask, with the
 * CPU node's short cuts (no foreground, or zero opacity over a background: the background; neither: cleared).
 */
final class BlendGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        NodeContext p = c.params();
        GpuFrame bg = c.input(0);
        GpuFrame fg = c.input(1);
        GpuFrame mask = c.input(2);
        double o = p.number("opacity");
        int opacity = (int) Math.round((o < 0 ? 0 : o > 1 ? 1 : o) * 4096);
        if (fg == null || (opacity == 0 && bg != null)) {
            if (bg != null) {
                c.passThrough(0);
            } else {
                c.clear();
            }
            return;
        }
        int mode = switch (p.choice("mode")) {
            case "add" -> 1;
            case "multiply" -> 2;
            case "screen" -> 3;
            default -> 0;
        };
        c.checkImage(fg, "foreground");
        if (bg != null) {
            c.checkImage(bg, "background");
        }
        if (mask != null && (mask.key().width() != c.width() || mask.key().height() != c.height()
                || mask.key().format() != PixelFormat.GRAY8)) {
            throw new IllegalArgumentException("input 'mask' is " + mask.key() + ", expected " + c.width() + "x"
                    + c.height() + " " + PixelFormat.GRAY8);
        }
        boolean plainOver = mode == 0 && mask == null && opacity == 4096;
        int pixels = c.width() * c.height();
        c.push().putInt(0, pixels).putInt(4, mode).putInt(8, opacity).putInt(12, bg != null ? 1 : 0)
                .putInt(16, mask != null ? 1 : 0).putInt(20, plainOver ? 1 : 0);
        c.bind(bg != null ? bg : fg).bind(fg).bind(mask != null ? mask : fg).bind(c.output())
                .dispatch(c.kernel("blend", 4), GpuNodeContext.groups(pixels, 64), 1);
    }
}
