package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.List;

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

/** {@code core.gaussian_blur}: separable Gaussian blur with integer weights, premultiplied alpha, clamped edges. */
@Component(service = NodeType.class)
public final class GaussianBlurNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.gaussian_blur", "Gaussian Blur", "Blur",
            "A true Gaussian blur of all four channels (colour weighted by alpha). Edges repeat the border "
                    + "pixels. Radii above 4 output pixels are computed at reduced resolution (2^k times smaller; "
                    + "interior pixels within 2 code values of the exact blur).",
            List.of(PortSpec.image("source", "Image to blur")), PortType.IMAGE,
            List.of(ParamSpec.number("radius", 4, 0, 250, "px", "Standard deviation (sigma) of the Gaussian")));

    static final double DIRECT_MAX_SIGMA = 32;
    /** Sigma above which the reduced-resolution path is used when the image is big enough (it is ~8x cheaper). */
    static final double REDUCE_ABOVE_SIGMA = 4;
    /** The reduced image keeps at least this many pixels in its smaller dimension. */
    static final int MIN_REDUCED = 16;
    /** Largest kernel half-width: ceil(3 * {@value #DIRECT_MAX_SIGMA}). Also used by the GPU twin. */
    public static final int MAX_RADIUS = 96;
    private static final int ONE = 1 << 14;

    /**
     * Kernel, scratch keys and work buffers for the current (sigma, size). Updated in place when they change, so an
     * animated radius allocates nothing per frame.
     */
    private static final class State {
        double sigma = Double.NaN;
        int width;
        int height;
        int factor;
        FrameKey reduced;
        FrameKey transposed;
        /** Upsample taps, when factor &gt; 1. */
        BlurResample.Columns columns;
        /** Half kernel {@code kernel[0..radius]}, centre first. */
        final float[] kernel = new float[MAX_RADIUS + 1];
        int radius;
        final double[] gauss = new double[MAX_RADIUS + 1];
        final RowBuffers rows = new RowBuffers();
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
        State st = ctx.state() instanceof State s ? s : new State();
        if (st != ctx.state()) {
            ctx.setState(st);
        }
        if (st.sigma != sigma || st.width != w || st.height != h) {
            update(st, sigma, w, h);
        }
        ByteBuffer in = Pixels.image(ctx, 0, "source").buffer();
        ByteBuffer out = ctx.output().buffer();
        ByteBuffer tmp = ctx.scratch(st.transposed).buffer();
        float[] k = st.kernel;
        int r = st.radius;
        RowBuffers rows = st.rows;
        if (st.factor == 1) {
            BlurPass.run(in, w, h, tmp, k, r, rows, true, false);
            BlurPass.run(tmp, h, w, out, k, r, rows, false, true);
            return;
        }
        int f = st.factor;
        int dw = st.reduced.width();
        int dh = st.reduced.height();
        ByteBuffer small = ctx.scratch(st.reduced).buffer();
        Resample.boxDown(in, w, h, small, f);
        BlurPass.run(small, dw, dh, tmp, k, r, rows, false, false);
        BlurPass.run(tmp, dh, dw, small, k, r, rows, false, false);
        BlurResample.upsample(small, f, out, w, h, st.columns, rows);
    }

    /**
     * The path for a sigma in output pixels. Up to {@value #REDUCE_ABOVE_SIGMA} (or {@value #DIRECT_MAX_SIGMA} on
     * images too small to reduce) the full-size image is blurred directly (kernel half-width ceil(3 sigma)). Above,
     * the image is box-downsampled by f = 2^k, the smallest power of two with sigma / f &lt;= 4 that keeps the reduced
     * image at least {@value #MIN_REDUCED} px (and sigma / f &lt;= {@value #DIRECT_MAX_SIGMA} in any case), blurred with sigma' = sqrt(sigma^2 - f^2/4) / f (taking
     * out the spread of the box and of the bilinear upsample) and upsampled bilinearly. Interior pixels match a
     * full-size blur to within a code value; within about 3 sigma of the frame edges they may differ by a few.
     */
    private static void update(State st, double sigma, int w, int h) {
        int f = factor(sigma, w, h);
        double s = reducedSigma(sigma, f);
        int dw = Resample.reduced(w, f);
        int dh = Resample.reduced(h, f);
        if (st.reduced == null || st.reduced.width() != dw || st.reduced.height() != dh) {
            st.reduced = new FrameKey(dw, dh, PixelFormat.RGBA8, Usage.SCRATCH);
            st.transposed = new FrameKey(dh, dw, PixelFormat.RGBA8, Usage.SCRATCH);
        }
        if (f > 1 && (st.columns == null || st.columns.w() != w || st.columns.f() != f)) {
            st.columns = BlurResample.columns(w, f);
        }
        st.radius = kernel(s, st.gauss, st.kernel);
        st.sigma = sigma;
        st.width = w;
        st.height = h;
        st.factor = f;
    }

    /** The downsampling factor f for a sigma in output pixels (1: blurred directly); also used by the GPU twin. */
    public static int factor(double sigma, int w, int h) {
        int f = 1;
        while (sigma / f > DIRECT_MAX_SIGMA
                || (sigma / f > REDUCE_ABOVE_SIGMA && Math.min(w, h) / (2 * f) >= MIN_REDUCED)) {
            f *= 2;
        }
        return f;
    }

    /** The sigma blurred at reduction factor {@code f}, in reduced pixels; also used by the GPU twin. */
    public static double reducedSigma(double sigma, int f) {
        return f == 1 ? sigma : Math.sqrt(sigma * sigma - f * f / 4.0) / f;
    }

    /**
     * Writes the half kernel (centre first) into {@code k} and returns its half-width (trailing zero weights cut).
     * The weights are integers summing to 2^14 over the full kernel; rounding error goes to the centre. {@code g}
     * is scratch; both hold at least {@code ceil(3 sigma) + 1} entries. Also used by the GPU twin.
     */
    public static int kernel(double sigma, double[] g, float[] k) {
        int r = (int) Math.ceil(3 * sigma);
        double total = 0;
        for (int i = 0; i <= r; i++) {
            g[i] = StrictMath.exp(-(double) i * i / (2 * sigma * sigma));
            total += i == 0 ? g[i] : 2 * g[i];
        }
        int sum = 0;
        int last = 0;
        for (int i = 1; i <= r; i++) {
            int ki = (int) Math.round(g[i] / total * ONE);
            k[i] = ki;
            sum += 2 * ki;
            if (ki != 0) {
                last = i;
            }
        }
        k[0] = ONE - sum;
        return last;
    }
}
