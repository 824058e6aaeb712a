package org.lumaflow.engine.vulkan.internal.nodes;

import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/** {@code core.dissolve} on the GPU ({@code shaders/dissolve.comp}), with the CPU node's trivial cases. */
final class DissolveGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        double progress = c.params().number("progress");
        int t = (int) Math.round((progress < 0 ? 0 : progress > 1 ? 1 : progress) * 65536);
        if (trivial(c, t)) {
            return;
        }
        int pixels = c.width() * c.height();
        c.push().putInt(0, pixels).putInt(4, t);
        c.bind(c.input(0)).bind(c.input(1)).bind(c.output()).dispatch(c.kernel("dissolve", 3),
                GpuNodeContext.groups(pixels, 64), 1);
    }

    /**
     * The CPU's {@code Transitions.trivial}: a missing input is replaced by the other one (cleared when both are
     * missing), progress at an end passes that input through; returns true when the output is settled.
     */
    static boolean trivial(GpuNodeContext c, int progress) {
        GpuFrame from = c.input(0);
        GpuFrame to = c.input(1);
        if (from == null || to == null) {
            if (from == null && to == null) {
                c.clear();
            } else {
                c.passThrough(from != null ? 0 : 1);
            }
            return true;
        }
        if (progress <= 0) {
            c.passThrough(0);
            return true;
        }
        if (progress >= 65536) {
            c.passThrough(1);
            return true;
        }
        c.checkImage(from, "from");
        c.checkImage(to, "to");
        return false;
    }

}
