package org.lumaflow.decoder.internal;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.nio.ByteBuffer;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.media.ffmpeg.BufferPointers;

/**
 * Decoded 8-bit 4:2:0 planar pictures copied as they are into I420 or NV12 frames of the same size (no scaling, no
 * colour conversion): the direct path of a plain transcode. Reads the plane addresses straight from the AVFrame, so
 * a frame costs a few memcpy calls and no allocation.
 */
final class YuvCopier implements PictureConverter {

    private final PixelFormat format;
    private final MovablePointer src = new MovablePointer();
    private final MovablePointer dst = new MovablePointer();
    private final BufferPointers addresses = new BufferPointers();
    private AVFrame source;
    private LongPointer planes;
    private IntPointer strides;
    private byte[] u = new byte[0];
    private byte[] v = new byte[0];
    private byte[] uv = new byte[0];

    YuvCopier(PixelFormat format) {
        if (format != PixelFormat.I420 && format != PixelFormat.NV12) {
            throw new IllegalArgumentException("YUV copy into " + format);
        }
        this.format = format;
    }

    /** Whether pictures of {@code pixFmt} can be copied without conversion. */
    static boolean accepts(int pixFmt) {
        return pixFmt == AV_PIX_FMT_YUV420P;
    }

    @Override
    public void convert(AVFrame pic, Frame out) {
        if (pic.format() != AV_PIX_FMT_YUV420P || pic.width() != out.width() || pic.height() != out.height()) {
            throw new IllegalStateException("direct copy needs " + out.width() + "x" + out.height()
                    + " yuv420p pictures, got " + pic.width() + "x" + pic.height() + " format " + pic.format());
        }
        if (pic != source) {
            source = pic;
            planes = new LongPointer(pic.data());
            strides = pic.linesize();
        }
        int w = out.width();
        int h = out.height();
        ByteBuffer buf = out.buffer();
        long dstBase = addresses.of(buf).address();
        copyPlane(planes.get(0), strides.get(0), dstBase, w, h);
        int cw = w / 2;
        int ch = h / 2;
        if (format == PixelFormat.I420) {
            copyPlane(planes.get(1), strides.get(1), dstBase + format.planeOffset(1, w, h), cw, ch);
            copyPlane(planes.get(2), strides.get(2), dstBase + format.planeOffset(2, w, h), cw, ch);
        } else {
            if (uv.length < w) {
                u = new byte[cw];
                v = new byte[cw];
                uv = new byte[w];
            }
            int off = (int) format.planeOffset(1, w, h);
            for (int y = 0; y < ch; y++) {
                src.at(planes.get(1) + (long) y * strides.get(1)).get(u, 0, cw);
                src.at(planes.get(2) + (long) y * strides.get(2)).get(v, 0, cw);
                for (int x = 0; x < cw; x++) {
                    uv[2 * x] = u[x];
                    uv[2 * x + 1] = v[x];
                }
                buf.put(off + y * w, uv, 0, w);
            }
        }
    }

    private void copyPlane(long from, int stride, long to, int rowBytes, int rows) {
        MovablePointer.copyPlane(src, dst, from, stride, to, rowBytes, rows);
    }

    @Override
    public void close() {
        // nothing native owned
    }
}
