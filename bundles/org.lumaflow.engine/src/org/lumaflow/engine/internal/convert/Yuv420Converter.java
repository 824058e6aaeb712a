package org.lumaflow.engine.internal.convert;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.registry.PixelConverter;

/**
 * RGBA8 to 4:2:0 (NV12 or I420), BT.709 limited range, chroma sited at the centre of each 2x2 block (averaged).
 * Rows are bulk-copied into int arrays and converted by {@link Yuv420Rows} (Vector API when available); alpha is
 * ignored. Frames have even sizes (the pool enforces it for 4:2:0).
 */
abstract class Yuv420Converter implements PixelConverter {

    @Override
    public PixelFormat from() {
        return PixelFormat.RGBA8;
    }

    /** Row kernels: the Vector API when the JVM has jdk.incubator.vector, plain loops otherwise. */
    private static final Yuv420Rows BEST = select();

    private final Yuv420Rows rows;

    /** A converter with the best row kernels available. */
    Yuv420Converter() {
        this(true);
    }

    /** A converter with the Vector API kernels only if {@code allowSimd} and available. */
    Yuv420Converter(boolean allowSimd) {
        this.rows = allowSimd ? BEST : new Yuv420Rows();
    }

    /** Per-thread work rows (reused: no allocation per frame once a thread has converted a frame this wide). */
    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    private static final class Work {
        int[] p0 = new int[0];
        int[] p1;
        int[] rs;
        int[] gs;
        int[] bs;
        byte[] y0;
        byte[] y1;
        byte[] cb;
        byte[] cr;

        void ensure(int w) {
            if (p0.length < w) {
                p0 = new int[w];
                p1 = new int[w];
                rs = new int[w];
                gs = new int[w];
                bs = new int[w];
                y0 = new byte[w];
                y1 = new byte[w];
                cb = new byte[w / 2];
                cr = new byte[w / 2];
            }
        }
    }

    static Yuv420Rows select() {
        if (!Boolean.getBoolean("lumaflow.simd.disable")
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return new Yuv420RowsSimd();
            } catch (LinkageError e) {
                // the package is not visible to this bundle: fall back to plain loops
            }
        }
        return new Yuv420Rows();
    }

    /** Whether this converter uses the Vector API kernels. */
    boolean simd() {
        return rows instanceof Yuv420RowsSimd;
    }

    @Override
    public void convert(Frame src, Frame dst) {
        int w = src.width();
        int h = src.height();
        BuiltinConverters.check(this, src, dst);
        ByteBuffer out = dst.buffer();
        boolean nv12 = to() == PixelFormat.NV12;
        int uPlane = (int) to().planeOffset(1, w, h);
        int vPlane = (int) to().planeOffset(2, w, h);
        IntBuffer in = src.buffer().asIntBuffer();
        Yuv420Rows kernel = rows;
        Parallel.rows(w, h / 2, (r0, r1) -> {
            Work k = WORK.get();
            k.ensure(w);
            for (int cy = r0; cy < r1; cy++) {
                in.get(2 * cy * w, k.p0, 0, w);
                in.get((2 * cy + 1) * w, k.p1, 0, w);
                kernel.convert(k.p0, k.p1, w, k.y0, k.y1, k.cb, k.cr, k.rs, k.gs, k.bs);
                out.put(2 * cy * w, k.y0, 0, w);
                out.put((2 * cy + 1) * w, k.y1, 0, w);
                if (nv12) {
                    // interleave Cb/Cr into the reused int row as bytes, then one bulk put
                    byte[] uv = k.y0;
                    for (int c = 0; c < w / 2; c++) {
                        uv[2 * c] = k.cb[c];
                        uv[2 * c + 1] = k.cr[c];
                    }
                    out.put(uPlane + cy * w, uv, 0, w);
                } else {
                    out.put(uPlane + cy * (w / 2), k.cb, 0, w / 2);
                    out.put(vPlane + cy * (w / 2), k.cr, 0, w / 2);
                }
            }
        });
    }
}
