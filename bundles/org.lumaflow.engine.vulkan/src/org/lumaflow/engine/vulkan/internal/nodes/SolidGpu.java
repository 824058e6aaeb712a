package org.lumaflow.engine.vulkan.internal.nodes;

import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/** {@code core.solid} on the GPU ({@code shaders/solid.comp}). */
final class SolidGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        int pixels = c.width() * c.height();
        c.push().putInt(0, pixels).putInt(4, c.params().color("color").packed());
        c.bind(c.output()).dispatch(c.kernel("solid", 1), GpuNodeContext.groups(pixels, 64), 1);
    }
}
