package org.lumaflow.core.pool;

/**
 * Pixel layouts a {@link Frame} can hold. Sizes and plane offsets are tightly packed (stride = width * bytes per
 * pixel of the plane) so decoders, encoders and GPU uploads can use the memory without copies.
 */
public enum PixelFormat {
    /** 8-bit R, G, B, A per pixel, straight (not premultiplied) alpha; BT.709 code values, full range. */
    RGBA8(4, false),
    /** 8-bit single channel (masks, luma). */
    GRAY8(1, false),
    /** 4:2:0, a Y plane followed by one interleaved U/V plane at half resolution. Even sizes only. */
    NV12(1, true),
    /** 4:2:0, Y then U then V planes, chroma at half resolution. Even sizes only. */
    I420(1, true);

    private final int lumaBytes;
    private final boolean subsampled;

    PixelFormat(int lumaBytes, boolean subsampled) {
        this.lumaBytes = lumaBytes;
        this.subsampled = subsampled;
    }

    /** Whether the format stores chroma at half width and height (and so needs even dimensions). */
    public boolean isSubsampled() {
        return subsampled;
    }

    /** Number of planes. */
    public int planes() {
        return switch (this) {
            case RGBA8, GRAY8 -> 1;
            case NV12 -> 2;
            case I420 -> 3;
        };
    }

    /** Bytes per row of {@code plane} for an image {@code width} pixels wide. */
    public int stride(int plane, int width) {
        if (plane == 0) {
            return width * lumaBytes;
        }
        return this == NV12 ? width : width / 2;
    }

    /** Rows in {@code plane} for an image {@code height} pixels high. */
    public int rows(int plane, int height) {
        return plane == 0 ? height : height / 2;
    }

    /** Byte offset of {@code plane} from the start of the frame memory. */
    public long planeOffset(int plane, int width, int height) {
        long offset = 0;
        for (int p = 0; p < plane; p++) {
            offset += (long) stride(p, width) * rows(p, height);
        }
        return offset;
    }

    /** Total bytes of a {@code width} x {@code height} image. */
    public long bytes(int width, int height) {
        return planeOffset(planes(), width, height);
    }
}
