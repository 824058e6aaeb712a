package org.lumaflow.engine.internal.convert;

/**
 * Converts two RGBA8 rows (as ints, 0xAABBGGRR) into two rows of BT.709 limited-range Y' and one row of Cb/Cr
 * (2x2 block averages). Plain loops over arrays, so the JIT can auto-vectorize them; {@link Yuv420RowsSimd} does the
 * same with the Vector API. Both give identical bytes.
 */
class Yuv420Rows {

    /** Fills {@code y0}, {@code y1} (w bytes each) and {@code cb}, {@code cr} (w/2 bytes each). */
    void convert(int[] p0, int[] p1, int w, byte[] y0, byte[] y1, byte[] cb, byte[] cr, int[] rs, int[] gs, int[] bs) {
        luma(p0, y0, w);
        luma(p1, y1, w);
        for (int x = 0; x < w; x++) {
            int a = p0[x];
            int b = p1[x];
            rs[x] = (a & 0xFF) + (b & 0xFF);
            gs[x] = ((a >> 8) & 0xFF) + ((b >> 8) & 0xFF);
            bs[x] = ((a >> 16) & 0xFF) + ((b >> 16) & 0xFF);
        }
        chroma(w, cb, cr, rs, gs, bs);
    }

    static void luma(int[] p, byte[] y, int w) {
        for (int x = 0; x < w; x++) {
            y[x] = (byte) Bt709.y(p[x]);
        }
    }

    static void chroma(int w, byte[] cb, byte[] cr, int[] rs, int[] gs, int[] bs) {
        for (int c = 0; c < w / 2; c++) {
            int r4 = rs[2 * c] + rs[2 * c + 1];
            int g4 = gs[2 * c] + gs[2 * c + 1];
            int b4 = bs[2 * c] + bs[2 * c + 1];
            cb[c] = (byte) Bt709.u4(r4, g4, b4);
            cr[c] = (byte) Bt709.v4(r4, g4, b4);
        }
    }
}
