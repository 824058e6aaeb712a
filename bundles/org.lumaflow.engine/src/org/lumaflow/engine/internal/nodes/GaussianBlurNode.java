package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.Arrays;
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

/** {@code core.gaussian_blur}: separable Gaussian blur with integer weights, premultiplied alpha, clamped edges. */
@Component(service = NodeType.class)
public final class GaussianBlurNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.gaussian_blur", "Gaussian Blur", "Blur",
            "A true Gaussian blur of all four channels (colour weighted by alpha). Edges repeat the border "
                    + "pixels. Radii above 32 output pixels are computed at reduced resolution.",
            List.of(PortSpec.image("source", "Image to blur")), PortType.IMAGE,
            List.of(ParamSpec.number("radius", 4, 0, 250, "px", "Standard deviation (sigma) of the Gaussian")));

    static final double DIRECT_MAX_SIGMA = 32;
    private static final int ONE = 1 << 14;
    /** Rows blurred together, so that the transposed writes go out as runs of this many pixels. */
    private static final int GROUP = 16;
    /** Adds 1/2 (rounding) to both 32-bit lanes of an accumulator before the shift by 14. */
    private static final long HALF = (1L << 13) | (1L << 45);

    /** Kernel, scratch keys and work rows for one (sigma, size). */
    private record State(double sigma, int width, int height, int factor, int[] kernel, FrameKey reduced,
            FrameKey transposed, RowBuffers rows) {
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
                : build(sigma, w, h, ctx.state() instanceof State old ? old.rows() : null);
        if (st != ctx.state()) {
            ctx.setState(st);
        }
        ByteBuffer in = Pixels.image(ctx, 0, "source").buffer();
        ByteBuffer out = ctx.output().buffer();
        ByteBuffer tmp = ctx.scratch(st.transposed()).buffer();
        int[] k = st.kernel();
        RowBuffers rows = st.rows();
        if (st.factor() == 1) {
            blurPass(in, w, h, tmp, k, rows, true, false);
            blurPass(tmp, h, w, out, k, rows, false, true);
            return;
        }
        int f = st.factor();
        int dw = st.reduced().width();
        int dh = st.reduced().height();
        ByteBuffer small = ctx.scratch(st.reduced()).buffer();
        Resample.boxDown(in, w, h, small, f);
        blurPass(small, dw, dh, tmp, k, rows, false, false);
        blurPass(tmp, dh, dw, small, k, rows, false, false);
        Resample.upsample(small, f, out, w, h);
    }

    /**
     * The path for a sigma in output pixels. Up to {@value #DIRECT_MAX_SIGMA} the full-size image is blurred
     * directly (kernel half-width ceil(3 sigma)). Above, the image is box-downsampled by f = 2^k, the smallest power
     * of two with sigma / f &lt;= {@value #DIRECT_MAX_SIGMA}, blurred with sigma' = sqrt(sigma^2 - f^2/4) / f (taking
     * out the spread of the box and of the bilinear upsample) and upsampled bilinearly. Interior pixels match a
     * full-size blur to within a code value; within about 3 sigma of the frame edges they may differ by a few.
     */
    private static State build(double sigma, int w, int h, RowBuffers previous) {
        int f = 1;
        while (sigma / f > DIRECT_MAX_SIGMA) {
            f *= 2;
        }
        double s = f == 1 ? sigma : Math.sqrt(sigma * sigma - f * f / 4.0) / f;
        int dw = Resample.reduced(w, f);
        int dh = Resample.reduced(h, f);
        int[] k = kernel(s);
        FrameKey reduced = new FrameKey(dw, dh, PixelFormat.RGBA8, Usage.SCRATCH);
        FrameKey transposed = new FrameKey(dh, dw, PixelFormat.RGBA8, Usage.SCRATCH);
        // work rows are sized for the largest direct kernel, so an animated radius reuses them frame after frame
        int length = GROUP * (4 * Math.max(dw, dh) + 4 * (int) Math.ceil(3 * DIRECT_MAX_SIGMA) + 4);
        RowBuffers rows = previous != null && previous.length() >= length ? previous : new RowBuffers(length);
        return new State(sigma, w, h, f, k, reduced, transposed, rows);
    }

    /** Half kernel (centre first), weights summing to 2^14 over the full kernel; rounding error goes to the centre. */
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
        return Arrays.copyOf(k, last + 1);
    }

    /**
     * Blurs each row of {@code src} ({@code w x h}) and writes it as a column of {@code dst} ({@code h x w}), i.e.
     * transposed, so that two calls blur both directions with row-order reads. Rows are expanded into two longs per
     * pixel (R|B and G|A in 32-bit lanes, premultiplied, edge pixels repeated r times on each side) so each kernel
     * tap pair costs two multiplies.
     */
    private static void blurPass(ByteBuffer src, int w, int h, ByteBuffer dst, int[] k, RowBuffers pool,
            boolean premultiplyIn, boolean unpremultiplyOut) {
        int r = k.length - 1;
        int span = w + 2 * r;
        int rowLongs = 2 * span + 2 * w; // expanded R|B and G|A rows, then the R|B and G|A sums
        Parallel.rows(w, h, (y0, y1) -> {
            long[] buf = pool.take();
            try {
                for (int yg = y0; yg < y1; yg += GROUP) {
                    int n = Math.min(GROUP, y1 - yg);
                    for (int j = 0; j < n; j++) {
                        int off = j * rowLongs;
                        expandRow(src, (yg + j) * w * 4, w, r, buf, off, premultiplyIn);
                        convolve(buf, off, off + span, off + 2 * span, off + 2 * span + w, w, k);
                    }
                    for (int x = 0; x < w; x++) {
                        int o = (x * h + yg) * 4;
                        for (int j = 0; j < n; j++) {
                            int sums = j * rowLongs + 2 * span;
                            int q = pack(buf[sums + x], buf[sums + w + x]);
                            dst.putInt(o + j * 4, unpremultiplyOut ? Pixels.unpremultiply(q) : q);
                        }
                    }
                }
            } finally {
                pool.give(buf);
            }
        });
    }

    /** Kernel sums of the expanded lanes at {@code rb} / {@code ga} (padded by r) into {@code srb} / {@code sga}. */
    private static void convolve(long[] buf, int rb, int ga, int srb, int sga, int w, int[] k) {
        int r = k.length - 1;
        long k0 = k[0];
        for (int x = 0; x < w; x++) {
            buf[srb + x] = buf[rb + r + x] * k0 + HALF;
            buf[sga + x] = buf[ga + r + x] * k0 + HALF;
        }
        for (int i = 1; i <= r; i++) {
            long wi = k[i];
            int lo = r - i;
            int hi = r + i;
            for (int x = 0; x < w; x++) {
                buf[srb + x] += (buf[rb + lo + x] + buf[rb + hi + x]) * wi;
            }
            for (int x = 0; x < w; x++) {
                buf[sga + x] += (buf[ga + lo + x] + buf[ga + hi + x]) * wi;
            }
        }
    }

    /** Packs rounded lane sums (R|B, G|A, each x 2^14) into a pixel. */
    private static int pack(long rb, long ga) {
        return (int) ((rb >> 14) & 0xFF) | (int) ((rb >> 30) & 0xFF0000) | (int) (((ga >> 14) & 0xFF) << 8)
                | (int) (((ga >> 46) & 0xFF) << 24);
    }

    /** Writes row pixels as R|B lanes at {@code off} and G|A lanes at {@code off + span}, padded by r edge copies. */
    private static void expandRow(ByteBuffer src, int rowOff, int w, int r, long[] buf, int off, boolean premultiply) {
        int span = w + 2 * r;
        for (int i = 0; i < span; i++) {
            int x = i < r ? 0 : i - r >= w ? w - 1 : i - r;
            int p = src.getInt(rowOff + x * 4);
            if (premultiply) {
                p = Pixels.premultiply(p);
            }
            buf[off + i] = (p & 0xFF) | ((long) (p & 0xFF0000) << 16);
            buf[off + span + i] = ((p >> 8) & 0xFF) | ((long) (p >>> 24) << 32);
        }
    }
}
