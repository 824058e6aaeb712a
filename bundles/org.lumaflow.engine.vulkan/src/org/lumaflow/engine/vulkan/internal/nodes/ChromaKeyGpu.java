package org.lumaflow.engine.vulkan.internal.nodes;

import org.lumaflow.engine.internal.convert.Bt709;
import org.lumaflow.engine.internal.nodes.ChromaKeyNode;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.chroma_key} on the GPU ({@code shaders/chroma_key.comp}): the key's chroma, the distance limit and the
 * alpha table come from the CPU node ({@link ChromaKeyNode#state}); the kernel repeats its integer arithmetic.
 */
final class ChromaKeyGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        ChromaKeyNode.State st = ChromaKeyNode.state(c.params(), c.state());
        c.setState(st);
        int pixels = c.width() * c.height();
        c.push().putInt(0, pixels).putInt(4, st.kcb()).putInt(8, st.kcr()).putInt(12, st.limit())
                .putInt(16, st.shift()).putInt(20, st.channel()).putInt(24, st.spill()).putInt(28, st.matte() ? 1 : 0)
                .putInt(32, Bt709.KR).putInt(36, Bt709.KG).putInt(40, Bt709.KB);
        c.bind(c.image(0, "source")).bind(c.output()).bind(Tables.ints(c, st.alpha()))
                .dispatch(c.kernel("chroma_key", 3), GpuNodeContext.groups(pixels, 64), 1);
    }
}
