package org.lumaflow.decoder.internal;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_best_pix_fmt_of_list;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

import java.nio.ByteBuffer;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.lumaflow.decoder.PictureLayout;
import org.lumaflow.decoder.VideoStreamInfo;

/**
 * Decoded pictures into the planar {@link PictureLayout} that FFmpeg's {@code signalstats} filter reads. Pictures
 * already in one of its 27 planar YUV formats are copied plane by plane (memcpy, no conversion). Others go through
 * FFmpeg's scaler into the format that ffmpeg itself negotiates for that filter ({@code
 * avcodec_find_best_pix_fmt_of_list} over the same list): semi-planar and packed YUV (NV12, P010, YUYV...) repack
 * losslessly to the planar format of the same depth and range; RGB, palette and grey pictures are converted like
 * ffmpeg's automatically inserted scaler does (bicubic, RGB to BT.601 limited-range YUV 4:4:4 of the nearest depth;
 * grey to full-range 4:4:4). All native structures are created once; a picture allocates nothing.
 */
final class PlanarCopier implements AutoCloseable {

    /** signalstats' input formats, in its order (little-endian for more than 8 bits). */
    private static final int[] FORMATS = {AV_PIX_FMT_YUV444P, AV_PIX_FMT_YUV422P, AV_PIX_FMT_YUV420P,
        AV_PIX_FMT_YUV411P, AV_PIX_FMT_YUV440P, AV_PIX_FMT_YUVJ422P, AV_PIX_FMT_YUVJ444P, AV_PIX_FMT_YUVJ420P,
        AV_PIX_FMT_YUVJ411P, AV_PIX_FMT_YUVJ440P, AV_PIX_FMT_YUV444P9LE, AV_PIX_FMT_YUV422P9LE,
        AV_PIX_FMT_YUV420P9LE, AV_PIX_FMT_YUV444P10LE, AV_PIX_FMT_YUV422P10LE, AV_PIX_FMT_YUV420P10LE,
        AV_PIX_FMT_YUV440P10LE, AV_PIX_FMT_YUV444P12LE, AV_PIX_FMT_YUV422P12LE, AV_PIX_FMT_YUV420P12LE,
        AV_PIX_FMT_YUV440P12LE, AV_PIX_FMT_YUV444P14LE, AV_PIX_FMT_YUV422P14LE, AV_PIX_FMT_YUV420P14LE,
        AV_PIX_FMT_YUV444P16LE, AV_PIX_FMT_YUV422P16LE, AV_PIX_FMT_YUV420P16LE};

    private final PictureLayout layout;
    private final int target;
    private final boolean rgbSource;
    private final MovablePointer src = new MovablePointer();
    private final MovablePointer dst = new MovablePointer();
    private final PointerPointer<BytePointer> dstPlanes = new PointerPointer<>(4);
    private final IntPointer dstStrides = new IntPointer(4);
    private SwsContext sws;
    private AVFrame source;
    private LongPointer planes;
    private IntPointer strides;
    private int swsFormat = -1;
    private int swsW;
    private int swsH;

    private PlanarCopier(PictureLayout layout, int target, boolean rgbSource) {
        this.layout = layout;
        this.target = target;
        this.rgbSource = rgbSource;
        for (int p = 0; p < 3; p++) {
            int w = p == 0 ? layout.width() : layout.chromaWidth();
            dstStrides.put(p, w * layout.bytesPerSample());
        }
    }

    /** The copier for {@code stream}'s pictures, or null when FFmpeg knows no layout for its pixel format. */
    static PlanarCopier of(VideoStreamInfo stream) {
        int srcFmt = av_get_pix_fmt(stream.pixelFormat());
        if (srcFmt < 0) {
            return null;
        }
        AVPixFmtDescriptor sd = av_pix_fmt_desc_get(srcFmt);
        boolean rgb = (sd.flags() & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL)) != 0;
        int target = srcFmt;
        boolean listed = false;
        for (int f : FORMATS) {
            listed |= f == srcFmt;
        }
        if (!listed) {
            try (IntPointer list = new IntPointer(FORMATS.length + 1)) {
                list.put(FORMATS).put(FORMATS.length, AV_PIX_FMT_NONE);
                target = avcodec_find_best_pix_fmt_of_list(list, srcFmt,
                        (sd.flags() & AV_PIX_FMT_FLAG_ALPHA) != 0 ? 1 : 0, (IntPointer) null);
            }
            if (target < 0) {
                return null;
            }
        }
        AVPixFmtDescriptor td = av_pix_fmt_desc_get(target);
        String name = av_get_pix_fmt_name(target).getString();
        boolean jpeg = name.startsWith("yuvj");
        boolean full = jpeg || (!rgb && ("pc".equals(stream.colorRange()) || stream.pixelFormat().startsWith("yuvj")
                || stream.pixelFormat().startsWith("gray")));
        PictureLayout layout = new PictureLayout(stream.width(), stream.height(), td.comp(0).depth(),
                td.log2_chroma_w(), td.log2_chroma_h(), full, name, stream.pixelFormat());
        return new PlanarCopier(layout, target, rgb);
    }

    PictureLayout layout() {
        return layout;
    }

    /** Copies or converts {@code pic} into {@code out} (at least {@link PictureLayout#bytes()} long, direct). */
    void convert(AVFrame pic, ByteBuffer out, long outAddress) {
        int w = layout.width();
        int h = layout.height();
        if (pic.format() == target && pic.width() == w && pic.height() == h) {
            if (pic != source) {
                source = pic;
                planes = new LongPointer(pic.data());
                strides = pic.linesize();
            }
            int bps = layout.bytesPerSample();
            for (int p = 0; p < 3; p++) {
                int pw = (p == 0 ? w : layout.chromaWidth()) * bps;
                int ph = p == 0 ? h : layout.chromaHeight();
                copyPlane(planes.get(p), strides.get(p), outAddress + layout.planeOffset(p), pw, ph);
            }
            return;
        }
        if (sws == null || pic.format() != swsFormat || pic.width() != swsW || pic.height() != swsH) {
            configure(pic);
        }
        for (int p = 0; p < 3; p++) {
            dstPlanes.put(p, dst.at(outAddress + layout.planeOffset(p)));
        }
        sws_scale(sws, pic.data(), pic.linesize(), 0, pic.height(), dstPlanes, dstStrides);
    }

    private void configure(AVFrame pic) {
        if (sws != null) {
            sws_freeContext(sws);
        }
        swsFormat = pic.format();
        swsW = pic.width();
        swsH = pic.height();
        sws = sws_getContext(swsW, swsH, swsFormat, layout.width(), layout.height(), target, SWS_BICUBIC, null, null,
                (DoublePointer) null);
        if (sws == null) {
            throw new IllegalStateException("FFmpeg cannot convert " + av_get_pix_fmt_name(swsFormat).getString()
                    + " pictures to " + layout.pixelFormat());
        }
        // RGB: BT.601 (the scaler's default) into the target's range; YUV/grey: repacked, range kept as it is
        int srcFull = rgbSource || layout.fullRange() ? 1 : 0;
        int dstFull = layout.fullRange() ? 1 : 0;
        sws_setColorspaceDetails(sws, sws_getCoefficients(SWS_CS_DEFAULT), srcFull,
                sws_getCoefficients(SWS_CS_DEFAULT), dstFull, 0, 1 << 16, 1 << 16);
    }

    private void copyPlane(long from, int stride, long to, int rowBytes, int rows) {
        MovablePointer.copyPlane(src, dst, from, stride, to, rowBytes, rows);
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        dstPlanes.close();
        dstStrides.close();
    }
}
