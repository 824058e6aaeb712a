package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.internal.nodes.GaussianBlurNode;
import org.lumaflow.engine.internal.nodes.Resample;
import org.lumaflow.engine.vulkan.ComputeKernel;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.gaussian_blur} on the GPU: the CPU node's integer kernel and path choice (its own code), applied as two
 * separable passes ({@code shaders/gaussian_blur.comp}) on premultiplied pixels; above sigma 4 (when the image is big
 * enough) the CPU's reduced path: box downsample by 2^k ({@code blur_down.comp}), blur, bilinear upsample
 * ({@code blur_up.comp}).
 */
final class GaussianBlurGpu implements GpuNode {

    /** Kernel and path for the current (sigma, size), updated in place. */
    private static final class State {
        double sigma = Double.NaN;
        int width;
        int height;
        int factor;
        int dw;
        int dh;
        int radius;
        final float[] kernel = new float[GaussianBlurNode.MAX_RADIUS + 1];
        final double[] gauss = new double[GaussianBlurNode.MAX_RADIUS + 1];
    }

    @Override
    public void record(GpuNodeContext c) {
        double sigma = c.params().number("radius") * c.params().scale();
        if (!(sigma >= 0.01)) {
            c.passThrough(0);
            return;
        }
        int w = c.width();
        int h = c.height();
        GpuFrame in = c.image(0, "source");
        State st = c.state() instanceof State s ? s : new State();
        if (st != c.state()) {
            c.setState(st);
        }
        if (st.sigma != sigma || st.width != w || st.height != h) {
            update(st, sigma, w, h);
        }
        int r = st.radius;
        GpuSlice weights = c.constants((r + 1) * 4);
        ByteBuffer wb = weights.bytes();
        for (int i = 0; i <= r; i++) {
            wb.putInt(i * 4, (int) st.kernel[i]);
        }
        ComputeKernel blur = c.kernel("gaussian_blur", 3);
        if (st.factor == 1) {
            GpuFrame tmp = c.scratch(w, h, PixelFormat.RGBA8);
            pass(c, blur, in, tmp, weights, w, h, r, 0, true, false);
            pass(c, blur, tmp, c.output(), weights, w, h, r, 1, false, true);
            return;
        }
        int f = st.factor;
        int dw = st.dw;
        int dh = st.dh;
        GpuFrame small = c.scratch(dw, dh, PixelFormat.RGBA8);
        GpuFrame tmp = c.scratch(dw, dh, PixelFormat.RGBA8);
        c.push().putInt(0, w).putInt(4, h).putInt(8, f).putInt(12, dw).putInt(16, dh);
        c.bind(in).bind(small).dispatch(c.kernel("blur_down", 2), GpuNodeContext.groups(dw, 8),
                GpuNodeContext.groups(dh, 8));
        pass(c, blur, small, tmp, weights, dw, dh, r, 0, false, false);
        pass(c, blur, tmp, small, weights, dw, dh, r, 1, false, false);
        c.push().putInt(0, w).putInt(4, h).putInt(8, f).putInt(12, dw).putInt(16, dh);
        c.bind(small).bind(c.output()).dispatch(c.kernel("blur_up", 2), GpuNodeContext.groups(w, 8),
                GpuNodeContext.groups(h, 8));
    }

    private static void pass(GpuNodeContext c, ComputeKernel blur, GpuFrame src, GpuFrame dst, GpuSlice weights,
            int w, int h, int r, int axis, boolean premultiply, boolean unpremultiply) {
        c.push().putInt(0, w).putInt(4, h).putInt(8, r).putInt(12, axis).putInt(16, premultiply ? 1 : 0)
                .putInt(20, unpremultiply ? 1 : 0);
        c.bind(src).bind(dst).bind(weights).dispatch(blur, GpuNodeContext.groups(w, 8), GpuNodeContext.groups(h, 8));
    }

    /** The CPU node's path choice for a sigma in output pixels (see GaussianBlurNode.update). */
    private static void update(State st, double sigma, int w, int h) {
        int f = GaussianBlurNode.factor(sigma, w, h);
        if (f > 256) {
            throw new IllegalArgumentException("blur reduction factor " + f + " is beyond the GPU kernel's range");
        }
        st.dw = Resample.reduced(w, f);
        st.dh = Resample.reduced(h, f);
        st.radius = GaussianBlurNode.kernel(GaussianBlurNode.reducedSigma(sigma, f), st.gauss, st.kernel);
        st.sigma = sigma;
        st.width = w;
        st.height = h;
        st.factor = f;
    }
}
