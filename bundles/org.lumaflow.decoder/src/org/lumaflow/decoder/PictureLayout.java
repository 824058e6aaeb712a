package org.lumaflow.decoder;

/**
 * How a {@link PictureSource} lays out its pictures: planar Y, U, V (in this order, no alpha), each plane tightly
 * packed (stride = plane width x bytes per sample), samples of 9 to 16 bits as little-endian 16-bit words.
 *
 * @param width        luma width in pixels (coded, before any display rotation)
 * @param height       luma height in pixels
 * @param depth        bits per sample (8..16)
 * @param chromaShiftX log2 of the horizontal chroma subsampling (1 for 4:2:0 and 4:2:2, 0 for 4:4:4)
 * @param chromaShiftY log2 of the vertical chroma subsampling (1 for 4:2:0)
 * @param fullRange    whether the code values are full range ({@code pc}/JPEG) rather than limited ({@code tv})
 * @param pixelFormat  FFmpeg's name of the layout ({@code yuv420p}, {@code yuv422p10le}, {@code yuv444p}...)
 * @param source       FFmpeg's name of the stream's own pixel format; when it differs from {@code pixelFormat} the
 *                     pictures were converted by FFmpeg's scaler the way ffmpeg feeds its {@code signalstats} filter
 */
public record PictureLayout(int width, int height, int depth, int chromaShiftX, int chromaShiftY, boolean fullRange,
        String pixelFormat, String source) {

    /** Bytes per sample: 1 up to 8 bits, else 2. */
    public int bytesPerSample() {
        return depth > 8 ? 2 : 1;
    }

    /** Width of the chroma planes (rounded up, as FFmpeg does for odd sizes). */
    public int chromaWidth() {
        return -((-width) >> chromaShiftX);
    }

    /** Height of the chroma planes (rounded up). */
    public int chromaHeight() {
        return -((-height) >> chromaShiftY);
    }

    /** Byte offset of plane {@code p} (0 = Y, 1 = U, 2 = V). */
    public long planeOffset(int p) {
        long luma = (long) width * height * bytesPerSample();
        long chroma = (long) chromaWidth() * chromaHeight() * bytesPerSample();
        return p == 0 ? 0 : luma + (p - 1) * chroma;
    }

    /** Bytes of one picture. */
    public long bytes() {
        return planeOffset(3);
    }

    /** Whether the source pictures were converted (not copied as decoded). */
    public boolean converted() {
        return !pixelFormat.equals(source);
    }
}
