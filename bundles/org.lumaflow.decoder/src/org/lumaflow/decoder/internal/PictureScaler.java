package org.lumaflow.decoder.internal;

import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.IdentityHashMap;
import java.util.Map;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.lumaflow.decoder.MediaService.Fit;
import org.lumaflow.media.ffmpeg.BufferPointers;

/**
 * Decoded picture -> RGBA8 output frame: FFmpeg's scaler converts with the stream's own matrix (BT.709 or BT.601) and
 * range into the fitted rectangle, display rotation is applied, and the bars are opaque black. All buffers and native
 * structures are created once per geometry, so converting a frame allocates nothing.
 */
final class PictureScaler implements PictureConverter {

    private static final int BLACK = 0xFF000000;
    /**
     * Rectangles narrower than this many pixels are scaled into a padded scratch buffer and copied: FFmpeg's SIMD
     * converters write whole blocks of pixels per row, past the end of a tiny frame's memory (a 2x2 picture corrupted
     * the native heap).
     */
    private static final int NARROW = 64;

    private final int outW;
    private final int outH;
    private final Fit fit;
    private final int rotation;
    private final PointerPointer<BytePointer> dst = new PointerPointer<>(4);
    private final IntPointer dstStride = new IntPointer(4);
    private final BufferPointers addresses = new BufferPointers();
    private final Map<ByteBuffer, IntBuffer> pixelViews = new IdentityHashMap<>();
    private AVFrame source;
    private PointerPointer<?> srcData;
    private IntPointer srcStride;
    private SwsContext sws;
    private int srcW;
    private int srcH;
    private int srcFormat = -1;
    private int srcSpace = -1;
    private int srcRange = -1;
    // fitted rectangle in the output (display orientation)
    private int rx;
    private int ry;
    private int rw;
    private int rh;
    private ByteBuffer scratch;
    private BytePointer scratchPtr;
    private IntBuffer scratchPixels;
    /** Pixels per scratch row (padded). */
    private int scratchStride;
    private boolean narrow;

    /** Display size whose shape the fitted rectangle keeps (a proxy's original), or 0 for the picture's own. */
    private final int shapeW;
    private final int shapeH;

    PictureScaler(int outW, int outH, Fit fit, int rotation) {
        this(outW, outH, fit, rotation, 0, 0);
    }

    /**
     * A scaler that fits pictures as if they were {@code shapeW x shapeH} (display orientation): a proxy, whose size
     * was rounded to even numbers, lands in exactly the rectangle its original would.
     */
    PictureScaler(int outW, int outH, Fit fit, int rotation, int shapeW, int shapeH) {
        this.outW = outW;
        this.outH = outH;
        this.fit = fit;
        this.rotation = rotation;
        this.shapeW = shapeW;
        this.shapeH = shapeH;
    }

    /** Converts {@code pic} into {@code frame} (RGBA8, {@code outW x outH}). */
    @Override
    public void convert(AVFrame pic, org.lumaflow.core.pool.Frame frame) {
        ByteBuffer out = frame.buffer();
        if (sws == null || pic.width() != srcW || pic.height() != srcH || pic.format() != srcFormat
                || pic.colorspace() != srcSpace || pic.color_range() != srcRange) {
            configure(pic);
        }
        fillBars(out);
        boolean rotated = rotation != 0;
        boolean viaScratch = rotated || narrow;
        BytePointer target = viaScratch ? scratchPtr : addresses.of(out);
        long offset = viaScratch ? 0 : ((long) ry * outW + rx) * 4;
        dst.put(0, target.position(offset));
        dstStride.put(0, (viaScratch ? scratchStride : outW) * 4);
        if (pic != source) {
            source = pic;
            srcData = pic.data();
            srcStride = pic.linesize();
        }
        sws_scale(sws, srcData, srcStride, 0, srcH, dst, dstStride);
        target.position(0);
        if (rotated) {
            rotateInto(out);
        } else if (narrow) {
            copyInto(out);
        }
    }

    /** Scratch -> fitted rectangle of the output, unrotated. */
    private void copyInto(ByteBuffer out) {
        IntBuffer src = scratchPixels;
        IntBuffer dstPx = pixels(out);
        for (int y = 0; y < rh; y++) {
            int row = (ry + y) * outW + rx;
            for (int x = 0; x < rw; x++) {
                dstPx.put(row + x, src.get(y * scratchStride + x));
            }
        }
    }

