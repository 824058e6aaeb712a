package org.lumaflow.live.internal.capture;

import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.media.ffmpeg.BufferPointers;

/**
 * Writes decoded pictures into pooled frames with one pass over the pixels: a plane copy when the picture already
 * has the frame's size and layout (NV12, I420, RGBA), otherwise {@code sws_scale} writing straight into the frame's
 * off-heap memory (conversion and scaling at once). YUV is read as BT.709 when tagged so or unknown at 720 lines and
 * more, else BT.601, in its tagged range; RGBA8 comes out full range and opaque. The scaler, the pointer arrays and
 * the views of the decoder's picture are made once, so a picture allocates nothing. One capture thread owns it.
 */
final class PictureWriter implements AutoCloseable {

    private final BufferPointers pointers = new BufferPointers();
    private final Address src = new Address();
    private final Address dst = new Address();
    private final PointerPointer<BytePointer> dstPlanes = new PointerPointer<>(4);
    private final LongPointer dstAddresses = new LongPointer(dstPlanes);
    private final IntPointer dstStrides = new IntPointer(4);
    private AVFrame viewed;
    private PointerPointer<?> data;
    private LongPointer planes;
    private IntPointer strides;
    private SwsContext sws;
    private int swsFormat = -1;
    private int swsW;
    private int swsH;
    private int swsSpace;
    private int swsRange;
    private int swsOutW;
    private int swsOutH;
    private PixelFormat swsOut;
    private boolean checkAlpha;
    private boolean fixAlpha;

    /** Writes {@code pic} into {@code out} (any size: scaled to {@code out}'s). */
    void write(AVFrame pic, Frame out) {
        if (pic != viewed) {
            viewed = pic;
            data = pic.data();
            planes = new LongPointer(data);
            strides = pic.linesize();
        }
        int w = out.width();
        int h = out.height();
        PixelFormat f = out.format();
        long base = pointers.of(out.buffer()).address();
        int fmt = pic.format();
        if (pic.width() == w && pic.height() == h && native_(fmt) == f) {
            for (int p = 0; p < f.planes(); p++) {
                copyPlane(planes.get(p), strides.get(p), base + f.planeOffset(p, w, h), f.stride(p, w),
                        f.rows(p, h));
            }
            return;
        }
        int space = pic.colorspace();
        int range = pic.color_range();
        if (sws == null || fmt != swsFormat || pic.width() != swsW || pic.height() != swsH || space != swsSpace
                || range != swsRange || w != swsOutW || h != swsOutH || f != swsOut) {
            configure(fmt, pic.width(), pic.height(), space, range, w, h, f);
        }
        for (int p = 0; p < f.planes(); p++) {
            dstAddresses.put(p, base + f.planeOffset(p, w, h));
            dstStrides.put(p, f.stride(p, w));
        }
        sws_scale(sws, data, strides, 0, pic.height(), dstPlanes, dstStrides);
        if (checkAlpha) {
            checkAlpha = false;
            fixAlpha = out.buffer().get(3) != (byte) 0xFF;
        }
        if (fixAlpha) {
            opaque(out);
        }
    }

    /** The frame layout FFmpeg's {@code fmt} is byte for byte, or null. */
    static PixelFormat native_(int fmt) {
        if (fmt == AV_PIX_FMT_NV12) {
            return PixelFormat.NV12;
        }
        if (fmt == AV_PIX_FMT_YUV420P) {
            return PixelFormat.I420;
        }
        if (fmt == AV_PIX_FMT_RGBA) {
            return PixelFormat.RGBA8;
        }
        return null;
    }

    private static int ffmpegFormat(PixelFormat f) {
        return switch (f) {
            case NV12 -> AV_PIX_FMT_NV12;
            case I420 -> AV_PIX_FMT_YUV420P;
            case GRAY8 -> AV_PIX_FMT_GRAY8;
            case RGBA8 -> AV_PIX_FMT_RGBA;
        };
    }

    private void configure(int fmt, int inW, int inH, int space, int range, int w, int h, PixelFormat f) {
        if (sws != null) {
            sws_freeContext(sws);
        }
        swsFormat = fmt;
        swsW = inW;
        swsH = inH;
        swsSpace = space;
        swsRange = range;
        swsOutW = w;
        swsOutH = h;
        swsOut = f;
        int flags = inW == w && inH == h ? SWS_POINT : SWS_BILINEAR;
        sws = sws_getContext(inW, inH, fmt, w, h, ffmpegFormat(f), flags, null, null, (DoublePointer) null);
        if (sws == null) {
            throw new IllegalStateException("cannot convert " + av_get_pix_fmt_name(fmt).getString() + " pictures to "
                    + f);
        }
        AVPixFmtDescriptor d = av_pix_fmt_desc_get(fmt);
        boolean rgbIn = (d.flags() & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL)) != 0;
        String name = av_get_pix_fmt_name(fmt).getString();
        boolean full = rgbIn || range == AVCOL_RANGE_JPEG || name.startsWith("yuvj") || name.startsWith("gray");
        int cs = space == AVCOL_SPC_BT709 || (space == AVCOL_SPC_UNSPECIFIED && inH >= 720) ? SWS_CS_ITU709
                : SWS_CS_ITU601;
        if (f == PixelFormat.RGBA8) {
            sws_setColorspaceDetails(sws, sws_getCoefficients(cs), full ? 1 : 0, sws_getCoefficients(SWS_CS_ITU709),
                    1, 0, 1 << 16, 1 << 16);
        } else if (rgbIn) {
            sws_setColorspaceDetails(sws, sws_getCoefficients(SWS_CS_ITU709), 1, sws_getCoefficients(SWS_CS_ITU709),
                    0, 0, 1 << 16, 1 << 16);
        }
        // packed RGB without alpha (x11grab's bgr0): the scaler makes it opaque; checked on the first picture
        checkAlpha = f == PixelFormat.RGBA8 && (d.flags() & AV_PIX_FMT_FLAG_ALPHA) == 0 && rgbIn;
        fixAlpha = false;
    }

    /** Sets every alpha byte of an RGBA8 frame to 255. */
    private static void opaque(Frame out) {
        java.nio.ByteBuffer b = out.buffer();
        int n = out.width() * out.height() * 4;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            b.putLong(i, b.getLong(i) | 0xFF000000_FF000000L);
        }
    }

    private void copyPlane(long from, int stride, long to, int rowBytes, int rows) {
        av_image_copy_plane(dst.at(to), rowBytes, src.at(from), stride, rowBytes, rows);
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        dstStrides.close();
        dstPlanes.close();
    }

    /** A pointer whose address can be moved (JavaCPP lets subclasses set it): native copies without allocation. */
    private static final class Address extends BytePointer {
        Address at(long addr) {
            this.address = addr;
            this.position = 0;
            this.limit = 0;
            this.capacity = 0;
            return this;
        }
    }
}
