package org.lumaflow.engine.internal.convert;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.core.internal.VectorApi;
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

    static Yuv420Rows select() {
        if (VectorApi.wanted()) {
            try {
                // one 256-bit shape for every kernel (see org.lumaflow.engine.internal.nodes.SimdKernels)
                if (jdk.incubator.vector.IntVector.SPECIES_PREFERRED.vectorBitSize() >= 256) {
                    return new Yuv420RowsSimd();
                }
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
        PixelFormat format = to();
        IntBuffer in = src.buffer().asIntBuffer();
        boolean simd = simd();
        Parallel.rows(w, h / 2, (r0, r1) -> {
            Work k = WORK.get();
            k.ensure(w);
            for (int cy = r0; cy < r1; cy++) {
                in.get(2 * cy * w, k.p0, 0, w);
                in.get((2 * cy + 1) * w, k.p1, 0, w);
                k.writer(simd).write(k.p0, k.p1, w, h, cy, out, format);
            }
        });
    }

    /** Per-thread work rows and writers (no allocation per frame once a thread has converted a frame this wide). */
    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    private static final class Work {
        int[] p0 = new int[0];
        int[] p1;
        Yuv420Writer simd;
        Yuv420Writer plain;

        void ensure(int w) {
            if (p0.length < w) {
                p0 = new int[w];
                p1 = new int[w];
            }
        }

        Yuv420Writer writer(boolean useSimd) {
            if (useSimd) {
                return simd != null ? simd : (simd = new Yuv420Writer(true));
            }
            return plain != null ? plain : (plain = new Yuv420Writer(false));
        }
    }
}