    private void configure(AVFrame pic) {
        srcW = pic.width();
        srcH = pic.height();
        srcFormat = pic.format();
        srcSpace = pic.colorspace();
        srcRange = pic.color_range();
        int dw = rotation % 180 == 0 ? srcW : srcH;
        int dh = rotation % 180 == 0 ? srcH : srcW;
        if (shapeW > 0 && shapeH > 0) {
            dw = shapeW;
            dh = shapeH;
        }
        if (fit == Fit.STRETCH) {
            rx = 0;
            ry = 0;
            rw = outW;
            rh = outH;
        } else {
            double s = Math.min(outW / (double) dw, outH / (double) dh);
            rw = Math.max(1, Math.min(outW, (int) Math.round(dw * s)));
            rh = Math.max(1, Math.min(outH, (int) Math.round(dh * s)));
            rx = (outW - rw) / 2;
            ry = (outH - rh) / 2;
        }
        int sw = rotation % 180 == 0 ? rw : rh;
        int sh = rotation % 180 == 0 ? rh : rw;
        if (sws != null) {
            sws_freeContext(sws);
        }
        sws = sws_getContext(srcW, srcH, srcFormat, sw, sh, AV_PIX_FMT_RGBA, SWS_BILINEAR,
                null, null, (DoublePointer) null);
        if (sws == null) {
            throw new IllegalStateException("FFmpeg cannot convert " + srcW + "x" + srcH + " "
                    + av_get_pix_fmt_name(srcFormat).getString() + " to RGBA");
        }
        int matrix = switch (srcSpace) {
            case AVCOL_SPC_BT709 -> SWS_CS_ITU709;
            case AVCOL_SPC_BT470BG, AVCOL_SPC_SMPTE170M -> SWS_CS_ITU601;
            case AVCOL_SPC_SMPTE240M -> SWS_CS_SMPTE240M;
            case AVCOL_SPC_BT2020_NCL, AVCOL_SPC_BT2020_CL -> SWS_CS_BT2020;
            default -> srcH >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
        };
        int fullRange = srcRange == AVCOL_RANGE_JPEG || isJpegFormat(srcFormat) ? 1 : 0;
        sws_setColorspaceDetails(sws, sws_getCoefficients(matrix), fullRange, sws_getCoefficients(SWS_CS_DEFAULT), 1,
                0, 1 << 16, 1 << 16);
        narrow = sw < NARROW;
        if (rotation != 0 || narrow) {
            scratchStride = (sw + 63) & ~63;
            scratch = ByteBuffer.allocateDirect(scratchStride * (sh + 2) * 4).order(ByteOrder.nativeOrder());
            scratchPtr = new BytePointer(scratch);
            scratchPixels = scratch.asIntBuffer();
        }
    }

    private static boolean isJpegFormat(int f) {
        return f == AV_PIX_FMT_YUVJ420P || f == AV_PIX_FMT_YUVJ422P || f == AV_PIX_FMT_YUVJ444P;
    }

    private IntBuffer pixels(ByteBuffer out) {
        IntBuffer v = pixelViews.get(out);
        if (v == null) {
            if (pixelViews.size() > 32) {
                pixelViews.clear();
            }
            v = out.duplicate().order(ByteOrder.nativeOrder()).asIntBuffer();
            pixelViews.put(out, v);
        }
        return v;
    }

    private void fillBars(ByteBuffer out) {
        if (rw == outW && rh == outH) {
            return;
        }
        IntBuffer px = pixels(out);
        for (int y = 0; y < outH; y++) {
            int row = y * outW;
            if (y < ry || y >= ry + rh) {
                for (int x = 0; x < outW; x++) {
                    px.put(row + x, BLACK);
                }
            } else {
                for (int x = 0; x < rx; x++) {
                    px.put(row + x, BLACK);
                }
                for (int x = rx + rw; x < outW; x++) {
                    px.put(row + x, BLACK);
                }
            }
        }
    }

    /** Scratch (coded orientation) -> fitted rectangle of the output, rotated clockwise by {@code rotation}. */
    private void rotateInto(ByteBuffer out) {
        IntBuffer src = scratchPixels;
        IntBuffer dstPx = pixels(out);
        int sw = rotation % 180 == 0 ? rw : rh;
        int sh = rotation % 180 == 0 ? rh : rw;
        for (int y = 0; y < rh; y++) {
            int row = (ry + y) * outW + rx;
            for (int x = 0; x < rw; x++) {
                int sx;
                int sy;
                switch (rotation) {
                    case 90 -> {
                        sx = y;
                        sy = sh - 1 - x;
                    }
                    case 180 -> {
                        sx = sw - 1 - x;
                        sy = sh - 1 - y;
                    }
                    default -> {
                        sx = sw - 1 - y;
                        sy = x;
                    }
                }
                dstPx.put(row + x, src.get(sy * scratchStride + sx));
            }
        }
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        dst.close();
        dstStride.close();
    }
}
