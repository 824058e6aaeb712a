package org.lumaflow.live.internal.compose;

import java.nio.ByteBuffer;

import org.lumaflow.core.concurrent.Parallel;

/**
 * Bilinear resampling of an interleaved 8-bit plane ({@code bpp} bytes per pixel: 1 for luma, 2 for NV12 chroma,
 * 4 for RGBA8) into a rectangle of another plane, in 8-bit fixed point over the pixel workers. The column tables are
 * kept between calls (per instance; not thread-safe), so steady-state calls allocate only the row-band task.
 */
public final class PlaneScaler {

    private int[] xOff = new int[0];
    private int[] xFrac = new int[0];
    private int tableSrc = -1;
    private int tableDst = -1;
    private int tableBpp = -1;

    /**
     * Scales the {@code sw x sh} plane at {@code src[srcOff]} (row stride {@code ss} bytes) into the rectangle
     * {@code (dx, dy, dw, dh)} of the plane at {@code dst[dstOff]} (stride {@code ds}).
     */
    public void scale(ByteBuffer src, int srcOff, int sw, int sh, int ss, ByteBuffer dst, int dstOff, int ds, int dx,
            int dy, int dw, int dh, int bpp) {
        if (dw <= 0 || dh <= 0) {
            return;
        }
        tables(sw, dw, bpp);
        int[] xo = xOff;
        int[] xf = xFrac;
        Parallel.rows(dw * bpp, dh, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                long fy = Math.max(0, (((2L * y + 1) * sh * 256) / (2L * dh)) - 128);
                int sy = (int) Math.min(sh - 1, fy >> 8);
                int wy = sy >= sh - 1 ? 0 : (int) (fy & 255);
                int r0 = srcOff + sy * ss;
                int r1 = wy == 0 ? r0 : r0 + ss;
                int o = dstOff + (dy + y) * ds + dx * bpp;
                for (int x = 0; x < dw; x++) {
                    int a = xo[x];
                    int wx = xf[x];
                    int b = wx == 0 ? a : a + bpp;
                    for (int c = 0; c < bpp; c++) {
                        int p00 = src.get(r0 + a + c) & 255;
                        int p10 = src.get(r0 + b + c) & 255;
                        int p01 = src.get(r1 + a + c) & 255;
                        int p11 = src.get(r1 + b + c) & 255;
                        int top = (p00 << 8) + (p10 - p00) * wx;
                        int bot = (p01 << 8) + (p11 - p01) * wx;
                        int v = ((top << 8) + (bot - top) * wy + 32768) >> 16;
                        dst.put(o++, (byte) v);
                    }
                }
            }
        });
    }

    private void tables(int sw, int dw, int bpp) {
        if (sw == tableSrc && dw == tableDst && bpp == tableBpp) {
            return;
        }
        xOff = new int[dw];
        xFrac = new int[dw];
        for (int x = 0; x < dw; x++) {
            long fx = Math.max(0, (((2L * x + 1) * sw * 256) / (2L * dw)) - 128);
            int sx = (int) Math.min(sw - 1, fx >> 8);
            xOff[x] = sx * bpp;
            xFrac[x] = sx >= sw - 1 ? 0 : (int) (fx & 255);
        }
        tableSrc = sw;
        tableDst = dw;
        tableBpp = bpp;
    }

    /** Fills rows {@code [y0, y1)} of a {@code width}-pixel RGBA8 plane with {@code packed}. */
    public static void fill(ByteBuffer rgba, int width, int y0, int y1, int packed) {
        for (int i = y0 * width * 4, n = y1 * width * 4; i < n; i += 4) {
            rgba.putInt(i, packed);
        }
    }
}
