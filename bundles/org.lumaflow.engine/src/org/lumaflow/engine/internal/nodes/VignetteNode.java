package org.lumaflow.engine.internal.nodes;

import java.util.List;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PixelFunction;
import org.lumaflow.engine.graph.PixelNode;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/**
 * {@code core.vignette}: darkens (or brightens) the image towards its edges. The distance from the centre is a
 * superellipse norm built from per-column and per-row integer terms, and the strength a table over that distance, so
 * the CPU and the GPU twin compute the same integers.
 */
@Component(service = NodeType.class)
public final class VignetteNode implements PixelNode {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.vignette", "Vignette", "Color",
            "Darkens (amount < 0) or brightens (amount > 0) the image towards its edges: strength = |amount| * "
                    + "smoothstep(midpoint - feather/2, midpoint + feather/2, d), d = 1 at the frame's edge midpoints. "
                    + "Alpha is untouched.",
            List.of(PortSpec.image("source", "Image to vignette")), PortType.IMAGE,
            List.of(ParamSpec.number("amount", -0.5, -1, 1, "",
                    "-1 = black edges, 0 = none, 1 = white edges"),
                    ParamSpec.number("midpoint", 0.6, 0, 1.5, "",
                            "Distance from the centre (1 = edge midpoints) where the falloff is half way"),
                    ParamSpec.number("roundness", 0, -1, 1, "",
                            "0 = an ellipse fitted to the frame, 1 = a circle, -1 = a rounded rectangle"),
                    ParamSpec.number("feather", 0.5, 0, 2, "", "Width of the falloff (0 = hard edge)")))
            .traits(NodeKind.PER_PIXEL, false);

    /** Entries of the strength table over the quantized squared-norm sum. */
    static final int TABLE = 4096;
    /** Fixed-point scale of the per-column and per-row terms. */
    static final int ONE = 1 << 16;

    /**
     * The tables for one set of parameters and one size: {@code cols[x] + rows[y]} is the norm sum {@code s}
     * (16-bit fixed point); {@code strength[min(s >> shift, TABLE - 1)]} (0..65536) is the effect at that pixel.
     * {@code darken} says which way; {@code identity} when nothing changes. Also used by the GPU twin.
     */
    public record State(double amount, double midpoint, double roundness, double feather, int width, int height,
            int[] cols, int[] rows, int[] strength, int shift, boolean darken, boolean identity) {

        boolean matches(double a, double m, double r, double f, int w, int h) {
            return a == amount && m == midpoint && r == roundness && f == feather && w == width && h == height;
        }
    }

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public PixelFunction prepare(NodeContext ctx) {
        State st = state(ctx, ctx.state());
        if (st != ctx.state()) {
            ctx.setState(st);
        }
        if (st.identity()) {
            return PixelFunction.passThrough(0);
        }
        int[] cols = st.cols();
        int[] rows = st.rows();
        int[] t = st.strength();
        int shift = st.shift();
        boolean darken = st.darken();
        return (y, w, in, out) -> {
            int[] src = in[0];
            int ry = rows[y];
            for (int x = 0; x < w; x++) {
                int m = t[Math.min((cols[x] + ry) >>> shift, TABLE - 1)];
                out[x] = apply(src[x], m, darken);
            }
        };
    }

    /** One pixel with strength {@code m} (0..65536). */
    static int apply(int p, int m, boolean darken) {
        if (m == 0) {
            return p;
        }
        int r = p & 0xFF;
        int g = (p >> 8) & 0xFF;
        int b = (p >> 16) & 0xFF;
        if (darken) {
            int k = 65536 - m;
            r = (r * k + 32768) >>> 16;
            g = (g * k + 32768) >>> 16;
            b = (b * k + 32768) >>> 16;
        } else {
            r += ((255 - r) * m + 32768) >>> 16;
            g += ((255 - g) * m + 32768) >>> 16;
            b += ((255 - b) * m + 32768) >>> 16;
        }
        return (p & 0xFF000000) | (b << 16) | (g << 8) | r;
    }

    /** {@code current} when it was built for the node's parameters and size, else new tables. */
    public static State state(NodeContext ctx, Object current) {
        double a = ctx.number("amount");
        double mid = ctx.number("midpoint");
        double round = ctx.number("roundness");
        double feather = ctx.number("feather");
        int w = ctx.width();
        int h = ctx.height();
        return current instanceof State s && s.matches(a, mid, round, feather, w, h) ? s
                : build(a, mid, round, feather, w, h);
    }

    private static State build(double amount, double mid, double round, double feather, int w, int h) {
        double rho = Pixels.clamp(round, -1, 1);
        double p = rho < 0 ? 2 - 6 * rho : 2; // superellipse exponent: 2 (ellipse) .. 8 (rounded rectangle)
        double kx = 1;
        double ky = 1;
        if (rho > 0) { // towards a circle touching the shorter sides
            double m = Math.min(w, h);
            kx = 1 + (w / m - 1) * rho;
            ky = 1 + (h / m - 1) * rho;
        }
        int[] cols = terms(w, kx, p);
        int[] rows = terms(h, ky, p);
        long max = (long) java.util.Arrays.stream(cols).max().orElse(0) + java.util.Arrays.stream(rows).max().orElse(0);
        int shift = 0;
        while ((max >> shift) >= TABLE) {
            shift++;
        }
        double amt = Pixels.clamp(Math.abs(amount), 0, 1);
        double f = Math.max(0, feather);
        double e0 = mid - f / 2;
        double e1 = mid + f / 2;
        int[] strength = new int[TABLE];
        boolean identity = amt == 0;
        for (int i = 0; i < TABLE && !identity; i++) {
            double s = ((i << shift) + ((1 << shift) >> 1)) / (double) ONE; // bucket centre
            double d = StrictMath.pow(s, 1 / p);
            double t = e1 <= e0 ? (d >= e0 ? 1 : 0) : smoothstep((d - e0) / (e1 - e0));
            strength[i] = (int) Math.round(amt * t * 65536);
        }
        return new State(amount, mid, round, feather, w, h, cols, rows, strength, shift, amount < 0, identity);
    }

    /** round(|k * u|^p * 2^16) for u = 2 (i + 0.5) / n - 1, capped to keep sums in range. */
    private static int[] terms(int n, double k, double p) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            double u = Math.abs(k * (2 * (i + 0.5) / n - 1));
            t[i] = (int) Math.round(Math.min(StrictMath.pow(u, p), 16000) * ONE);
        }
        return t;
    }

    private static double smoothstep(double x) {
        double c = Pixels.clamp(x, 0, 1);
        return c * c * (3 - 2 * c);
    }
}
