package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.engine.internal.convert.Bt709;
import org.lumaflow.engine.internal.nodes.GradeNode;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.grade} on the GPU ({@code shaders/grade.comp}): the CPU node's 768-entry channel tables and
 * fixed-point saturation, built by its own code ({@link GradeNode#state}, kept in the node's state while the
 * parameters stay) and uploaded with the frame; identity parameters pass the input through, as on the CPU.
 */
final class GradeGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        GradeNode.State st = GradeNode.state(c.params(), c.state());
        c.setState(st);
        if (st.identity()) {
            c.passThrough(0);
            return;
        }
        GpuFrame in = c.image(0, "source");
        GpuSlice tables = c.constants(768 * 4);
        ByteBuffer b = tables.bytes();
        int[] t = st.tables();
        for (int i = 0; i < 768; i++) {
            b.putInt(i * 4, t[i]);
        }
        int pixels = c.width() * c.height();
        c.push().putInt(0, pixels).putInt(4, st.sat()).putInt(8, Bt709.KR).putInt(12, Bt709.KG)
                .putInt(16, Bt709.KB);
        c.bind(in).bind(c.output()).bind(tables).dispatch(c.kernel("grade", 3), GpuNodeContext.groups(pixels, 64),
                1);
    }
}
