package org.lumaflow.engine.internal.nodes;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.graph.NodeContext;

/** Shared input handling of the two-input transitions ({@code from} = input 0, {@code to} = input 1). */
final class Transitions {

    private Transitions() {
    }

    /**
     * Handles the cases that need no mixing and returns true when the output is settled: progress (x 65536) at an
     * end passes that input through; a missing input is replaced by the other one (or transparent black when
     * neither is connected). Also checks the input sizes.
     */
    static boolean trivial(NodeContext ctx, Frame from, Frame to, int progress) {
        if (from == null || to == null) {
            if (from == null && to == null) {
                ctx.output().clear();
            } else {
                ctx.passThrough(from != null ? 0 : 1);
            }
            return true;
        }
        if (progress <= 0) {
            ctx.passThrough(0);
            return true;
        }
        if (progress >= 65536) {
            ctx.passThrough(1);
            return true;
        }
        Pixels.checkFrame(from, ctx.width(), ctx.height(), PixelFormat.RGBA8, "from");
        Pixels.checkFrame(to, ctx.width(), ctx.height(), PixelFormat.RGBA8, "to");
        return false;
    }

    /** {@link #trivial} for a fused pass: the settled function, or null when the inputs must be mixed. */
    static org.lumaflow.engine.graph.PixelFunction settled(NodeContext ctx, int progress) {
        boolean from = ctx.connected(0);
        boolean to = ctx.connected(1);
        if (!from || !to) {
            return from || to ? org.lumaflow.engine.graph.PixelFunction.passThrough(from ? 0 : 1)
                    : (y, w, in, out) -> java.util.Arrays.fill(out, 0, w, 0);
        }
        if (progress <= 0 || progress >= 65536) {
            return org.lumaflow.engine.graph.PixelFunction.passThrough(progress <= 0 ? 0 : 1);
        }
        return null;
    }
}
