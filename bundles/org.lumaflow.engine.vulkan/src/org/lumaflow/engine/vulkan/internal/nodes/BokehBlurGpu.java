package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.internal.nodes.BokehBlurNode;
import org.lumaflow.engine.internal.nodes.Resample;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.bokeh_blur} on the GPU ({@code shaders/bokeh_blur.comp}): the CPU node's golden-angle disc samples
 * (its own {@link BokehBlurNode#samples}) and integer mean. Like the CPU node, the sample count follows the radius
 * (clamp(round(quality * pi * r^2 / 2), 8, 256)) and radii above 24 px are blurred at reduced size
 * (box downsample by ceil(radius / 16), {@code blur_down.comp}; bilinear upsample, {@code blur_up.comp}).
 */
final class BokehBlurGpu implements GpuNode {

    /** Samples for one (radius, quality, size). */
    private record State(double radius, double quality, int width, int height, int factor, int dw, int dh,
            int[] dx, int[] dy, int reciprocal) {
    }

    @Override
    public void record(GpuNodeContext c) {
        double radius = c.params().number("radius") * c.params().scale();
        double quality = c.params().number("quality");
        if (!(radius >= 0.5)) {
            c.passThrough(0);
            return;
        }
        int w = c.width();
        int h = c.height();
        State st = c.state() instanceof State s && s.radius() == radius && s.quality() == quality
                && s.width() == w && s.height() == h ? s : build(radius, quality, w, h);
        if (st != c.state()) {
            c.setState(st);
        }
        GpuFrame in = c.image(0, "source");
        int n = st.dx().length;
        GpuSlice offsets = c.constants(n * 8);
        ByteBuffer ob = offsets.bytes();
        for (int i = 0; i < n; i++) {
            ob.putInt(i * 8, st.dx()[i]).putInt(i * 8 + 4, st.dy()[i]);
        }
        if (st.factor() == 1) {
            gather(c, st, in, c.output(), offsets, w, h, true);
            return;
        }
        int f = st.factor();
        int dw = st.dw();
        int dh = st.dh();
        GpuFrame small = c.scratch(dw, dh, PixelFormat.RGBA8);
        GpuFrame blurred = c.scratch(dw, dh, PixelFormat.RGBA8);
        c.push().putInt(0, w).putInt(4, h).putInt(8, f).putInt(12, dw).putInt(16, dh);
        c.bind(in).bind(small).dispatch(c.kernel("blur_down", 2), GpuNodeContext.groups(dw, 8),
                GpuNodeContext.groups(dh, 8));
        gather(c, st, small, blurred, offsets, dw, dh, false);
        c.push().putInt(0, w).putInt(4, h).putInt(8, f).putInt(12, dw).putInt(16, dh);
        c.bind(blurred).bind(c.output()).dispatch(c.kernel("blur_up", 2), GpuNodeContext.groups(w, 8),
                GpuNodeContext.groups(h, 8));
    }

    /** The disc mean of {@code src} into {@code dst} ({@code w x h}); straight alpha in and out when direct. */
    private static void gather(GpuNodeContext c, State st, GpuFrame src, GpuFrame dst, GpuSlice offsets, int w,
            int h, boolean direct) {
        int flag = direct ? 1 : 0;
        c.push().putInt(0, w).putInt(4, h).putInt(8, st.dx().length).putInt(12, st.reciprocal()).putInt(16, flag)
                .putInt(20, flag);
        c.bind(src).bind(dst).bind(offsets).dispatch(c.kernel("bokeh_blur", 3), GpuNodeContext.groups(w, 8),
                GpuNodeContext.groups(h, 8));
    }

    /** The CPU node's factor and samples (see BokehBlurNode.build). */
    private static State build(double radius, double quality, int w, int h) {
        int f = BokehBlurNode.factor(radius);
        if (f > 256) {
            throw new IllegalArgumentException("bokeh reduction factor " + f + " is beyond the GPU kernel's range");
        }
        int[][] samples = BokehBlurNode.samples(radius / f, quality);
        int n = samples[0].length;
        long reciprocal = ((1L << 32) + n - 1) / n;
        return new State(radius, quality, w, h, f, Resample.reduced(w, f), Resample.reduced(h, f), samples[0],
                samples[1], (int) reciprocal);
    }
}
