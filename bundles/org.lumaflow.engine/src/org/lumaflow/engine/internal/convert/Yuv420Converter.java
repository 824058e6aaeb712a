package org.lumaflow.engine.internal.convert;

import java.nio.ByteBuffer;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.registry.PixelConverter;

/**
 * RGBA8 to 4:2:0 (NV12 or I420), BT.709 limited range, chroma sited at the centre of each 2x2 block (averaged).
 * Scalar reference implementation; alpha is ignored. Frames have even sizes (the pool enforces it for 4:2:0).
 */
abstract class Yuv420Converter implements PixelConverter {

    @Override
    public PixelFormat from() {
        return PixelFormat.RGBA8;
    }

    @Override
    public void convert(Frame src, Frame dst) {
        int w = src.width();
        int h = src.height();
        if (dst.width() != w || dst.height() != h || src.format() != PixelFormat.RGBA8 || dst.format() != to()) {
            throw new IllegalArgumentException(id() + ": cannot convert " + src.key() + " into " + dst.key());
        }
        ByteBuffer in = src.buffer();
        ByteBuffer out = dst.buffer();
        boolean nv12 = to() == PixelFormat.NV12;
        int uPlane = (int) to().planeOffset(1, w, h);
        int vPlane = nv12 ? uPlane + 1 : (int) to().planeOffset(2, w, h);
        int cStride = nv12 ? w : w / 2;
        int cStep = nv12 ? 2 : 1;
        Parallel.rows(w, h / 2, (r0, r1) -> {
            for (int cy = r0; cy < r1; cy++) {
                int row0 = 2 * cy * w * 4;
                int row1 = row0 + w * 4;
                for (int cx = 0; cx < w / 2; cx++) {
                    int p00 = in.getInt(row0 + cx * 8);
                    int p01 = in.getInt(row0 + cx * 8 + 4);
                    int p10 = in.getInt(row1 + cx * 8);
                    int p11 = in.getInt(row1 + cx * 8 + 4);
                    out.put(2 * cy * w + 2 * cx, (byte) luma(p00));
                    out.put(2 * cy * w + 2 * cx + 1, (byte) luma(p01));
                    out.put((2 * cy + 1) * w + 2 * cx, (byte) luma(p10));
                    out.put((2 * cy + 1) * w + 2 * cx + 1, (byte) luma(p11));
                    int r4 = (p00 & 0xFF) + (p01 & 0xFF) + (p10 & 0xFF) + (p11 & 0xFF);
                    int g4 = ((p00 >> 8) & 0xFF) + ((p01 >> 8) & 0xFF) + ((p10 >> 8) & 0xFF) + ((p11 >> 8) & 0xFF);
                    int b4 = ((p00 >> 16) & 0xFF) + ((p01 >> 16) & 0xFF) + ((p10 >> 16) & 0xFF)
                            + ((p11 >> 16) & 0xFF);
                    int c = cy * cStride + cx * cStep;
                    out.put(uPlane + c, (byte) Bt709.u4(r4, g4, b4));
                    out.put(vPlane + c, (byte) Bt709.v4(r4, g4, b4));
                }
            }
        });
    }

    private static int luma(int p) {
        return Bt709.y(p & 0xFF, (p >> 8) & 0xFF, (p >> 16) & 0xFF);
    }
}
