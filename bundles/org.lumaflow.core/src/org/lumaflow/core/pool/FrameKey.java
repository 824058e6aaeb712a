package org.lumaflow.core.pool;

/**
 * Pool key: frames with equal keys are interchangeable. Create keys once and reuse them on hot paths.
 *
 * @param width  pixels, &gt; 0
 * @param height pixels, &gt; 0
 * @param format pixel layout
 * @param usage  what the memory is for
 */
public record FrameKey(int width, int height, PixelFormat format, Usage usage) {

    /** Validates the key; 4:2:0 formats need even sizes. */
    public FrameKey {
        if (width <= 0 || height <= 0 || width > 32768 || height > 32768) {
            throw new IllegalArgumentException("frame size " + width + "x" + height + " is out of range (1..32768)");
        }
        if (format == null || usage == null) {
            throw new IllegalArgumentException("format and usage are required");
        }
        if (format.isSubsampled() && ((width | height) & 1) != 0) {
            throw new IllegalArgumentException(format + " needs even dimensions, got " + width + "x" + height);
        }
    }

    /** Convenience for an RGBA8 render frame. */
    public static FrameKey rgba(int width, int height) {
        return new FrameKey(width, height, PixelFormat.RGBA8, Usage.RENDER);
    }

    /** Total bytes of a frame with this key. */
    public long bytes() {
        return format.bytes(width, height);
    }

    /** The same size and format with another usage. */
    public FrameKey withUsage(Usage other) {
        return other == usage ? this : new FrameKey(width, height, format, other);
    }

    @Override
    public String toString() {
        return width + "x" + height + " " + format + "/" + usage;
    }
}
