package org.lumaflow.export.internal;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.media.ffmpeg.BufferPointers;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * One FFmpeg video encoder (and, unless probing, a muxer writing {@code output}). It is fed our own 4:2:0 frames
 * (NV12 or I420, BT.709 limited range, tagged as such); the planes are handed to FFmpeg by pointer, no RGB->YUV
 * conversion happens inside FFmpeg. Encoders that want another layout (ProRes 4:2:2 10-bit) get FFmpeg's YUV->YUV
 * repacking only. Not thread-safe.
 */
final class VideoEncoder implements AutoCloseable {

    private final String name;
    private final AVCodecContext ctx;
    private final AVFormatContext oc;
    private final AVStream stream;
    private final AVFrame frame = av_frame_alloc();
    private final AVPacket packet = av_packet_alloc();
    private final PixelFormat input;
    private final BufferPointers addresses = new BufferPointers();
    private final List<String> ignoredOptions = new ArrayList<>();
    private final AudioOut audioOut;
    /** GIF only: RGBA -> per-frame palette. */
    private final GifPalette palette;
    private final AVFrame filtered;
    private SwsContext repack;
    private AVFrame packed;
    /** Pooled frames lent to FFmpeg by reference, or null (FFmpeg copies each picture). */
    private final FrameRefs refs;
    /** VA-API/Vulkan: our NV12 frames uploaded into hardware frames, else null. */
    private final HwUpload upload;
    private long packets;

    /**
     * @param output file to write, or null to discard packets (probing)
     * @param container FFmpeg muxer name ({@code mp4}, {@code matroska}...), ignored when {@code output} is null
     */
    VideoEncoder(String encoder, Path output, String container, int width, int height, FrameRate rate,
            int keyframeInterval, Map<String, String> options) throws IOException {
        this(encoder, output, container, width, height, rate, keyframeInterval, options, false);
    }

    /** {@code audio}: also add a 48 kHz stereo audio stream ({@link #audio()}). */
    VideoEncoder(String encoder, Path output, String container, int width, int height, FrameRate rate,
            int keyframeInterval, Map<String, String> options, boolean audio) throws IOException {
        this(encoder, output, container, width, height, rate, keyframeInterval, options, audio, null);
    }

    /**
     * {@code prefer}: the 4:2:0 layout to feed when the encoder takes it ({@link PixelFormat#I420} for decoded
     * yuv420p pictures, so they are not interleaved for nothing), or null for the encoder's first choice.
     */
    VideoEncoder(String encoder, Path output, String container, int width, int height, FrameRate rate,
            int keyframeInterval, Map<String, String> options, boolean audio, PixelFormat prefer) throws IOException {
        this(encoder, output, container, width, height, rate, keyframeInterval, options, audio, prefer, null);
    }

