package org.lumaflow.engine.internal.nodes;

import java.util.List;

import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PixelFunction;
import org.lumaflow.engine.graph.PixelNode;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.internal.convert.Bt709;
import org.osgi.service.component.annotations.Component;

/**
 * {@code core.chroma_key}: keys out a colour by its BT.709 chroma distance and suppresses its spill. Integer
 * throughout: chroma in 1/16 code values, the squared distance looked up in a table of alpha values (built here, used
 * by the GPU twin too).
 */
@Component(service = NodeType.class)
public final class ChromaKeyNode implements PixelNode {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.chroma_key", "Chroma Key", "Matte",
            "Makes pixels near the key colour transparent: d = distance of (B - Y, R - Y) from the key's, in full "
                    + "scale units; alpha = 0 below the tolerance, 1 above tolerance + softness, linear between (times "
                    + "the input alpha). Spill suppression pulls the key's dominant channel towards the mean of the "
                    + "other two.",
            List.of(PortSpec.image("source", "Image shot against the key colour")), PortType.IMAGE,
            List.of(ParamSpec.color("key", new Color(0, 1, 0, 1), "Colour to remove (alpha ignored)"),
                    ParamSpec.number("tolerance", 0.2, 0, 1.5, "", "Chroma distance keyed out completely"),
                    ParamSpec.number("softness", 0.1, 0, 1.5, "", "Width of the edge between keyed and kept"),
                    ParamSpec.number("spill", 0.5, 0, 1, "",
                            "How far the key's dominant channel is pulled down to the mean of the others"),
                    ParamSpec.choice("output", "The keyed image, or the matte as opaque grey", "image", "matte")))
            .traits(NodeKind.PER_PIXEL, false);

    /** Chroma unit: one full-scale code range. */
    static final int UNIT = 255 * 16;
    /** Largest alpha table. */
    static final int TABLE = 4096;

    /**
     * One key: key chroma {@code kcb, kcr} (1/16 code values), {@code limit} = squared distance at or beyond which
     * alpha is 255, {@code alpha[d2 >> shift]} below it; {@code channel} = the key's dominant channel (0 r, 1 g, 2
     * b), {@code spill} 0..256; {@code matte} outputs the matte. Also used by the GPU twin.
     */
    public record State(int keyRgb, double tolerance, double softness, double spillParam, String output, int kcb,
            int kcr, int limit, int shift, int[] alpha, int channel, int spill, boolean matte) {

        boolean matches(int k, double t, double s, double sp, String o) {
            return k == keyRgb && t == tolerance && s == softness && sp == spillParam && o.equals(output);
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
        return (y, w, in, out) -> {
            int[] src = in[0];
            for (int x = 0; x < w; x++) {
                out[x] = key(src[x], st);
            }
        };
    }

    /** Blue-difference chroma of a pixel in 1/16 code values. */
    static int cb(int r, int g, int b) {
        int y = Bt709.KR * r + Bt709.KG * g + Bt709.KB * b;
        return ((b << 16) - y) >> 12;
    }

    /** Red-difference chroma of a pixel in 1/16 code values. */
    static int cr(int r, int g, int b) {
        int y = Bt709.KR * r + Bt709.KG * g + Bt709.KB * b;
        return ((r << 16) - y) >> 12;
    }

    /** The keyed pixel. */
    static int key(int p, State st) {
        int r = p & 0xFF;
        int g = (p >> 8) & 0xFF;
        int b = (p >> 16) & 0xFF;
        int dcb = cb(r, g, b) - st.kcb();
        int dcr = cr(r, g, b) - st.kcr();
        int d2 = dcb * dcb + dcr * dcr;
        int ka = d2 >= st.limit() ? 255 : st.alpha()[d2 >>> st.shift()];
        if (st.matte()) {
            return 0xFF000000 | (ka << 16) | (ka << 8) | ka;
        }
        int a = Pixels.div255((p >>> 24) * ka);
        if (a == 0) {
            return 0;
        }
        int s = st.spill();
        if (s != 0) {
            switch (st.channel()) {
                case 0 -> r = despill(r, g, b, s);
                case 2 -> b = despill(b, r, g, s);
                default -> g = despill(g, r, b, s);
            }
        }
        return (a << 24) | (b << 16) | (g << 8) | r;
    }

    /** {@code v} pulled towards the mean of {@code o1} and {@code o2} by {@code s}/256 when above it. */
    static int despill(int v, int o1, int o2, int s) {
        int limit = (o1 + o2 + 1) >> 1;
        return v <= limit ? v : v - (((v - limit) * s + 128) >> 8);
    }

    /** {@code current} when built for these parameters, else a new state. */
    public static State state(NodeContext ctx, Object current) {
        int k = ctx.color("key").packed() & 0xFFFFFF;
        double t = ctx.number("tolerance");
        double s = ctx.number("softness");
        double sp = ctx.number("spill");
        String o = ctx.choice("output");
        return current instanceof State st && st.matches(k, t, s, sp, o) ? st : build(k, t, s, sp, o);
    }

    private static State build(int key, double tol, double soft, double spillParam, String output) {
        int r = key & 0xFF;
        int g = (key >> 8) & 0xFF;
        int b = (key >> 16) & 0xFF;
        double t0 = Math.max(0, tol);
        double t1 = t0 + Math.max(0, soft);
        int limit = (int) Math.ceil(t1 * UNIT * t1 * UNIT);
        int shift = 0;
        while ((limit >> shift) >= TABLE) {
            shift++;
        }
        int[] alpha = new int[(limit >> shift) + 1];
        for (int i = 0; i < alpha.length; i++) {
            double lo = (double) i * (1 << shift);
            double centre = Math.min(limit, lo + ((1 << shift) - 1) / 2.0);
            double d = Math.sqrt(centre) / UNIT;
            double v = t1 <= t0 ? (d >= t0 ? 1 : 0) : Pixels.clamp((d - t0) / (t1 - t0), 0, 1);
            alpha[i] = (int) Math.round(v * 255);
        }
        int channel = g >= r && g >= b ? 1 : b >= r ? 2 : 0;
        int spill = (int) Math.round(Pixels.clamp(spillParam, 0, 1) * 256);
        return new State(key, tol, soft, spillParam, output, cb(r, g, b), cr(r, g, b), limit, shift, alpha, channel,
                spill, "matte".equals(output));
    }
}
