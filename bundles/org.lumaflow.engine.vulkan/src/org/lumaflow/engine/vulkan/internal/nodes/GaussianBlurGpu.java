package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.internal.nodes.GaussianBlur;
import org.lumaflow.engine.vulkan.ComputeKernel;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.gaussian_blur} on the GPU: the CPU's {@link GaussianBlur} (its coefficients and kernel, its code),
 * one invocation per line ({@code shaders/gaussian_iir.comp}): the columns of the source into a float intermediate
 * quantised like the CPU's, then its rows into the output. The cost does not depend on sigma.
 */
final class GaussianBlurGpu implements GpuNode {

    /** Coefficients (or kernel) for the current sigma. */
    private static final class State {
        double sigma = Double.NaN;
        final float[] k = new float[GaussianBlur.COEFFICIENTS];
        int radius;
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
        if (st.sigma != sigma) {
            st.radius = GaussianBlur.weights(sigma, st.k);
            st.sigma = sigma;
        }
        GpuSlice weights = c.constants(GaussianBlur.COEFFICIENTS * 4);
        ByteBuffer wb = weights.bytes();
        for (int i = 0; i < GaussianBlur.COEFFICIENTS; i++) {
            wb.putFloat(i * 4, st.k[i]);
        }
        ComputeKernel kernel = c.kernel("gaussian_iir", 5);
        // 16 bytes (a vec4) per pixel
        GpuFrame mid = c.scratch(4 * w, h, PixelFormat.RGBA8);
        GpuFrame tmp = c.scratch(4 * w, h, PixelFormat.RGBA8);
        for (int pass = 0; pass < 2; pass++) {
            c.push().putInt(0, w).putInt(4, h).putInt(8, pass).putInt(12, st.radius);
            c.bind(in).bind(mid).bind(tmp).bind(c.output()).bind(weights)
                    .dispatch(kernel, GpuNodeContext.groups(pass == 0 ? w : h, 64), 1);
        }
    }
}
