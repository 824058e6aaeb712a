package org.lumaflow.live.internal.session;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;

/** Cheap previews: nearest-neighbour downscale of an RGBA8, NV12 or I420 (BT.709 limited) picture into RGBA8. */
final class Previews {

    private Previews() {
    }

    /**
     * Writes {@code w x h} RGBA8 pixels from {@code rgba}'s position; {@code coarse} = 2 samples every other pixel
     * and repeats it (the memory manager's lowered preview quality).
     */
    static void downscale(Frame f, int w, int h, ByteBuffer rgba, int coarse) {
        int base = rgba.position();
        if (rgba.remaining() < w * h * 4) {
            throw new IllegalArgumentException("preview buffer holds " + rgba.remaining() + " bytes, " + (w * h * 4)
                    + " needed");
        }
        int sw = f.width();
        int sh = f.height();
        ByteBuffer src = f.buffer();
        boolean nv12 = f.format() == PixelFormat.NV12;
        boolean i420 = f.format() == PixelFormat.I420;
        for (int y = 0; y < h; y++) {
            int sy = (int) ((long) (y / coarse * coarse) * sh / h);
            for (int x = 0; x < w; x++) {
                int sx = (int) ((long) (x / coarse * coarse) * sw / w);
                int r;
                int g;
                int b;
                if (nv12 || i420) {
                    int yy = (src.get(sy * sw + sx) & 255) - 16;
                    int u;
                    int v;
                    if (nv12) {
                        int uv = sw * sh + (sy / 2) * sw + (sx & ~1);
                        u = (src.get(uv) & 255) - 128;
                        v = (src.get(uv + 1) & 255) - 128;
                    } else {
                        int ci = (sy / 2) * (sw / 2) + sx / 2;
                        u = (src.get(sw * sh + ci) & 255) - 128;
                        v = (src.get(sw * sh + sw * sh / 4 + ci) & 255) - 128;
                    }
                    int c = 298 * yy;
                    r = clamp((c + 459 * v + 128) >> 8);
                    g = clamp((c - 55 * u - 136 * v + 128) >> 8);
                    b = clamp((c + 541 * u + 128) >> 8);
                } else {
                    int p = (sy * sw + sx) * 4;
                    r = src.get(p) & 255;
                    g = src.get(p + 1) & 255;
                    b = src.get(p + 2) & 255;
                }
                int o = base + (y * w + x) * 4;
                rgba.put(o, (byte) r).put(o + 1, (byte) g).put(o + 2, (byte) b).put(o + 3, (byte) 255);
            }
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }
}
