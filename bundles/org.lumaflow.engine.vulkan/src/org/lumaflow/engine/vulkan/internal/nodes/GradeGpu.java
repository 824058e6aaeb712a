package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.internal.convert.Bt709;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.grade} on the GPU ({@code shaders/grade.comp}): the CPU node's 768-entry channel tables and
 * fixed-point saturation, built here (kept in the node's state while the parameters stay) and uploaded with the
 * frame; identity parameters pass the input through, as on the CPU.
 */
final class GradeGpu implements GpuNode {

    /** Tables for one set of parameter values; {@code identity} when they reproduce the input exactly. */
    private record State(double exposure, double contrast, double saturation, Color lift, Color gamma, Color gain,
            int[] tables, int sat, boolean identity) {

        boolean matches(double e, double c, double s, Color l, Color gm, Color gn) {
            return e == exposure && c == contrast && s == saturation && rgbEquals(l, lift) && rgbEquals(gm, gamma)
                    && rgbEquals(gn, gain);
        }
    }

    @Override
    public void record(GpuNodeContext c) {
        NodeContext p = c.params();
        double e = p.number("exposure");
        double con = p.number("contrast");
        double s = p.number("saturation");
        Color lift = p.color("lift");
        Color gamma = p.color("gamma");
        Color gain = p.color("gain");
        State st = c.state() instanceof State old && old.matches(e, con, s, lift, gamma, gain) ? old
                : build(e, con, s, lift, gamma, gain, c.state() instanceof State old ? old.tables() : null);
        c.setState(st);
        if (st.identity()) {
            c.passThrough(0);
            return;
        }
        GpuFrame in = c.input(0);
        if (in == null) {
            throw new IllegalStateException("input 'source' is not connected");
        }
        DissolveGpu.checkImage(c, in, "source");
        GpuSlice tables = c.constants(768 * 4);
        ByteBuffer b = tables.bytes();
        int[] t = st.tables();
        for (int i = 0; i < 768; i++) {
            b.putInt(i * 4, t[i]);
        }
        int pixels = c.width() * c.height();
        c.push().putInt(0, pixels).putInt(4, st.sat()).putInt(8, Bt709.KR).putInt(12, Bt709.KG)
                .putInt(16, Bt709.KB);
        c.bind(in).bind(c.output()).bind(tables).dispatch(c.kernel("grade", 3), GpuNodeContext.groups(pixels, 64),
                1);
    }

    /** The CPU node's tables ({@code GradeNode.build}). */
    private static State build(double e, double c, double s, Color lift, Color gamma, Color gain, int[] reuse) {
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
                int code = (int) Math.floor((x < 0 ? 0 : x > 1 ? 1 : x) * 255 + 0.5);
                tables[ch * 256 + v] = code;
                identity &= code == v;
            }
        }
        int sat = (int) Math.round(Math.max(0, s) * 4096);
        return new State(e, c, s, lift, gamma, gain, tables, sat, identity && sat == 4096);
    }

    private static boolean rgbEquals(Color a, Color b) {
        return a.r() == b.r() && a.g() == b.g() && a.b() == b.b();
    }
}
