package org.lumaflow.engine.vulkan.internal.nodes;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.internal.nodes.PatternWipeNode;
import org.lumaflow.engine.internal.nodes.WipeNode;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/** {@code core.pattern_wipe} on the GPU ({@code shaders/pattern_wipe.comp}): the CPU's pattern and ramp in float. */
final class PatternWipeGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        NodeContext ctx = c.params();
        WipeNode.Ramp ramp = PatternWipeNode.ramp(ctx.number("progress"), ctx.number("softness"));
        if (DissolveGpu.trivial(c, (int) Math.round(ramp.p() * 65536))) {
            return;
        }
        int w = c.width();
        int h = c.height();
        int pattern = Math.max(0, PatternWipeNode.PATTERNS.indexOf(ctx.choice("pattern")));
        c.push().putInt(0, w).putInt(4, h).putInt(8, pattern).putFloat(12, (float) ramp.p())
                .putFloat(16, (float) ramp.edge()).putFloat(20, (float) ramp.invSoft());
        c.bind(c.input(0)).bind(c.input(1)).bind(c.output()).dispatch(c.kernel("pattern_wipe", 3),
                GpuNodeContext.groups(w, 8), GpuNodeContext.groups(h, 8));
    }
}
