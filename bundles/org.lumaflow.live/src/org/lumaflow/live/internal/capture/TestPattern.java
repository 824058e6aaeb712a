package org.lumaflow.live.internal.capture;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.Frame;

/**
 * The test source's picture, drawn into a pooled RGBA8 frame without allocating: eight colour bars (75 % white,
 * yellow, cyan, green, magenta, red, blue, black) that move right by {@code width/160} pixels a frame, under a dark
 * band that carries the {@link FrameStamp} of the frame number. One row is drawn and copied down.
 */
final class TestPattern {

    /** The bars, RGBA8 as little-endian ints (0xAABBGGRR). */
    static final int[] BARS = {rgba(191, 191, 191), rgba(191, 191, 0), rgba(0, 191, 191), rgba(0, 191, 0),
        rgba(191, 0, 191), rgba(191, 0, 0), rgba(0, 0, 191), rgba(16, 16, 16)};
    /** The band around the stamp. */
    static final int BAND = rgba(32, 32, 32);

    private TestPattern() {
    }

    static int rgba(int r, int g, int b) {
        return 0xFF000000 | (b << 16) | (g << 8) | r;
    }

    /** The bar (index into {@link #BARS}) at column {@code x} of frame {@code n}. */
    static int bar(int x, int width, long n) {
        long shift = n * Math.max(1, width / 160);
        return (int) (((x - shift) % width + width) % width * BARS.length / width);
    }

    /** Draws frame {@code n} (every pixel) into an RGBA8 frame, stamped with {@code n}. */
    static void draw(Frame f, long n) {
        draw(f, n, n);
    }

    /** Draws frame {@code n} (every pixel) into an RGBA8 frame, stamped with {@code stamp}. */
    static void draw(Frame f, long n, long stamp) {
        ByteBuffer b = f.buffer();
        int w = f.width();
        int h = f.height();
        int stride = w * 4;
        int band = Math.min(h, FrameStamp.bandHeight(w));
        int first = Math.min(h - 1, band);
        int row = first * stride;
        for (int x = 0; x < w; x++) {
            b.putInt(row + x * 4, BARS[bar(x, w, n)]);
        }
        for (int y = first + 1; y < h; y++) {
            b.put(y * stride, b, row, stride);
        }
        int stampEnd = FrameStamp.cellLeft(FrameStamp.CELLS, w);
        for (int y = 0; y < band && y < h - 1; y++) {
            for (int x = stampEnd; x < w; x++) {
                b.putInt(y * stride + x * 4, BAND);
            }
        }
        FrameStamp.write(f, stamp);
    }
}
