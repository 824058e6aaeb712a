package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/** Host-built integer tables handed to kernels as per-frame constants. */
final class Tables {

    private Tables() {
    }

    /** {@code values} as one int per entry in this frame's constants (at least one entry). */
    static GpuSlice ints(GpuNodeContext c, int[] values) {
        GpuSlice s = c.constants(Math.max(1, values.length) * 4);
        ByteBuffer b = s.bytes();
        for (int i = 0; i < values.length; i++) {
            b.putInt(i * 4, values[i]);
        }
        return s;
    }
}
