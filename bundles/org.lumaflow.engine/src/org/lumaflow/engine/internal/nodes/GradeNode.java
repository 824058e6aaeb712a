package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.PixelFunction;
import org.lumaflow.engine.graph.PixelNode;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.ParamType;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.internal.convert.Bt709;
import org.osgi.service.component.annotations.Component;

/** {@code core.grade}: exposure, lift/gamma/gain, contrast (per-channel tables) and saturation (fixed point). */
@Component(service = NodeType.class)
public final class GradeNode implements PixelNode {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.grade", "Grade", "Color",
            "Primary colour correction on code values: exposure, then lift/gamma/gain "
                    + "(v' = gain * (v + lift * (1 - v)), v'' = v'^(1/gamma)), then contrast around mid grey, then "
                    + "saturation around BT.709 luma. Alpha is untouched.",
            List.of(PortSpec.image("source", "Image to grade")), PortType.IMAGE,
            List.of(ParamSpec.number("exposure", 0, -8, 8, "stops", "Multiplies code values by 2^exposure"),
                    ParamSpec.number("contrast", 1, 0, 4, "", "Contrast around code value 0.5 (1 = unchanged)"),
                    ParamSpec.number("saturation", 1, 0, 4, "",
                            "Saturation around BT.709 luma (0 = grey, 1 = unchanged)"),
                    new ParamSpec("lift", ParamType.COLOR, new Color(0, 0, 0, 1), -1, 1, List.of(), "",
                            "Raises (or lowers) blacks per channel, leaving white; alpha ignored"),
                    new ParamSpec("gamma", ParamType.COLOR, new Color(1, 1, 1, 1), 0.01, 4, List.of(), "",
                            "Mid-tone power per channel (> 1 brightens); alpha ignored"),
                    new ParamSpec("gain", ParamType.COLOR, new Color(1, 1, 1, 1), 0, 4, List.of(), "",
                            "Multiplies per channel, leaving black; alpha ignored")))
            .traits(NodeKind.PER_PIXEL, false);

    /**
     * Tables for one set of parameter values; {@code affine}: the tables as clamped lines ({@link AffineTables#fit})
     * or null; {@code identity} when they reproduce the input exactly.
     */
    public record State(double exposure, double contrast, double saturation, Color lift, Color gamma, Color gain,
            int[] tables, int[] affine, int sat, boolean identity) {

        boolean matches(double e, double c, double s, Color l, Color gm, Color gn) {
            return e == exposure && c == contrast && s == saturation && rgbEquals(l, lift) && rgbEquals(gm, gamma)
                    && rgbEquals(gn, gain);
        }
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
        ByteBuffer in = Pixels.image(ctx, 0, "source").buffer();
        ByteBuffer out = ctx.output().buffer();
        int[] t = st.tables();
        int[] f = st.affine();
        int sat = st.sat();
        IntBuffer inPx = in.asIntBuffer();
        IntBuffer outPx = out.asIntBuffer();
        Parallel.rows(w, h, (y0, y1) -> {
            int[] row = IntRows.get(0, w);
            for (int yy = y0; yy < y1; yy++) {
                inPx.get(yy * w, row, 0, w);
                grade(row, row, w, t, f, sat);
                outPx.put(yy * w, row, 0, w);
            }
        });
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
        int[] t = st.tables();
        int[] f = st.affine();
        int sat = st.sat();
        return (y, w, in, out) -> grade(in[0], out, w, t, f, sat);
    }

    /** Grades {@code w} pixels of {@code src} into {@code dst} (may be the same array). */
    static void grade(int[] src, int[] dst, int w, int[] t, int sat) {
        grade(src, dst, w, t, null, sat);
    }

    /** As {@link #grade(int[], int[], int, int[], int)}, with the tables as lines {@code f} (or null). */
    static void grade(int[] src, int[] dst, int w, int[] t, int[] f, int sat) {
        int done = !SimdKernels.AVAILABLE ? 0
                : f != null ? GradeRowsSimd.gradeAffine(src, dst, w, f, sat) : GradeRowsSimd.grade(src, dst, w, t, sat);
        gradeScalar(src, dst, done, w, t, sat);
    }

    /** The scalar kernel over pixels {@code [from, w)}; the reference the Vector API kernel matches. */
    static void gradeScalar(int[] src, int[] dst, int from, int w, int[] t, int sat) {
        for (int x = from; x < w; x++) {
            int p = src[x];
            int r = t[p & 0xFF];
            int g = t[256 + ((p >> 8) & 0xFF)];
            int b = t[512 + ((p >> 16) & 0xFF)];
            if (sat != 4096) {
                int y = Bt709.luma(r, g, b);
                r = Pixels.clamp255(y + (((r - y) * sat + 2048) >> 12));
                g = Pixels.clamp255(y + (((g - y) * sat + 2048) >> 12));
                b = Pixels.clamp255(y + (((b - y) * sat + 2048) >> 12));
            }
            dst[x] = (p & 0xFF000000) | (b << 16) | (g << 8) | r;
        }
    }

    /**
     * The 768-entry channel tables and fixed-point saturation for the node's parameters: {@code current} if it was
     * built for them, else built anew (refilling its tables). Also used by the GPU twin.
     */
    public static State state(NodeContext ctx, Object current) {
        double e = ctx.number("exposure");
        double c = ctx.number("contrast");
        double s = ctx.number("saturation");
        Color lift = ctx.color("lift");
        Color gamma = ctx.color("gamma");
        Color gain = ctx.color("gain");
        return current instanceof State old && old.matches(e, c, s, lift, gamma, gain) ? old
                : build(e, c, s, lift, gamma, gain, current instanceof State old ? old.tables() : null);
    }

    private static State build(double e, double c, double s, Color lift, Color gamma, Color gain, int[] reuse) {
        // renders of one compiled graph are serialized, so the previous state's tables can be refilled in place
        int[] tables = reuse != null ? reuse : new int[768];
        double mul = StrictMath.pow(2, e);
        boolean identity = true;
        for (int ch = 0; ch < 3; ch++) {
            double l = lift.component(ch);
            double invGamma = 1 / Math.max(0.01, gamma.component(ch));
            double k = gain.component(ch);
            for (int v = 0; v < 256; v++) {
                double x = v / 255.0 * mul;
                x = k * (x + l * (1 - x));
                x = StrictMath.pow(Math.max(x, 0), invGamma);
                x = (x - 0.5) * c + 0.5;
                int code = (int) Math.floor(Pixels.clamp(x, 0, 1) * 255 + 0.5);
                tables[ch * 256 + v] = code;
                identity &= code == v;
            }
        }
        int sat = (int) Math.round(Math.max(0, s) * 4096);
        return new State(e, c, s, lift, gamma, gain, tables, AffineTables.fit(tables), sat, identity && sat == 4096);
    }

    private static boolean rgbEquals(Color a, Color b) {
        return a.r() == b.r() && a.g() == b.g() && a.b() == b.b();
    }
}
