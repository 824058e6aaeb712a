package org.lumaflow.engine.vulkan.internal.nodes;

import org.lumaflow.engine.internal.nodes.ColorWheelsNode;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.color_wheels} on the GPU: the CPU node's channel tables and fixed-point saturation
 * ({@link ColorWheelsNode#state}) through {@code core.grade}'s kernel; identity values pass the input through.
 */
final class ColorWheelsGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        ColorWheelsNode.State st = ColorWheelsNode.state(c.params(), c.state());
        c.setState(st);
        if (st.identity()) {
            c.passThrough(0);
            return;
        }
        Tabled.grade(c, c.image(0, "source"), st.tables(), st.sat());
    }
}
