package org.lumaflow.engine.graph;

import java.util.Objects;

/**
 * A static picture a {@link LayeredShaderNode}'s shader reads: packed {@code 0xAABBGGRR} pixels (straight alpha, as
 * {@link Color#packed()}), row by row. The GPU backend uploads it once per {@link #key()} and keeps it on the device.
 *
 * @since 1.1
 */
public final class RasterLayer {

    private final Object key;
    private final int width;
    private final int height;
    private final int[] pixels;

    /**
     * @param key identifies the content (equal keys = same pixels), e.g. a content hash
     * @param pixels {@code width * height} packed pixels; kept, not copied: do not change them afterwards
     */
    public RasterLayer(Object key, int width, int height, int[] pixels) {
        if (width <= 0 || height <= 0 || pixels.length < width * height) {
            throw new IllegalArgumentException("layer " + width + "x" + height + " with " + pixels.length + " pixels");
        }
        this.key = Objects.requireNonNull(key, "key");
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** What identifies the content. */
    public Object key() {
        return key;
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** The pixels (not a copy: read only). */
    public int[] pixels() {
        return pixels;
    }

    /** The pixel at {@code x, y}, 0 (transparent) outside the layer; as the shader's {@code layer(ivec2)}. */
    public int pixel(int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : pixels[y * width + x];
    }

    @Override
    public String toString() {
        return "RasterLayer[" + width + "x" + height + ", " + key + "]";
    }
}