    /** {@code chapters}: written into the file when its container stores them (null: none). */
    VideoEncoder(String encoder, Path output, String container, int width, int height, FrameRate rate,
            int keyframeInterval, Map<String, String> options, boolean audio, PixelFormat prefer, Chapters chapters)
            throws IOException {
        FFmpeg.load();
        this.name = encoder;
        AVCodec codec = avcodec_find_encoder_by_name(encoder);
        if (codec == null) {
            throw new IOException(encoder + ": " + EncoderCatalog.missingReason(encoder));
        }
        boolean gif = codec.id() == AV_CODEC_ID_GIF;
        boolean hw = HwUpload.needed(encoder);
        int pixFmt = gif ? AV_PIX_FMT_PAL8 : hw ? AV_PIX_FMT_NV12 : choosePixelFormat(codec, prefer);
        this.input = gif ? PixelFormat.RGBA8 : pixFmt == AV_PIX_FMT_NV12 ? PixelFormat.NV12 : PixelFormat.I420;
        this.refs = !gif && !hw && byReference(encoder) ? new FrameRefs() : null;
        HwUpload up = null;
        AVFormatContext o = null;
        AVCodecContext c = null;
        AVDictionary dict = new AVDictionary(null);
        AudioOut a = null;
        GifPalette g = null;
        try {
            if (output != null) {
                o = new AVFormatContext(null);
                int r = avformat_alloc_output_context2(o, null, container, output.toString());
                if (r < 0 || o.isNull()) {
                    throw new IOException(output + ": no muxer for " + container + " (" + FFmpeg.error(r) + ")");
                }
                if (avformat_query_codec(o.oformat(), codec.id(), FF_COMPLIANCE_NORMAL) != 1) {
                    throw new IOException(output + ": the " + container + " container cannot hold "
                            + avcodec_get_name(codec.id()).getString());
                }
            }
            c = avcodec_alloc_context3(codec);
            c.width(width);
            c.height(height);
            AVRational tb = av_make_q(rate.den(), rate.num());
            c.time_base(tb);
            c.framerate(av_make_q(rate.num(), rate.den()));
            c.pix_fmt(pixFmt);
            if (hw) {
                up = HwUpload.open(encoder, width, height);
                up.attach(c);
            }
            c.gop_size(keyframeInterval);
            c.thread_count(threads(encoder));
            c.color_range(AVCOL_RANGE_MPEG);
            c.colorspace(AVCOL_SPC_BT709);
            c.color_primaries(AVCOL_PRI_BT709);
            c.color_trc(AVCOL_TRC_BT709);
            c.sample_aspect_ratio(av_make_q(1, 1));
            if (o != null && (o.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                c.flags(c.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            for (Map.Entry<String, String> e : options.entrySet()) {
                av_dict_set(dict, e.getKey(), e.getValue(), 0);
            }
            FFmpeg.clearLog();
            int r = avcodec_open2(c, codec, dict);
            if (r < 0) {
                throw new IOException(encoder + ": cannot open the encoder (" + FFmpeg.explain(r) + ")");
            }
            AVDictionaryEntry left = null;
            while ((left = av_dict_get(dict, "", left, AV_DICT_IGNORE_SUFFIX)) != null) {
                ignoredOptions.add(left.key().getString() + "=" + left.value().getString());
            }
            AVStream st = null;
            if (o != null) {
                st = avformat_new_stream(o, null);
                avcodec_parameters_from_context(st.codecpar(), c);
                st.time_base(tb);
                st.avg_frame_rate(c.framerate());
                if (audio) {
                    a = new AudioOut(o, container);
                }
                if ((o.oformat().flags() & AVFMT_NOFILE) == 0) {
                    AVIOContext pb = new AVIOContext(null);
                    r = avio_open(pb, output.toString(), AVIO_FLAG_WRITE);
                    if (r < 0) {
                        throw new IOException(output + ": cannot write (" + FFmpeg.error(r) + ")");
                    }
                    o.pb(pb);
                }
                if (chapters != null) {
                    chapters.addTo(o);
                }
                r = avformat_write_header(o, (AVDictionary) null);
                if (r < 0) {
                    throw new IOException(output + ": cannot start the " + container + " file (" + FFmpeg.error(r)
                            + ")");
                }
            }
            frame.format(gif ? AV_PIX_FMT_RGBA : pixFmt);
            frame.width(width);
            frame.height(height);
            frame.color_range(AVCOL_RANGE_MPEG);
            frame.colorspace(AVCOL_SPC_BT709);
            frame.color_primaries(AVCOL_PRI_BT709);
            frame.color_trc(AVCOL_TRC_BT709);
            if (gif) {
                g = new GifPalette(width, height, rate);
            } else if (pixFmt != AV_PIX_FMT_NV12 && pixFmt != AV_PIX_FMT_YUV420P) {
                // e.g. ProRes: 4:2:2 10-bit; repack our I420 (YUV -> YUV, no colour conversion)
                packed = av_frame_alloc();
                packed.format(pixFmt);
                packed.width(width);
                packed.height(height);
                packed.color_range(AVCOL_RANGE_MPEG);
                packed.colorspace(AVCOL_SPC_BT709);
                packed.color_primaries(AVCOL_PRI_BT709);
                packed.color_trc(AVCOL_TRC_BT709);
                av_frame_get_buffer(packed, 0);
                repack = sws_getContext(width, height, AV_PIX_FMT_YUV420P, width, height, pixFmt, SWS_BILINEAR, null,
                        null, (DoublePointer) null);
            }
        } catch (IOException | RuntimeException e) {
            av_dict_free(dict);
            if (up != null) {
                up.close();
            }
            if (a != null) {
                a.close();
            }
            if (g != null) {
                g.close();
            }
            if (c != null) {
                avcodec_free_context(c);
            }
            if (o != null && !o.isNull()) {
                if (o.pb() != null && !o.pb().isNull()) {
                    avio_closep(o.pb());
                }
                avformat_free_context(o);
            }
            av_frame_free(frame);
            av_packet_free(packet);
            throw e;
        }
        av_dict_free(dict);
        this.ctx = c;
        this.oc = o;
        this.stream = o == null ? null : oc.streams(0);
        this.audioOut = a;
        this.palette = g;
        this.upload = up;
        this.filtered = g == null ? null : av_frame_alloc();
    }

    /** The audio stream, or null when the file has none. */
    AudioOut audio() {
        return audioOut;
    }

    private static int choosePixelFormat(AVCodec codec, PixelFormat prefer) {
        IntPointer fmts = codec.pix_fmts();
        if (fmts == null || fmts.isNull()) {
            return AV_PIX_FMT_YUV420P;
        }
        int first = -1;
        boolean yuv420 = false;
        boolean nv12 = false;
        for (int i = 0; fmts.get(i) != AV_PIX_FMT_NONE; i++) {
            int f = fmts.get(i);
            nv12 |= f == AV_PIX_FMT_NV12;
            yuv420 |= f == AV_PIX_FMT_YUV420P;
            if (first < 0) {
                first = f;
            }
        }
        if (prefer == PixelFormat.I420 && yuv420) {
            return AV_PIX_FMT_YUV420P;
        }
        return nv12 ? AV_PIX_FMT_NV12 : yuv420 ? AV_PIX_FMT_YUV420P : first;
    }

    /**
     * Whether frames are lent to {@code encoder} by reference: only encoders known to copy each input picture into
     * buffers of their own (FFmpeg's native encoders may read ours in place and expect FFmpeg's alignment and padding).
     * {@code -Dlumaflow.export.frameRefs=false} makes FFmpeg copy every picture as before.
     */
    static boolean byReference(String encoder) {
        if (!Boolean.parseBoolean(System.getProperty("lumaflow.export.frameRefs", "true"))) {
            return false;
        }
        return switch (encoder) {
            case "libx264", "libx265", "libopenh264", "libsvtav1", "libaom-av1", "libvpx-vp9" -> true;
            default -> encoder.endsWith("_nvenc");
        };
    }

    /**
     * Encoder threads: FFmpeg's automatic count unless {@code -Dlumaflow.export.encoderThreads=N} (the same as
     * {@code ffmpeg -threads N}).
     */
    private static int threads(String encoder) {
        return Math.max(0, Integer.getInteger("lumaflow.export.encoderThreads", 0));
    }

    /** The 4:2:0 layout this encoder is fed ({@link PixelFormat#NV12} or {@link PixelFormat#I420}). */
    PixelFormat input() {
        return input;
    }

    String name() {
        return name;
    }

    /** Options the encoder did not recognise. */
    List<String> ignoredOptions() {
        return ignoredOptions;
    }

    /** Encodes {@code src} (the {@link #input()} layout, encoder size) as frame number {@code index}. */
    void encode(Frame src, long index) throws IOException {
        if (EncoderFaults.shouldFail(name, index)) {
            throw new IOException(name + ": injected failure at frame " + index);
        }
        BytePointer base = addresses.of(src.buffer());
        int w = src.width();
        int h = src.height();
        PixelFormat f = src.format();
        AVFrame target = frame;
        if (palette != null) {
            frame.data(0, base.position(0));
            frame.linesize(0, w * 4);
            frame.pts(index);
            palette.push(frame);
            sendFiltered();
            return;
        }
        frame.data(0, base.position(0));
        frame.linesize(0, w);
        frame.data(1, base.position(f.planeOffset(1, w, h)));
        frame.linesize(1, f == PixelFormat.NV12 ? w : w / 2);
        if (f == PixelFormat.I420) {
            frame.data(2, base.position(f.planeOffset(2, w, h)));
            frame.linesize(2, w / 2);
        }
        base.position(0);
        if (repack != null) {
            av_frame_make_writable(packed);
            sws_scale(repack, frame.data(), frame.linesize(), 0, h, packed.data(), packed.linesize());
            target = packed;
        }
        target.pts(index);
        boolean lent = refs != null && target == frame;
        if (lent) {
            frame.buf(0, refs.refFor(src, base)); // FFmpeg takes a reference instead of copying the picture
        }
        int r;
        try {
            if (upload != null) {
                AVFrame hwFrame;
                try {
                    hwFrame = upload.upload(frame);
                } catch (IOException e) {
                    throw new IOException(name + ": frame " + index + ": " + e.getMessage(), e);
                }
                r = avcodec_send_frame(ctx, hwFrame);
                upload.sent();
            } else {
                r = avcodec_send_frame(ctx, target);
            }
        } finally {
            if (lent) {
                frame.buf(0, null);
                refs.sent(src);
            }
        }
        if (r < 0) {
            throw new IOException(name + ": encoding frame " + index + " failed (" + FFmpeg.error(r) + ")");
        }
        drain();
    }

    /** Pooled frames FFmpeg still holds by reference (retained for it). */
    int framesLent() {
        return refs == null ? 0 : refs.outstanding();
    }

    private void sendFiltered() throws IOException {
        while (palette.pull(filtered)) {
            int r = avcodec_send_frame(ctx, filtered);
            av_frame_unref(filtered);
            if (r < 0) {
                throw new IOException(name + ": encoding failed (" + FFmpeg.explain(r) + ")");
            }
            drain();
        }
    }

    /** Flushes the encoder and finishes the file. */
    void finish() throws IOException {
        if (palette != null) {
            palette.push(null);
            sendFiltered();
        }
        int r = avcodec_send_frame(ctx, null);
        if (r < 0 && r != AVERROR_EOF()) {
            throw new IOException(name + ": flushing failed (" + FFmpeg.error(r) + ")");
        }
        drain();
        if (audioOut != null) {
            audioOut.finish();
        }
        if (oc != null) {
            r = av_write_trailer(oc);
            if (r < 0) {
                throw new IOException("finishing the file failed (" + FFmpeg.error(r) + ")");
            }
        }
    }

    /** Packets produced so far. */
    long packets() {
        return packets;
    }

    private void drain() throws IOException {
        packets += Packets.drain(ctx, packet, oc, stream, name);
        if (refs != null) {
            refs.collect();
        }
    }

    @Override
    public void close() {
        avcodec_free_context(ctx);
        if (refs != null) {
            refs.close(); // the encoder dropped its references: the lent frames go back to their pool
        }
        if (upload != null) {
            upload.close();
        }
        if (audioOut != null) {
            audioOut.close();
        }
        if (oc != null) {
            if (oc.pb() != null && !oc.pb().isNull()) {
                avio_closep(oc.pb());
            }
            avformat_free_context(oc);
        }
        if (packed != null) {
            av_frame_free(packed);
        }
        if (repack != null) {
            sws_freeContext(repack);
        }
        frame.data(0, null);
        frame.data(1, null);
        frame.data(2, null);
        av_frame_free(frame);
        av_packet_free(packet);
    }
}
