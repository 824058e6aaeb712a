package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.internal.convert.Bt709;
import org.lumaflow.engine.internal.nodes.LumaMaskNode;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.luma_mask} on the GPU ({@code shaders/luma_mask.comp}): the CPU node's luma-to-mask table
 * ({@link LumaMaskNode#state}), built for each (low, high, invert) and kept in the node's state, uploaded with the
 * frame.
 */
final class LumaMaskGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        NodeContext p = c.params();
        double low = p.number("low");
        double high = p.number("high");
        boolean invert = p.bool("invert");
        boolean useAlpha = p.bool("use_alpha");
        LumaMaskNode.State st = LumaMaskNode.state(c.state(), low, high, invert);
        c.setState(st);
        GpuFrame in = c.image(0, "source");
        GpuSlice table = c.constants(256 * 4);
        ByteBuffer b = table.bytes();
        byte[] t = st.table();
        for (int v = 0; v < 256; v++) {
            b.putInt(v * 4, t[v] & 0xFF);
        }
        int pixels = c.width() * c.height();
        c.push().putInt(0, pixels).putInt(4, useAlpha ? 1 : 0).putInt(8, Bt709.KR).putInt(12, Bt709.KG)
                .putInt(16, Bt709.KB);
        c.bind(in).bind(c.output()).bind(table).dispatch(c.kernel("luma_mask", 3),
                GpuNodeContext.groups(GpuNodeContext.groups(pixels, 4), 64), 1);
    }
}
