package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/**
 * {@code core.sharpen}: unsharp mask. A separable Gaussian (integer weights summing to 4096, edges clamped) in two
 * integer passes, the horizontal one kept at 8 fractional bits in a pooled scratch frame (two words per pixel); then
 * {@code out = in + amount * (in - blur)} per colour channel where {@code |in - blur|} exceeds the threshold.
 * Integer throughout, so the GPU twin computes the same bytes.
 */
@Component(service = NodeType.class)
public final class SharpenNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.sharpen", "Sharpen", "Blur",
            "Unsharp mask: out = in + amount * (in - gaussian(in, radius)) per colour channel, only where the "
                    + "difference is larger than the threshold. Alpha is untouched.",
            List.of(PortSpec.image("source", "Image to sharpen")), PortType.IMAGE,
            List.of(ParamSpec.number("amount", 1, 0, 10, "", "Strength (0 = none, 1 = add the full difference)"),
                    ParamSpec.number("radius", 1.5, 0, 40, "px", "Sigma of the Gaussian the image is compared with"),
                    ParamSpec.number("threshold", 0, 0, 1, "",
                            "Smallest difference (fraction of full scale) that is sharpened; hides noise")))
            .traits(NodeKind.NEIGHBOURHOOD, false);

    /** Largest kernel half-width in pixels. */
    static final int MAX_TAPS = 160;

    /**
     * Weights for one radius and scale: {@code weights[0..2*half]} sum to 4096; {@code amount} in 8.8 fixed point,
     * {@code threshold} in 8.8 code values; {@code identity} passes the input through. Also used by the GPU twin.
     */
    public record State(double amountParam, double radius, double thresholdParam, double scale, int half,
            int[] weights, int amount, int threshold, boolean identity) {
    }

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        State st = state(ctx, ctx.state());
        if (st != ctx.state()) {
            ctx.setState(st);
        }
        if (st.identity()) {
            ctx.passThrough(0);
            return;
        }
        int w = ctx.width();
        int h = ctx.height();
        IntBuffer in = Pixels.image(ctx, 0, "source").buffer().asIntBuffer();
        IntBuffer out = ctx.output().buffer().asIntBuffer();
        Frame tmp = ctx.scratch(FrameKey.rgba(w * 2, h));
        IntBuffer mid = tmp.buffer().asIntBuffer();
        int[] k = st.weights();
        int half = st.half();
        Parallel.rows(w, h, (y0, y1) -> {
            int[] row = IntRows.get(0, w);
            int[] acc = IntRows.get(1, w * 2);
            for (int y = y0; y < y1; y++) {
                in.get(y * w, row, 0, w);
                for (int x = 0; x < w; x++) {
                    horizontal(row, w, x, k, half, acc, x * 2);
                }
                mid.put(y * w * 2, acc, 0, w * 2);
            }
        });
        int amount = st.amount();
        int threshold = st.threshold();
        Parallel.rows(w, h, (y0, y1) -> {
            int[] row = IntRows.get(0, w);
            for (int y = y0; y < y1; y++) {
                in.get(y * w, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int b = 0;
                    int sr = 0;
                    int sg = 0;
                    for (int i = -half; i <= half; i++) {
                        int yy = Pixels.clamp(y + i, 0, h - 1);
                        int o = (yy * w + x) * 2;
                        int wt = k[i + half];
                        int v = mid.get(o);
                        sr += (v & 0xFFFF) * wt;
                        sg += (v >>> 16) * wt;
                        b += mid.get(o + 1) * wt;
                    }
                    row[x] = combine(row[x], (sr + 2048) >> 12, (sg + 2048) >> 12, (b + 2048) >> 12, amount,
                            threshold);
                }
                out.put(y * w, row, 0, w);
            }
        });
    }

    /** The horizontal pass at column x: 8.8 fixed-point r | g << 16 and b into {@code dst[o]}, {@code dst[o+1]}. */
    static void horizontal(int[] row, int w, int x, int[] k, int half, int[] dst, int o) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int i = -half; i <= half; i++) {
            int p = row[Pixels.clamp(x + i, 0, w - 1)];
            int wt = k[i + half];
            r += (p & 0xFF) * wt;
            g += ((p >> 8) & 0xFF) * wt;
            b += ((p >> 16) & 0xFF) * wt;
        }
        dst[o] = ((r + 8) >> 4) | (((g + 8) >> 4) << 16);
        dst[o + 1] = (b + 8) >> 4;
    }

    /** One output pixel from the input pixel and its blurred channels (8.8 fixed point). */
    static int combine(int p, int br, int bg, int bb, int amount, int threshold) {
        int r = channel(p & 0xFF, br, amount, threshold);
        int g = channel((p >> 8) & 0xFF, bg, amount, threshold);
        int b = channel((p >> 16) & 0xFF, bb, amount, threshold);
        return (p & 0xFF000000) | (b << 16) | (g << 8) | r;
    }

    private static int channel(int v, int blur, int amount, int threshold) {
        int d = (v << 8) - blur;
        if (Math.abs(d) <= threshold) {
            return v;
        }
        return Pixels.clamp255(v + ((d * amount + 32768) >> 16));
    }

    /** {@code current} when built for these parameters, else new weights. */
    public static State state(NodeContext ctx, Object current) {
        double a = ctx.number("amount");
        double r = ctx.number("radius");
        double t = ctx.number("threshold");
        double s = ctx.scale();
        if (current instanceof State st && st.amountParam() == a && st.radius() == r && st.thresholdParam() == t
                && st.scale() == s) {
            return st;
        }
        double sigma = Math.max(0, r * s);
        int half = Math.min(MAX_TAPS, (int) Math.ceil(3 * sigma));
        int amount = (int) Math.round(Pixels.clamp(a, 0, 10) * 256);
        int threshold = (int) Math.round(Pixels.clamp(t, 0, 1) * 255 * 256);
        if (half == 0 || amount == 0) {
            return new State(a, r, t, s, 0, new int[] {4096}, amount, threshold, true);
        }
        int[] k = new int[2 * half + 1];
        double[] g = new double[k.length];
        double sum = 0;
        for (int i = -half; i <= half; i++) {
            g[i + half] = Math.exp(-(i * (double) i) / (2 * sigma * sigma));
            sum += g[i + half];
        }
        int total = 0;
        for (int i = 0; i < k.length; i++) {
            k[i] = (int) Math.round(g[i] / sum * 4096);
            total += k[i];
        }
        k[half] += 4096 - total; // exact unit gain
        return new State(a, r, t, s, half, k, amount, threshold, false);
    }
}
