package org.lumaflow.engine.internal.nodes;

import java.util.ArrayList;
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
 * {@code core.color_wheels}: lift, gamma, gain and offset as colour wheels, each in the wheel's own coordinates (hue
 * angle and distance of the puck, plus the master ring), then temperature, tint and saturation. Per-channel parts are
 * baked into three 256-entry tables and saturation applied in fixed point: the same kernel as {@code core.grade}.
 * <p>
 * Why not only {@code core.grade}: grade takes RGB triplets (a colour-wheel UI would have to convert and keyframes
 * would interpolate in RGB, not around the wheel), has no offset wheel, no luma ring separate from the colour
 * balance, and no temperature/tint.
 */
@Component(service = NodeType.class)
public final class ColorWheelsNode implements PixelNode {

    /** The four wheels, in the order they are applied. */
    static final String[] WHEELS = {"offset", "lift", "gamma", "gain"};
    /** Chroma of a wheel's rim: (Cb, Cr) radius of a puck at distance 1. */
    static final double RIM = 0.25;

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.color_wheels", "Colour Wheels", "Color",
            "Colour wheels on code values. Each wheel's shift s = luma + saturation * chroma(hue), chroma(hue) the "
                    + "zero-luma BT.709 RGB of (Cb, Cr) = 0.25 * (cos hue, sin hue) (vectorscope angle: 0 = blue, "
                    + "about 100 = red). Per channel: v += offset; v += lift * (1 - v); v *= 1 + gain; "
                    + "v = v^(2^-gamma); then temperature/tint gains and saturation around BT.709 luma. Alpha is "
                    + "untouched.",
            List.of(PortSpec.image("source", "Image to grade")), PortType.IMAGE, params())
            .traits(NodeKind.PER_PIXEL, false);

    private static List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>();
        for (String w : WHEELS) {
            p.add(ParamSpec.number(w + "_hue", 0, -360, 720, "deg", "Direction of the " + w
                    + " wheel's puck (vectorscope angle: 0 = blue, ~100 = red, ~230 = green)"));
            p.add(ParamSpec.number(w + "_sat", 0, 0, 1, "", "Distance of the " + w + " wheel's puck from the centre"));
            p.add(ParamSpec.number(w + "_luma", 0, -1, 1, "", "Master ring of the " + w + " wheel"));
        }
        p.add(ParamSpec.number("temperature", 0, -1, 1, "", "Warmer (> 0: red up, blue down) or cooler (< 0)"));
        p.add(ParamSpec.number("tint", 0, -1, 1, "", "Magenta (> 0: green down) or green (< 0)"));
        p.add(ParamSpec.number("saturation", 1, 0, 4, "", "Saturation around BT.709 luma (1 = unchanged)"));
        return p;
    }

    /** Tables for one set of parameter values; {@code identity} when they reproduce the input exactly. */
    public record State(double[] values, int[] tables, int sat, boolean identity) {
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
        int sat = st.sat();
        return (y, w, in, out) -> GradeNode.grade(in[0], out, w, t, sat);
    }

    /** {@code current} when built for the node's values, else new tables. Also used by the GPU twin. */
    public static State state(NodeContext ctx, Object current) {
        double[] v = new double[15];
        int i = 0;
        for (String w : WHEELS) {
            v[i++] = ctx.number(w + "_hue");
            v[i++] = ctx.number(w + "_sat");
            v[i++] = ctx.number(w + "_luma");
        }
        v[i++] = ctx.number("temperature");
        v[i++] = ctx.number("tint");
        v[i] = ctx.number("saturation");
        return current instanceof State s && java.util.Arrays.equals(s.values(), v) ? s : build(v);
    }

    /** The RGB shift of a wheel: luma + sat * zero-luma RGB of the chroma at {@code hue} degrees. */
    static double[] shift(double hueDeg, double sat, double luma) {
        double h = StrictMath.toRadians(hueDeg);
        double cb = RIM * sat * StrictMath.cos(h);
        double cr = RIM * sat * StrictMath.sin(h);
        // BT.709 Y'CbCr -> R'G'B' with Y' = 0
        return new double[] {luma + 1.5748 * cr, luma - 0.187324 * cb - 0.468124 * cr, luma + 1.8556 * cb};
    }

    private static State build(double[] v) {
        double[] offset = shift(v[0], v[1], v[2]);
        double[] lift = shift(v[3], v[4], v[5]);
        double[] gamma = shift(v[6], v[7], v[8]);
        double[] gain = shift(v[9], v[10], v[11]);
        double temp = v[12];
        double tint = v[13];
        double[] wb = {1 + 0.3 * temp, 1 - 0.3 * tint, 1 - 0.3 * temp};
        int[] tables = new int[768];
        boolean identity = true;
        for (int ch = 0; ch < 3; ch++) {
            double pw = StrictMath.pow(2, -gamma[ch]);
            for (int c = 0; c < 256; c++) {
                double x = c / 255.0 + offset[ch];
                x = x + lift[ch] * (1 - x);
                x = x * (1 + gain[ch]);
                x = StrictMath.pow(Math.max(x, 0), pw);
                x *= wb[ch];
                int code = (int) Math.floor(Pixels.clamp(x, 0, 1) * 255 + 0.5);
                tables[ch * 256 + c] = code;
                identity &= code == c;
            }
        }
        int sat = (int) Math.round(Math.max(0, v[14]) * 4096);
        return new State(v, tables, sat, identity && sat == 4096);
    }
}
