package org.lumaflow.engine.vulkan.internal.nodes;

import org.lumaflow.engine.internal.nodes.CropNode;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.crop} on the GPU ({@code shaders/crop.comp}): the CPU node's feather factors and, for 'fill', its
 * sample positions ({@link CropNode#state}) uploaded with the frame; the kernel repeats the integer feather and the
 * CPU's bilinear blend exactly. An empty rectangle clears the output; identity parameters pass the input through.
 */
final class CropGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        CropNode.State st = CropNode.state(c.params(), c.state());
        c.setState(st);
        if (st.identity()) {
            c.passThrough(0);
            return;
        }
        var in = c.image(0, "source");
        if (st.empty()) {
            c.clear();
            return;
        }
        int w = c.width();
        int h = c.height();
        GpuSlice cols = Tables.ints(c, st.colF());
        GpuSlice rows = Tables.ints(c, st.rowF());
        boolean fill = st.fill();
        c.push().putInt(0, w).putInt(4, h).putInt(8, fill ? 1 : 0).putInt(12, st.x0()).putInt(16, st.x1())
                .putInt(20, st.y0()).putInt(24, st.y1());
        c.bind(in).bind(c.output()).bind(cols).bind(rows).bind(fill ? Tables.ints(c, st.srcX()) : cols)
                .bind(fill ? Tables.ints(c, st.srcY()) : rows).dispatch(c.kernel("crop", 6),
                        GpuNodeContext.groups(w, 8), GpuNodeContext.groups(h, 8));
    }
}
