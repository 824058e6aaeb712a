package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.internal.nodes.ZonePlateNode;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.zone_plate} on the GPU ({@code shaders/zone_plate.comp}): the CPU node's 32.32 fixed-point ring
 * coefficient and phase ({@link ZonePlateNode#ring}, {@link ZonePlateNode#phase}), evaluated with 64-bit wrapping
 * integer arithmetic, indexing the same StrictMath cosine table.
 */
final class ZonePlateGpu implements GpuNode {

    /** 0.5 + 0.5 cos(2 pi i / 1024) as opaque grey pixels: the CPU node's table. */
    private static final int[] COS = ZonePlateNode.cosTable();

    @Override
    public void record(GpuNodeContext c) {
        NodeContext p = c.params();
        int w = c.width();
        int h = c.height();
        if ((long) w * w + (long) h * h >= 1L << 32) {
            throw new IllegalArgumentException("zone plate of " + w + "x" + h + " exceeds the kernel's 32-bit radius");
        }
        long k = ZonePlateNode.ring(p);
        long phase = ZonePlateNode.phase(p);
        GpuSlice table = c.constants(COS.length * 4);
        ByteBuffer b = table.bytes();
        for (int i = 0; i < COS.length; i++) {
            b.putInt(i * 4, COS[i]);
        }
        c.push().putInt(0, w).putInt(4, h).putInt(8, (int) k).putInt(12, (int) (k >>> 32)).putInt(16, (int) phase)
                .putInt(20, (int) (phase >>> 32));
        c.bind(c.output()).bind(table).dispatch(c.kernel("zone_plate", 2), GpuNodeContext.groups(w, 8),
                GpuNodeContext.groups(h, 8));
    }
}
