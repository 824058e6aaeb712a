package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;

import org.lumaflow.core.concurrent.Parallel;

/**
 * Premultiplied-alpha image passes shared by the blur nodes: premultiply, box downsample, bilinear upsample with
 * unpremultiply. All buffers are packed RGBA8 with stride = width * 4; integer arithmetic, rounded.
 */
public final class Resample {

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

    /** Reduced size of {@code n} pixels downsampled by {@code f} (partial blocks count); also used by the GPU twins. */
    public static int reduced(int n, int f) {
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
        // whole blocks (all but the right and bottom edges) divide by d = f^2 * 255 and f^2 with reciprocals: the
        // rounded colour sums stay below f^2 * 255 * 256, so for f <= 16, x * d < f^4 * 255^2 * 256 < 2^40
        long n = (long) f * f;
        boolean whole = f <= 16;
        long colour = reciprocal(n * 255);
        long alpha = reciprocal(n);
        IntBuffer srcPx = src.asIntBuffer();
        IntBuffer dstPx = dst.asIntBuffer();
        Parallel.rows(dw, dh, (y0, y1) -> {
            int[] block = IntRows.get(0, f * w);
            int[] orow = IntRows.get(1, dw);
            for (int y = y0; y < y1; y++) {
                int sy0 = y * f;
                int sy1 = Math.min(sy0 + f, h);
                srcPx.get(sy0 * w, block, 0, (sy1 - sy0) * w);
                for (int x = 0; x < dw; x++) {
                    int sx0 = x * f;
                    int sx1 = Math.min(sx0 + f, w);
                    long r = 0;
                    long g = 0;
                    long b = 0;
                    long a = 0;
                    for (int sy = sy0; sy < sy1; sy++) {
                        int row = (sy - sy0) * w;
                        for (int sx = sx0; sx < sx1; sx++) {
                            int p = block[row + sx];
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
                    orow[x] = q;
                }
                dstPx.put(y * dw, orow, 0, dw);
            }
        });
    }
}
