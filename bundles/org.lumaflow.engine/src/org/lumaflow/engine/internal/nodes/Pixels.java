package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.graph.NodeContext;

/**
 * Integer pixel helpers shared by the built-in nodes. Pixels are packed as read from a native-order (little-endian)
 * RGBA8 buffer: {@code A<<24 | B<<16 | G<<8 | R}, straight alpha.
 */
final class Pixels {

    private Pixels() {
    }

    static int clamp(int v, int lo, int hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    static int clamp255(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    static int pack(int r, int g, int b, int a) {
        return (a << 24) | (b << 16) | (g << 8) | r;
    }

    static int r(int p) {
        return p & 0xFF;
    }

    static int g(int p) {
        return (p >> 8) & 0xFF;
    }

    static int b(int p) {
        return (p >> 16) & 0xFF;
    }

    static int a(int p) {
        return p >>> 24;
    }

    /** {@code round(x / 255)} for {@code 0 <= x <= 65535}, without a division. */
    static int div255(int x) {
        int t = x + 128;
        return (t + (t >> 8)) >> 8;
    }

    /** ARGB ({@code BufferedImage.TYPE_INT_ARGB}) to packed RGBA8 (swaps red and blue). */
    static int fromArgb(int argb) {
        return (argb & 0xFF00FF00) | ((argb >> 16) & 0xFF) | ((argb & 0xFF) << 16);
    }

    /** Premultiplies a packed pixel (each colour rounded to {@code c * a / 255}). */
    static int premultiply(int p) {
        int a = p >>> 24;
        if (a == 255) {
            return p;
        }
        if (a == 0) {
            return 0;
        }
        return (a << 24) | (div255(((p >> 16) & 0xFF) * a) << 16) | (div255(((p >> 8) & 0xFF) * a) << 8)
                | div255((p & 0xFF) * a);
    }

    /** Inverse of {@link #premultiply}: colour = round(c * 255 / a), clamped. */
    static int unpremultiply(int p) {
        int a = p >>> 24;
        if (a == 255) {
            return p;
        }
        if (a == 0) {
            return 0;
        }
        int half = a >> 1;
        int r = Math.min(255, ((p & 0xFF) * 255 + half) / a);
        int g = Math.min(255, (((p >> 8) & 0xFF) * 255 + half) / a);
        int b = Math.min(255, (((p >> 16) & 0xFF) * 255 + half) / a);
        return (a << 24) | (b << 16) | (g << 8) | r;
    }

    /**
     * Straight-alpha Porter-Duff "over": {@code src} over {@code dst}, rounded. Exact for opaque or transparent
     * sources (returns the source or the destination unchanged).
     */
    static int over(int src, int dst) {
        int sa = src >>> 24;
        if (sa == 255) {
            return src;
        }
        if (sa == 0) {
            return dst;
        }
        int da = dst >>> 24;
        int ia = 255 - sa;
        if (da == 255) {
            return 0xFF000000 | (div255(((src >> 16) & 0xFF) * sa + ((dst >> 16) & 0xFF) * ia) << 16)
                    | (div255(((src >> 8) & 0xFF) * sa + ((dst >> 8) & 0xFF) * ia) << 8)
                    | div255((src & 0xFF) * sa + (dst & 0xFF) * ia);
        }
        int ws = sa * 255;
        int wd = da * ia;
        int ao = ws + wd; // output alpha * 255, > 0
        int half = ao >> 1;
        int r = ((src & 0xFF) * ws + (dst & 0xFF) * wd + half) / ao;
        int g = (((src >> 8) & 0xFF) * ws + ((dst >> 8) & 0xFF) * wd + half) / ao;
        int b = (((src >> 16) & 0xFF) * ws + ((dst >> 16) & 0xFF) * wd + half) / ao;
        return (div255(ao) << 24) | (b << 16) | (g << 8) | r;
    }

    /**
     * Bilinear sample of a straight-alpha RGBA8 image at fixed-point position ({@code fx}, {@code fy}) in pixels
     * with 8 fractional bits (pixel centres at integers). Taps outside [x0,x1) x [y0,y1) are transparent when
     * {@code clampEdges} is false, or clamped to the nearest edge pixel when it is true. Colour is weighted by
     * alpha (premultiplied interpolation), so transparent neighbours do not darken edges.
     */
    static int sample(ByteBuffer buf, int stride, int x0, int y0, int x1, int y1, long fx, long fy,
            boolean clampEdges) {
        int ix = (int) (fx >> 8);
        int iy = (int) (fy >> 8);
        int wx = (int) (fx & 0xFF);
        int wy = (int) (fy & 0xFF);
        int ix1 = ix + 1;
        int iy1 = iy + 1;
        int p00;
        int p10;
        int p01;
        int p11;
        if (clampEdges) {
            int cx0 = clamp(ix, x0, x1 - 1);
            int cx1 = clamp(ix1, x0, x1 - 1);
            int r0 = clamp(iy, y0, y1 - 1) * stride;
            int r1 = clamp(iy1, y0, y1 - 1) * stride;
            p00 = buf.getInt(r0 + cx0 * 4);
            p10 = buf.getInt(r0 + cx1 * 4);
            p01 = buf.getInt(r1 + cx0 * 4);
            p11 = buf.getInt(r1 + cx1 * 4);
        } else {
            if (ix1 < x0 || ix >= x1 || iy1 < y0 || iy >= y1) {
                return 0;
            }
            boolean inX0 = ix >= x0;
            boolean inX1 = ix1 < x1;
            boolean inY0 = iy >= y0;
            boolean inY1 = iy1 < y1;
            int r0 = iy * stride;
            int r1 = r0 + stride;
            p00 = inX0 && inY0 ? buf.getInt(r0 + ix * 4) : 0;
            p10 = inX1 && inY0 ? buf.getInt(r0 + ix1 * 4) : 0;
            p01 = inX0 && inY1 ? buf.getInt(r1 + ix * 4) : 0;
            p11 = inX1 && inY1 ? buf.getInt(r1 + ix1 * 4) : 0;
        }
        return blend4(p00, p10, p01, p11, wx, wy);
    }

    /** Bilinear sample of a packed int[] image with edge clamping; see {@link #sample}. */
    static int sample(int[] img, int w, int h, long fx, long fy) {
        int ix = (int) (fx >> 8);
        int iy = (int) (fy >> 8);
        int wx = (int) (fx & 0xFF);
        int wy = (int) (fy & 0xFF);
        int cx0 = clamp(ix, 0, w - 1);
        int cx1 = clamp(ix + 1, 0, w - 1);
        int r0 = clamp(iy, 0, h - 1) * w;
        int r1 = clamp(iy + 1, 0, h - 1) * w;
        return blend4(img[r0 + cx0], img[r0 + cx1], img[r1 + cx0], img[r1 + cx1], wx, wy);
    }

    /** Alpha-weighted bilinear blend of four straight-alpha pixels, weights from 8-bit fractions. */
    static int blend4(int p00, int p10, int p01, int p11, int wx, int wy) {
        int w00 = (256 - wx) * (256 - wy);
        int w10 = wx * (256 - wy);
        int w01 = (256 - wx) * wy;
        int w11 = wx * wy; // the four weights sum to 65536
        if ((p00 & p10 & p01 & p11) >>> 24 == 255) {
            return 0xFF000000
                    | (((((p00 >> 16) & 0xFF) * w00 + ((p10 >> 16) & 0xFF) * w10 + ((p01 >> 16) & 0xFF) * w01
                            + ((p11 >> 16) & 0xFF) * w11 + 32768) >> 16) << 16)
                    | (((((p00 >> 8) & 0xFF) * w00 + ((p10 >> 8) & 0xFF) * w10 + ((p01 >> 8) & 0xFF) * w01
                            + ((p11 >> 8) & 0xFF) * w11 + 32768) >> 16) << 8)
                    | (((p00 & 0xFF) * w00 + (p10 & 0xFF) * w10 + (p01 & 0xFF) * w01 + (p11 & 0xFF) * w11
                            + 32768) >> 16);
        }
        long a00 = (long) w00 * (p00 >>> 24);
        long a10 = (long) w10 * (p10 >>> 24);
        long a01 = (long) w01 * (p01 >>> 24);
        long a11 = (long) w11 * (p11 >>> 24);
        long sa = a00 + a10 + a01 + a11; // alpha * 65536
        if (sa == 0) {
            return 0;
        }
        long half = sa >> 1;
        int r = (int) (((p00 & 0xFF) * a00 + (p10 & 0xFF) * a10 + (p01 & 0xFF) * a01 + (p11 & 0xFF) * a11 + half)
                / sa);
        int g = (int) ((((p00 >> 8) & 0xFF) * a00 + ((p10 >> 8) & 0xFF) * a10 + ((p01 >> 8) & 0xFF) * a01
                + ((p11 >> 8) & 0xFF) * a11 + half) / sa);
        int b = (int) ((((p00 >> 16) & 0xFF) * a00 + ((p10 >> 16) & 0xFF) * a10 + ((p01 >> 16) & 0xFF) * a01
                + ((p11 >> 16) & 0xFF) * a11 + half) / sa);
        int a = (int) ((sa + 32768) >> 16);
        return (a << 24) | (b << 16) | (g << 8) | r;
    }

    /** Per-channel {@code a + (b - a) * t / 65536}, rounded. */
    static int lerp(int a, int b, int t) {
        if (t == 0) {
            return a;
        }
        if (t == 65536) {
            return b;
        }
        int u = 65536 - t;
        int r = ((a & 0xFF) * u + (b & 0xFF) * t + 32768) >>> 16;
        int g = (((a >> 8) & 0xFF) * u + ((b >> 8) & 0xFF) * t + 32768) >>> 16;
        int bl = (((a >> 16) & 0xFF) * u + ((b >> 16) & 0xFF) * t + 32768) >>> 16;
        int al = ((a >>> 24) * u + (b >>> 24) * t + 32768) >>> 16;
        return (al << 24) | (bl << 16) | (g << 8) | r;
    }

    /** Fills rows [y0, y1) of an RGBA8 frame buffer with one packed colour. */
    static void fillRows(ByteBuffer buf, int stride, int y0, int y1, int packed) {
        long v = (packed & 0xFFFFFFFFL) | ((long) packed << 32);
        int start = y0 * stride;
        int end = y1 * stride;
        int i = start;
        for (; i + 8 <= end; i += 8) {
            buf.putLong(i, v);
        }
        for (; i < end; i += 4) {
            buf.putInt(i, packed);
        }
    }

    /** Fills pixels [x0, x1) of the row starting at byte {@code rowOff} with one packed colour. */
    static void fillRun(ByteBuffer buf, int rowOff, int x0, int x1, int packed) {
        int i = rowOff + x0 * 4;
        int end = rowOff + x1 * 4;
        if (x1 - x0 >= 4) {
            if ((x0 & 1) != 0) {
                buf.putInt(i, packed);
                i += 4;
            }
            long v = (packed & 0xFFFFFFFFL) | ((long) packed << 32);
            for (; i + 8 <= end; i += 8) {
                buf.putLong(i, v);
            }
        }
        for (; i < end; i += 4) {
            buf.putInt(i, packed);
        }
    }

    /** Input {@code index} (named {@code name}), checked to be an RGBA8 frame of the output size. */
    static Frame image(NodeContext ctx, int index, String name) {
        Frame f = ctx.input(index);
        if (f == null) {
            throw new IllegalStateException("input '" + name + "' is not connected");
        }
        checkFrame(f, ctx.width(), ctx.height(), PixelFormat.RGBA8, name);
        return f;
    }

    /** Fails with a clear message unless input {@code name}'s frame {@code f} is {@code w x h} in {@code format}. */
    static void checkFrame(Frame f, int w, int h, PixelFormat format, String name) {
        if (f.width() != w || f.height() != h || f.format() != format) {
            throw new IllegalArgumentException("input '" + name + "' is " + f.key() + ", expected " + w + "x" + h + " "
                    + format);
        }
    }
}
