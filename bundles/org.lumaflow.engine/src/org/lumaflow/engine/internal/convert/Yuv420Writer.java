package org.lumaflow.engine.internal.convert;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.PixelFormat;

/**
 * Writes pairs of RGBA8 rows (ints, {@code 0xAABBGGRR}) into an NV12 or I420 frame, BT.709 limited range, chroma
 * averaged over each 2x2 block: the kernel of {@link Yuv420Converter}, also used by fused render passes that end in
 * the encoder's format. One instance per thread (it owns its work rows); allocates nothing once warm.
 */
public final class Yuv420Writer {

    private static final Yuv420Rows BEST = Yuv420Converter.select();

    private final Yuv420Rows rows;
    private int[] rs = new int[0];
    private int[] gs;
    private int[] bs;
    private byte[] y0;
    private byte[] y1;
    private byte[] cb;
    private byte[] cr;

    /** A writer with the Vector API kernels when available. */
    public Yuv420Writer() {
        this(true);
    }

    /** A writer with the Vector API kernels only if {@code allowSimd} and available. */
    public Yuv420Writer(boolean allowSimd) {
        this.rows = allowSimd ? BEST : new Yuv420Rows();
    }

    private void ensure(int w) {
        if (rs.length < w) {
            rs = new int[w];
            gs = new int[w];
            bs = new int[w];
            y0 = new byte[w];
            y1 = new byte[w];
            cb = new byte[w / 2];
            cr = new byte[w / 2];
        }
    }

    /**
     * Converts rows {@code 2 cy} ({@code p0}) and {@code 2 cy + 1} ({@code p1}) of a {@code w x h} image and stores
     * them into {@code out}, laid out as {@code format} (NV12 or I420).
     */
    public void write(int[] p0, int[] p1, int w, int h, int cy, ByteBuffer out, PixelFormat format) {
        ensure(w);
        rows.convert(p0, p1, w, y0, y1, cb, cr, rs, gs, bs);
        out.put(2 * cy * w, y0, 0, w);
        out.put((2 * cy + 1) * w, y1, 0, w);
        int uPlane = (int) format.planeOffset(1, w, h);
        if (format == PixelFormat.NV12) {
            byte[] uv = y0; // interleave Cb/Cr into the luma row already stored, then one bulk put
            for (int c = 0; c < w / 2; c++) {
                uv[2 * c] = cb[c];
                uv[2 * c + 1] = cr[c];
            }
            out.put(uPlane + cy * w, uv, 0, w);
        } else {
            int vPlane = (int) format.planeOffset(2, w, h);
            out.put(uPlane + cy * (w / 2), cb, 0, w / 2);
            out.put(vPlane + cy * (w / 2), cr, 0, w / 2);
        }
    }

    /** Whether {@code format} is one this writer produces. */
    public static boolean writes(PixelFormat format) {
        return format == PixelFormat.NV12 || format == PixelFormat.I420;
    }
}
