package org.lumaflow.engine.vulkan.internal.nodes;

import org.lumaflow.engine.internal.convert.Bt709;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/** Dispatches of {@code shaders/grade.comp} (768-entry channel tables, then saturation) shared by table-driven twins. */
final class Tabled {

    private Tabled() {
    }

    /** {@code out = sat(tables[channel][in])} over the whole frame into {@code c.output()}. */
    static void grade(GpuNodeContext c, GpuFrame in, int[] tables, int sat) {
        int pixels = c.width() * c.height();
        c.push().putInt(0, pixels).putInt(4, sat).putInt(8, Bt709.KR).putInt(12, Bt709.KG).putInt(16, Bt709.KB);
        c.bind(in).bind(c.output()).bind(Tables.ints(c, tables)).dispatch(c.kernel("grade", 3),
                GpuNodeContext.groups(pixels, 64), 1);
    }
}
