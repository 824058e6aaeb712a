package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;

import org.lumaflow.core.concurrent.Parallel;

/**
 * Bilinear upsample for the blurs' downsample paths ({@link GaussianBlurNode}, {@link BokehBlurNode}): premultiplied
 * {@code src} ({@code reduced(w,f) x reduced(h,f)}) by {@code f} into straight-alpha {@code dst} ({@code w x h}),
 * edges clamped, output pixel centres at {@code (x + 0.5) / f - 0.5} in the reduced image. It tabulates its column taps
 * once per size instead of dividing them out per pixel, and blends each output row's two source rows vertically
 * first, so a pixel costs two taps per channel instead of four. The sums are the same integers:
 * {@code w00 p00 + w10 p10 + w01 p01 + w11 p11 = (256 - wx) v0 + wx v1} with {@code v = (256 - wy) p0 + wy p1}.
 */
final class BlurResample {

    private BlurResample() {
    }

    /** Upsample taps for one (output width, factor): source columns (times 4) and weight of the second. */
    record Columns(int w, int f, int[] c0, int[] c1, int[] wx) {
    }

    /** The taps of the upsample along x. */
    static Columns columns(int w, int f) {
        int sw = Resample.reduced(w, f);
        int[] c0 = new int[w];
        int[] c1 = new int[w];
        int[] wx = new int[w];
        for (int x = 0; x < w; x++) {
            int fx = Math.floorDiv((2 * x + 1 - f) * 256, 2 * f);
            int ix = fx >> 8;
            wx[x] = fx & 0xFF;
            c0[x] = Pixels.clamp(ix, 0, sw - 1) * 4;
            c1[x] = Pixels.clamp(ix + 1, 0, sw - 1) * 4;
        }
        return new Columns(w, f, c0, c1, wx);
    }

    /** Same as the upsample{@code (src, f, dst, w, h)}, with taps {@code cols} for (w, f). */
    static void upsample(ByteBuffer src, int f, ByteBuffer dst, int w, int h, Columns cols) {
        int sw = Resample.reduced(w, f);
        int sh = Resample.reduced(h, f);
        IntBuffer srcPx = src.asIntBuffer();
        IntBuffer dstPx = dst.asIntBuffer();
        Parallel.rows(w, h, (y0, y1) -> {
            int[] p0 = IntRows.get(0, sw);
            int[] p1 = IntRows.get(1, sw);
            int[] o = IntRows.get(2, w);
            int[] v = IntRows.get(3, 4 * sw);
            for (int y = y0; y < y1; y++) {
                int fy = Math.floorDiv((2 * y + 1 - f) * 256, 2 * f);
                int wy = fy & 0xFF;
                int r0 = Pixels.clamp(fy >> 8, 0, sh - 1) * sw * 4;
                int r1 = Pixels.clamp((fy >> 8) + 1, 0, sh - 1) * sw * 4;
                srcPx.get(r0 / 4, p0, 0, sw);
                srcPx.get(r1 / 4, p1, 0, sw);
                blend(p0, p1, wy, v, sw);
                row(v, cols, o, w);
                dstPx.put(y * w, o, 0, w);
            }
        });
    }

    /** {@code v[4i + c] = (256 - wy) * channel c of row0[i] + wy * channel c of row1[i]}. */
    private static void blend(int[] row0, int[] row1, int wy, int[] v, int sw) {
        int uy = 256 - wy;
        for (int i = 0; i < sw; i++) {
            int p = row0[i];
            int q = row1[i];
            v[4 * i] = (p & 0xFF) * uy + (q & 0xFF) * wy;
            v[4 * i + 1] = ((p >> 8) & 0xFF) * uy + ((q >> 8) & 0xFF) * wy;
            v[4 * i + 2] = ((p >> 16) & 0xFF) * uy + ((q >> 16) & 0xFF) * wy;
            v[4 * i + 3] = (p >>> 24) * uy + (q >>> 24) * wy;
        }
    }

    /** One output row from the blended source row: horizontal taps, rounding, unpremultiply. */
    private static void row(int[] v, Columns cols, int[] dst, int w) {
        int[] c0 = cols.c0();
        int[] c1 = cols.c1();
        int[] wxs = cols.wx();
        for (int x = 0; x < w; x++) {
            int a = c0[x];
            int b = c1[x];
            int wx = wxs[x];
            int ux = 256 - wx;
            int r = (v[a] * ux + v[b] * wx + 32768) >> 16;
            int g = (v[a + 1] * ux + v[b + 1] * wx + 32768) >> 16;
            int bl = (v[a + 2] * ux + v[b + 2] * wx + 32768) >> 16;
            int al = (v[a + 3] * ux + v[b + 3] * wx + 32768) >> 16;
            dst[x] = Pixels.unpremultiply((al << 24) | (bl << 16) | (g << 8) | r);
        }
    }
}
