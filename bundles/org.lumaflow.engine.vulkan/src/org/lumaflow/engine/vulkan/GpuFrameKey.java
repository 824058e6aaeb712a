package org.lumaflow.engine.vulkan;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;

/**
 * What a pooled GPU frame is: size, pixel layout, role and memory kind. Frames are reused only for the same key.
 *
 * @param hostVisible host-visible mapped memory (uploads, readbacks) rather than device-local memory
 */
public record GpuFrameKey(int width, int height, PixelFormat format, Usage usage, boolean hostVisible) {

    public GpuFrameKey {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad GPU frame size " + width + "x" + height);
        }
    }

    /** A device-local RGBA8 render target. */
    public static GpuFrameKey rgba(int width, int height) {
        return new GpuFrameKey(width, height, PixelFormat.RGBA8, Usage.RENDER, false);
    }

    /** Bytes of one frame. */
    public long bytes() {
        return (format.bytes(width, height) + 3) & ~3L; // whole 32-bit words: kernels write uints
    }
}
