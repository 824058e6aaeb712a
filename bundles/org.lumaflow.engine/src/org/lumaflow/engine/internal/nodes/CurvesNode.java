package org.lumaflow.engine.internal.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 * {@code core.curves}: a master curve then per-channel red, green and blue curves, each given as control points in a
 * STRING parameter ({@code "x,y x,y ..."}, 0..1) and interpolated with a monotone cubic (Fritsch-Carlson), so a curve
 * never overshoots between points. Baked into three 256-entry tables (the same kernel as {@code core.grade}).
 */
@Component(service = NodeType.class)
public final class CurvesNode implements PixelNode {

    private static final String IDENTITY = "0,0 1,1";
    private static final String POINTS = "control points 'x,y' (0..1, x increasing) separated by spaces";

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.curves", "Curves", "Color",
            "Tone curves: out = channel_curve(master_curve(in)) per colour channel, each curve a monotone cubic "
                    + "through its control points ('x,y x,y ...', 0..1), flat beyond the first and last point. "
                    + "Alpha is untouched.",
            List.of(PortSpec.image("source", "Image to adjust")), PortType.IMAGE,
            List.of(ParamSpec.string("master", IDENTITY, "Curve applied to all channels first: " + POINTS),
                    ParamSpec.string("red", IDENTITY, "Red channel curve: " + POINTS),
                    ParamSpec.string("green", IDENTITY, "Green channel curve: " + POINTS),
                    ParamSpec.string("blue", IDENTITY, "Blue channel curve: " + POINTS)))
            .traits(NodeKind.PER_PIXEL, false);

    /** The tables for one set of curves. Also used by the GPU twin. */
    public record State(String master, String red, String green, String blue, int[] tables, boolean identity) {

        boolean matches(String m, String r, String g, String b) {
            return m.equals(master) && r.equals(red) && g.equals(green) && b.equals(blue);
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
        int[] t = st.tables();
        return (y, w, in, out) -> GradeNode.grade(in[0], out, w, t, 4096);
    }

    /** {@code current} when built for the node's curves, else new tables (bad points fail naming the parameter). */
    public static State state(NodeContext ctx, Object current) {
        String m = text(ctx, "master");
        String r = text(ctx, "red");
        String g = text(ctx, "green");
        String b = text(ctx, "blue");
        if (current instanceof State s && s.matches(m, r, g, b)) {
            return s;
        }
        int[] master = table(Curve.parse("master", m));
        int[] tables = new int[768];
        boolean identity = true;
        String[] names = {"red", "green", "blue"};
        String[] values = {r, g, b};
        for (int ch = 0; ch < 3; ch++) {
            int[] c = table(Curve.parse(names[ch], values[ch]));
            for (int v = 0; v < 256; v++) {
                int code = c[master[v]];
                tables[ch * 256 + v] = code;
                identity &= code == v;
            }
        }
        return new State(m, r, g, b, tables, identity);
    }

    private static String text(NodeContext ctx, String name) {
        String s = ctx.string(name);
        return s == null || s.isBlank() ? IDENTITY : s.strip();
    }

    /** The 256-entry code table of a curve: round(255 * clamp(curve(v / 255))). */
    static int[] table(Curve c) {
        int[] t = new int[256];
        for (int v = 0; v < 256; v++) {
            t[v] = (int) Math.floor(Pixels.clamp(c.at(v / 255.0), 0, 1) * 255 + 0.5);
        }
        return t;
    }

    /** A monotone cubic Hermite curve through control points (Fritsch-Carlson tangents). */
    public static final class Curve {

        private final double[] xs;
        private final double[] ys;
        private final double[] ms;

        private Curve(double[] xs, double[] ys) {
            this.xs = xs;
            this.ys = ys;
            int n = xs.length;
            double[] d = new double[n - 1];
            for (int i = 0; i < n - 1; i++) {
                d[i] = (ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]);
            }
            ms = new double[n];
            ms[0] = d[0];
            ms[n - 1] = d[n - 2];
            for (int i = 1; i < n - 1; i++) {
                ms[i] = d[i - 1] * d[i] <= 0 ? 0 : (d[i - 1] + d[i]) / 2;
            }
            for (int i = 0; i < n - 1; i++) {
                if (d[i] == 0) {
                    ms[i] = 0;
                    ms[i + 1] = 0;
                    continue;
                }
                double a = ms[i] / d[i];
                double b = ms[i + 1] / d[i];
                double s = a * a + b * b;
                if (s > 9) { // keep the segment monotone
                    double tau = 3 / Math.sqrt(s);
                    ms[i] = tau * a * d[i];
                    ms[i + 1] = tau * b * d[i];
                }
            }
        }

        /**
         * Parses {@code "x,y x,y ..."} (pairs separated by spaces or ';'); errors name {@code param} and the bad
         * point.
         */
        public static Curve parse(String param, String text) {
            List<double[]> pts = new ArrayList<>();
            for (String tok : text.trim().split("[\\s;]+")) {
                if (tok.isEmpty()) {
                    continue;
                }
                String[] xy = tok.split(",");
                double x;
                double y;
                try {
                    if (xy.length != 2) {
                        throw new NumberFormatException();
                    }
                    x = Double.parseDouble(xy[0]);
                    y = Double.parseDouble(xy[1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(bad(param, text, "'" + tok + "' is not a point 'x,y'"));
                }
                if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
                    throw new IllegalArgumentException(bad(param, text, "point '" + tok + "' is outside 0..1"));
                }
                if (!pts.isEmpty() && x <= pts.get(pts.size() - 1)[0]) {
                    throw new IllegalArgumentException(bad(param, text,
                            "x of point '" + tok + "' is not larger than the previous point's"));
                }
                pts.add(new double[] {x, y});
            }
            if (pts.size() < 2) {
                throw new IllegalArgumentException(bad(param, text, "a curve needs at least two points"));
            }
            double[] xs = new double[pts.size()];
            double[] ys = new double[pts.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = pts.get(i)[0];
                ys[i] = pts.get(i)[1];
            }
            return new Curve(xs, ys);
        }

        private static String bad(String param, String text, String why) {
            return String.format(Locale.ROOT, "curves parameter '%s' (\"%s\"): %s; expected %s", param, text, why,
                    POINTS);
        }

        /** The curve at {@code x}: the first or last point's y outside their range. */
        public double at(double x) {
            int n = xs.length;
            if (x <= xs[0]) {
                return ys[0];
            }
            if (x >= xs[n - 1]) {
                return ys[n - 1];
            }
            int i = 0;
            while (x > xs[i + 1]) {
                i++;
            }
            double h = xs[i + 1] - xs[i];
            double t = (x - xs[i]) / h;
            double t2 = t * t;
            double t3 = t2 * t;
            return (2 * t3 - 3 * t2 + 1) * ys[i] + (t3 - 2 * t2 + t) * h * ms[i] + (-2 * t3 + 3 * t2) * ys[i + 1]
                    + (t3 - t2) * h * ms[i + 1];
        }
    }
}
