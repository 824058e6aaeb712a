package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.internal.convert.Bt709;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.luma_mask} on the GPU ({@code shaders/luma_mask.comp}): the CPU node's luma-to-mask table, built here
 * for each (low, high, invert) and kept in the node's state, uploaded with the frame.
 */
final class LumaMaskGpu implements GpuNode {

    /** The luma-to-mask table for one (low, high, invert). */
    private record State(double low, double high, boolean invert, int[] table) {
    }

    @Override
    public void record(GpuNodeContext c) {
        NodeContext p = c.params();
        double low = p.number("low");
        double high = p.number("high");
        boolean invert = p.bool("invert");
        boolean useAlpha = p.bool("use_alpha");
        State st = c.state() instanceof State s && s.low() == low && s.high() == high && s.invert() == invert ? s
                : new State(low, high, invert, table(low, high, invert, c.state() instanceof State old
                        ? old.table() : new int[256]));
        c.setState(st);
        GpuFrame in = c.input(0);
        if (in == null) {
            throw new IllegalStateException("input 'source' is not connected");
        }
        DissolveGpu.checkImage(c, in, "source");
        GpuSlice table = c.constants(256 * 4);
        ByteBuffer b = table.bytes();
        int[] t = st.table();
        for (int v = 0; v < 256; v++) {
            b.putInt(v * 4, t[v]);
        }
        int pixels = c.width() * c.height();
        c.push().putInt(0, pixels).putInt(4, useAlpha ? 1 : 0).putInt(8, Bt709.KR).putInt(12, Bt709.KG)
                .putInt(16, Bt709.KB);
        c.bind(in).bind(c.output()).bind(table).dispatch(c.kernel("luma_mask", 3),
                GpuNodeContext.groups(GpuNodeContext.groups(pixels, 4), 64), 1);
    }

    /** mask(luma) = round(255 * (luma - lo) / (hi - lo)), clamped; a step at lo when hi <= lo (the CPU's table). */
    private static int[] table(double low, double high, boolean invert, int[] t) {
        int lo = (int) Math.round(clamp(low) * 255);
        int hi = (int) Math.round(clamp(high) * 255);
        for (int v = 0; v < 256; v++) {
            int m = hi <= lo ? (v >= lo ? 255 : 0) : clamp255(((v - lo) * 510 + (hi - lo)) / (2 * (hi - lo)));
            t[v] = invert ? 255 - m : m;
        }
        return t;
    }

    private static int clamp255(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
