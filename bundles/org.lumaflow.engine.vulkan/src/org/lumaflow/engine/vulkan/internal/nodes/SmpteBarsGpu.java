package org.lumaflow.engine.vulkan.internal.nodes;

import org.lumaflow.engine.internal.nodes.SmpteBarsNode;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.smpte_bars} on the GPU ({@code shaders/smpte_bars.comp}): the CPU node's layout (boundaries in 84ths of
 * the width, band rows in thirds and quarters of the height) and codes, expanded by the CPU node's own code
 * ({@link SmpteBarsNode#bandColumns}) into one colour per column for each of the three bands.
 */
final class SmpteBarsGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        boolean setup = c.params().bool("setup");
        int w = c.width();
        int h = c.height();
        int[] cols = new int[3 * w];
        for (int band = 0; band < 3; band++) {
            SmpteBarsNode.bandColumns(band, setup, w, cols, band * w);
        }
        GpuSlice colors = c.constants(3 * w * 4);
        colors.bytes().asIntBuffer().put(0, cols);
        c.push().putInt(0, w).putInt(4, h).putInt(8, SmpteBarsNode.bandEnd(0, h))
                .putInt(12, SmpteBarsNode.bandEnd(1, h));
        c.bind(c.output()).bind(colors).dispatch(c.kernel("smpte_bars", 2), GpuNodeContext.groups(w, 8),
                GpuNodeContext.groups(h, 8));
    }
}
