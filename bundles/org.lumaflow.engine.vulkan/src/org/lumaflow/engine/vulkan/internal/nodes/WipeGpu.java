package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.internal.nodes.WipeNode;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.wipe} on the GPU ({@code shaders/wipe.comp}). The CPU node mixes with a double-precision ramp; here
 * that ramp (the CPU node's own {@link WipeNode.Ramp}) is evaluated per column or per row for the straight wipes
 * (exact), and for the radial wipe as a function of the integer squared distance {@code s}, on which it is
 * monotonic: the bounds of the soft edge are found by bisection and the edge itself tabulated (exact), or evaluated
 * in float on the GPU when it spans too many distances (wide soft edges, where float is within one code value).
 */
final class WipeGpu implements GpuNode {

    /** Most squared distances tabulated for a radial soft edge. */
    private static final int RADIAL_TABLE = 16384;

    @Override
    public void record(GpuNodeContext c) {
        NodeContext ctx = c.params();
        double progress = ctx.number("progress");
        double p = progress < 0 ? 0 : progress > 1 ? 1 : progress;
        if (DissolveGpu.trivial(c, (int) Math.round(p * 65536))) {
            return;
        }
        double softness = ctx.number("softness");
        double soft = softness < 0 ? 0 : softness > 1 ? 1 : softness;
        int w = c.width();
        int h = c.height();
        WipeNode.Ramp ramp = WipeNode.ramp(ctx.choice("direction"), p, soft, w, h);
        double tx = ramp.tx();
        double ty = ramp.ty();
        int mode;
        long sHi = 0;
        long sLo = 0;
        GpuSlice table;
        if (!ramp.radial()) {
            boolean columns = tx != 0 || ty == 0;
            mode = columns ? 0 : 1;
            int n = columns ? w : h;
            table = c.constants(n * 4);
            ByteBuffer b = table.bytes();
            for (int i = 0; i < n; i++) {
                int x = columns ? i : 0;
                int y = columns ? 0 : i;
                b.putInt(i * 4, ramp.mix(tx * x + ty * y + ramp.t0()));
            }
        } else {
            if ((long) w * w + (long) h * h >= 1L << 32) {
                throw new IllegalArgumentException("radial wipe of " + w + "x" + h
                        + " exceeds the kernel's 32-bit radius");
            }
            long sMax = (long) (w - 1) * (w - 1) + (long) (h - 1) * (h - 1);
            sHi = first(0, sMax + 1, ramp, 65536);
            sLo = first(sHi, sMax + 1, ramp, 1);
            long n = sLo - sHi;
            if (n <= RADIAL_TABLE) {
                mode = 2;
                table = c.constants((int) Math.max(1, n) * 4);
                ByteBuffer b = table.bytes();
                for (int i = 0; i < n; i++) {
                    b.putInt(i * 4, ramp.mix(radialT(sHi + i, ramp.invDiag())));
                }
            } else {
                mode = 3;
                table = c.constants(4);
            }
        }
        c.push().putInt(0, w).putInt(4, h).putInt(8, mode).putInt(12, (int) sHi).putInt(16, (int) sLo)
                .putFloat(20, (float) ramp.edge()).putFloat(24, (float) ramp.invSoft())
                .putFloat(28, (float) ramp.invDiag());
        c.bind(c.input(0)).bind(c.input(1)).bind(c.output()).bind(table).dispatch(c.kernel("wipe", 4),
                GpuNodeContext.groups(w, 8), GpuNodeContext.groups(h, 8));
    }

    /**
     * The CPU node's radial position for squared distance {@code s} = 4 r^2: it computes {@code dx * dx + dy * dy}
     * from half-integer offsets, which is exactly {@code s / 4}.
     */
    private static double radialT(long s, double invDiag) {
        return Math.sqrt(s * 0.25) * invDiag;
    }

    /** The first {@code s} in [lo, hi) whose mix is below {@code limit} ({@code hi} if none): mix falls with s. */
    private static long first(long lo, long hi, WipeNode.Ramp ramp, int limit) {
        long a = lo;
        long b = hi;
        while (a < b) {
            long m = (a + b) >>> 1;
            if (ramp.mix(radialT(m, ramp.invDiag())) < limit) {
                b = m;
            } else {
                a = m + 1;
            }
        }
        return a;
    }
}
