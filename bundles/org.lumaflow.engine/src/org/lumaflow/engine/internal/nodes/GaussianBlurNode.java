package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/**
 * {@code core.gaussian_blur}: separable Gaussian blur with integer weights, premultiplied alpha, clamped edges.
 * <p>
 * Rule for large radii: with sigma (in output pixels) up to {@value #DIRECT_MAX_SIGMA} the full-size image is
 * blurred directly (kernel half-width ceil(3 sigma)). Above, the image is box-downsampled by f = 2^k, the smallest
 * power of two with sigma / f &lt;= {@value #DIRECT_MAX_SIGMA}, blurred with sigma' = sqrt(sigma^2 - f^2/4) / f
 * (removing the box and bilinear spread) and upsampled bilinearly.
 */
@Component(service = NodeType.class)
public final class GaussianBlurNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.gaussian_blur", "Gaussian Blur", "Blur",
            "A true Gaussian blur of all four channels (colour weighted by alpha). Edges repeat the border "
                    + "pixels. Radii above 32 output pixels are computed at reduced resolution.",
            List.of(PortSpec.image("source", "Image to blur")), PortType.IMAGE,
            List.of(ParamSpec.number("radius", 4, 0, 250, "px", "Standard deviation (sigma) of the Gaussian")));

    static final double DIRECT_MAX_SIGMA = 32;
    private static final int ONE = 1 << 14;

    /** Kernel and scratch keys for one (sigma, size). */
    private record State(double sigma, int width, int height, int factor, int[] kernel, FrameKey reduced,
            FrameKey transposed) {
    }

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        double sigma = ctx.number("radius") * ctx.scale();
        if (!(sigma >= 0.01)) {
            ctx.passThrough(0);
            return;
        }
        int w = ctx.width();
        int h = ctx.height();
        State st = ctx.state() instanceof State s && s.sigma() == sigma && s.width() == w && s.height() == h ? s
                : build(sigma, w, h);
        if (st != ctx.state()) {
            ctx.setState(st);
        }
        ByteBuffer in = ctx.input(0).buffer();
        ByteBuffer out = ctx.output().buffer();
        ByteBuffer tmp = ctx.scratch(st.transposed()).buffer();
        int[] k = st.kernel();
        if (st.factor() == 1) {
            Resample.premultiply(in, out, w, h);
            blurPass(out, w, h, tmp, k, false);
            blurPass(tmp, h, w, out, k, true);
            return;
        }
        int f = st.factor();
        int dw = st.reduced().width();
        int dh = st.reduced().height();
        ByteBuffer small = ctx.scratch(st.reduced()).buffer();
        Resample.boxDown(in, w, h, small, f);
        blurPass(small, dw, dh, tmp, k, false);
        blurPass(tmp, dh, dw, small, k, false);
        Resample.upsample(small, f, out, w, h);
    }

    private static State build(double sigma, int w, int h) {
        int f = 1;
        while (sigma / f > DIRECT_MAX_SIGMA) {
            f *= 2;
        }
        double s = f == 1 ? sigma : Math.sqrt(sigma * sigma - f * f / 4.0) / f;
        int dw = Resample.reduced(w, f);
        int dh = Resample.reduced(h, f);
        FrameKey reduced = new FrameKey(dw, dh, PixelFormat.RGBA8, Usage.SCRATCH);
        FrameKey transposed = new FrameKey(dh, dw, PixelFormat.RGBA8, Usage.SCRATCH);
        return new State(sigma, w, h, f, kernel(s), reduced, transposed);
    }

    /** Half kernel (centre first) of weights summing to 2^14 over the full kernel; the rounding error goes to the centre. */
    static int[] kernel(double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] g = new double[r + 1];
        double total = 0;
        for (int i = 0; i <= r; i++) {
            g[i] = StrictMath.exp(-(double) i * i / (2 * sigma * sigma));
            total += i == 0 ? g[i] : 2 * g[i];
        }
        int[] k = new int[r + 1];
        int sum = 0;
        int last = 0;
        for (int i = 1; i <= r; i++) {
            k[i] = (int) Math.round(g[i] / total * ONE);
            sum += 2 * k[i];
            if (k[i] != 0) {
                last = i;
            }
        }
        k[0] = ONE - sum;
        return java.util.Arrays.copyOf(k, last + 1);
    }

    /**
     * Blurs each row of {@code src} ({@code w x h}) and writes it as a column of {@code dst} ({@code h x w}), i.e.
     * transposed, so that two calls blur both directions with row-order reads.
     */
    private static void blurPass(ByteBuffer src, int w, int h, ByteBuffer dst, int[] k, boolean unpremultiply) {
        int r = k.length - 1;
        int k0 = k[0];
        Parallel.rows(w, h, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                int row = y * w * 4;
                for (int x = 0; x < w; x++) {
                    int p = src.getInt(row + x * 4);
                    int cr = (p & 0xFF) * k0;
                    int cg = ((p >> 8) & 0xFF) * k0;
                    int cb = ((p >> 16) & 0xFF) * k0;
                    int ca = (p >>> 24) * k0;
                    boolean inside = x >= r && x + r < w;
                    for (int i = 1; i <= r; i++) {
                        int xl = inside ? x - i : Math.max(x - i, 0);
                        int xr = inside ? x + i : Math.min(x + i, w - 1);
                        int pl = src.getInt(row + xl * 4);
                        int pr = src.getInt(row + xr * 4);
                        int wi = k[i];
                        cr += ((pl & 0xFF) + (pr & 0xFF)) * wi;
                        cg += (((pl >> 8) & 0xFF) + ((pr >> 8) & 0xFF)) * wi;
                        cb += (((pl >> 16) & 0xFF) + ((pr >> 16) & 0xFF)) * wi;
                        ca += ((pl >>> 24) + (pr >>> 24)) * wi;
                    }
                    int q = Pixels.pack((cr + 8192) >> 14, (cg + 8192) >> 14, (cb + 8192) >> 14, (ca + 8192) >> 14);
                    dst.putInt((x * h + y) * 4, unpremultiply ? Pixels.unpremultiply(q) : q);
                }
            }
        });
    }
}
