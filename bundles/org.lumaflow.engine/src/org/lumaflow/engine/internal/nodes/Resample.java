package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.core.concurrent.Parallel;

/**
 * Premultiplied-alpha image passes shared by the blur nodes: premultiply, box downsample, bilinear upsample with
 * unpremultiply. All buffers are packed RGBA8 with stride = width * 4; integer arithmetic, rounded.
 */
final class Resample {

    private Resample() {
    }

    /** Copies {@code src} to {@code dst} (both {@code w x h}) with colour premultiplied by alpha. */
    static void premultiply(ByteBuffer src, ByteBuffer dst, int w, int h) {
        Parallel.rows(w, h, (y0, y1) -> {
            for (int i = y0 * w * 4, end = y1 * w * 4; i < end; i += 4) {
                dst.putInt(i, Pixels.premultiply(src.getInt(i)));
            }
        });
    }

    /** Unpremultiplies {@code buf} ({@code w x h}) in place. */
    static void unpremultiply(ByteBuffer buf, int w, int h) {
        Parallel.rows(w, h, (y0, y1) -> {
            for (int i = y0 * w * 4, end = y1 * w * 4; i < end; i += 4) {
                int p = buf.getInt(i);
                if (p >>> 24 != 255) {
                    buf.putInt(i, Pixels.unpremultiply(p));
                }
            }
        });
    }

    /** Reduced size of {@code n} pixels downsampled by {@code f} (partial blocks count). */
    static int reduced(int n, int f) {
        return (n + f - 1) / f;
    }

    /** {@code floor(x / d)} as {@code (x * reciprocal(d)) >>> 40}: exact for {@code x * d < 2^40}. */
    static long reciprocal(long d) {
        return ((1L << 40) + d - 1) / d;
    }

    /**
     * Box-filters straight-alpha {@code src} ({@code w x h}) by the integer factor {@code f} into premultiplied
     * {@code dst} ({@code reduced(w,f) x reduced(h,f)}): each output pixel is the mean of its f x f block (the part
     * inside the image at the right and bottom edges).
     */
    static void boxDown(ByteBuffer src, int w, int h, ByteBuffer dst, int f) {
        int dw = reduced(w, f);
        int dh = reduced(h, f);
        int stride = w * 4;
        // whole blocks (all but the right and bottom edges) divide by d = f^2 * 255 and f^2 with reciprocals: the
        // rounded colour sums stay below f^2 * 255 * 256, so for f <= 16, x * d < f^4 * 255^2 * 256 < 2^40
        long n = (long) f * f;
        boolean whole = f <= 16;
        long colour = reciprocal(n * 255);
        long alpha = reciprocal(n);
        Parallel.rows(dw, dh, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                int sy0 = y * f;
                int sy1 = Math.min(sy0 + f, h);
                for (int x = 0; x < dw; x++) {
                    int sx0 = x * f;
                    int sx1 = Math.min(sx0 + f, w);
                    long r = 0;
                    long g = 0;
                    long b = 0;
                    long a = 0;
                    for (int sy = sy0; sy < sy1; sy++) {
                        int row = sy * stride;
                        for (int sx = sx0; sx < sx1; sx++) {
                            int p = src.getInt(row + sx * 4);
                            int pa = p >>> 24;
                            r += (p & 0xFF) * pa;
                            g += ((p >> 8) & 0xFF) * pa;
                            b += ((p >> 16) & 0xFF) * pa;
                            a += pa;
                        }
                    }
                    long count = (long) (sx1 - sx0) * (sy1 - sy0);
                    int q;
                    if (whole && count == n) {
                        long half = n * 255 >> 1;
                        q = Pixels.pack((int) ((r + half) * colour >>> 40), (int) ((g + half) * colour >>> 40),
                                (int) ((b + half) * colour >>> 40), (int) ((a + (n >> 1)) * alpha >>> 40));
                    } else {
                        long n255 = count * 255;
                        q = Pixels.pack((int) ((r + (n255 >> 1)) / n255), (int) ((g + (n255 >> 1)) / n255),
                                (int) ((b + (n255 >> 1)) / n255), (int) ((a + (count >> 1)) / count));
                    }
                    dst.putInt((y * dw + x) * 4, q);
                }
            }
        });
    }

    /**
     * Bilinear upsample of premultiplied {@code src} ({@code reduced(w,f) x reduced(h,f)}) by {@code f} into
     * straight-alpha {@code dst} ({@code w x h}), edges clamped; output pixel centres map to
     * {@code (x + 0.5) / f - 0.5} in the reduced image.
     */
    static void upsample(ByteBuffer src, int f, ByteBuffer dst, int w, int h) {
        int sw = reduced(w, f);
        int sh = reduced(h, f);
        int sstride = sw * 4;
        int twoF = 2 * f;
        Parallel.rows(w, h, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                // position in 1/256 pixel: ((2y + 1) - f) * 256 / (2f), floored
                int fy = Math.floorDiv((2 * y + 1 - f) * 256, twoF);
                int iy = fy >> 8;
                int wy = fy & 0xFF;
                int r0 = Pixels.clamp(iy, 0, sh - 1) * sstride;
                int r1 = Pixels.clamp(iy + 1, 0, sh - 1) * sstride;
                int out = y * w * 4;
                for (int x = 0; x < w; x++) {
                    int fx = Math.floorDiv((2 * x + 1 - f) * 256, twoF);
                    int ix = fx >> 8;
                    int wx = fx & 0xFF;
                    int c0 = Pixels.clamp(ix, 0, sw - 1) * 4;
                    int c1 = Pixels.clamp(ix + 1, 0, sw - 1) * 4;
                    int p = lerp4(src.getInt(r0 + c0), src.getInt(r0 + c1), src.getInt(r1 + c0),
                            src.getInt(r1 + c1), wx, wy);
                    dst.putInt(out + x * 4, Pixels.unpremultiply(p));
                }
            }
        });
    }

    /** Plain bilinear blend of four packed pixels (all channels alike), weights from 8-bit fractions, rounded. */
    static int lerp4(int p00, int p10, int p01, int p11, int wx, int wy) {
        int w00 = (256 - wx) * (256 - wy);
        int w10 = wx * (256 - wy);
        int w01 = (256 - wx) * wy;
        int w11 = wx * wy;
        int r = ((p00 & 0xFF) * w00 + (p10 & 0xFF) * w10 + (p01 & 0xFF) * w01 + (p11 & 0xFF) * w11 + 32768) >> 16;
        int g = (((p00 >> 8) & 0xFF) * w00 + ((p10 >> 8) & 0xFF) * w10 + ((p01 >> 8) & 0xFF) * w01
                + ((p11 >> 8) & 0xFF) * w11 + 32768) >> 16;
        int b = (((p00 >> 16) & 0xFF) * w00 + ((p10 >> 16) & 0xFF) * w10 + ((p01 >> 16) & 0xFF) * w01
                + ((p11 >> 16) & 0xFF) * w11 + 32768) >> 16;
        int a = ((p00 >>> 24) * w00 + (p10 >>> 24) * w10 + (p01 >>> 24) * w01 + (p11 >>> 24) * w11 + 32768) >>> 16;
        return (a << 24) | (b << 16) | (g << 8) | r;
    }
}
