package org.lumaflow.engine.vulkan;

import java.nio.ByteBuffer;

/**
 * A range of a host-visible buffer, bound to a kernel like a whole buffer: per-frame constants (lookup tables,
 * kernels) written through {@link #bytes()} before the frame is submitted.
 *
 * @param buffer the buffer
 * @param offset first byte (aligned for storage-buffer binding)
 * @param range  bytes
 * @param bytes  the range mapped for writing (native byte order)
 */
public record GpuSlice(GpuBuffer buffer, long offset, long range, ByteBuffer bytes) {
}
