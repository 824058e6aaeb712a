package org.lumaflow.decoder.internal;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.lumaflow.core.internal.PartialFile;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaService.Fit;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * Writes one proxy file: the original's first video stream decoded in software, scaled (display rotation applied) to
 * the proxy size and encoded as Motion JPEG (every picture a keyframe, 8-bit 4:2:0, full-range BT.601 as JPEG
 * defines it) in a QuickTime file, each picture with the original's own timestamp and duration in the original's time
 * base, so the proxy has exactly the original's frame count and timing. Written to a locked temporary beside the
 * target and renamed over it when complete: a cancel or failure leaves no file.
 */
public final class ProxyWriter {

    /** Told about progress; asked whether to stop. Called on the writing thread. */
    public interface Progress {
        /** {@code done} pictures written of about {@code expected} (0 when unknown). */
        void frames(long done, long expected);

        /** True to stop: the temporary is removed and {@link CancellationException} thrown. */
        boolean cancelled();
    }

    /** Motion JPEG quantiser scale (2 best .. 31 worst); 3 keeps a procedural pattern above 35 dB. */
    static final int QSCALE = Math.max(2, Math.min(31, Integer.getInteger("lumaflow.proxy.qscale", 3)));

    private ProxyWriter() {
    }

    /** The proxy size for {@code v} at {@code 1/divisor}: display orientation, even numbers, at least 2x2. */
    public static int[] size(VideoStreamInfo v, int divisor) {
        int w = Math.max(2, 2 * (int) Math.round(v.displayWidth() / (2.0 * divisor)));
        int h = Math.max(2, 2 * (int) Math.round(v.displayHeight() / (2.0 * divisor)));
        return new int[] {w, h};
    }

    /**
     * Writes the proxy of {@code original} to {@code target} at {@code 1/divisor} of its display size.
     *
     * @param threads decoder threads (1 on a machine of two cores)
     * @return pictures written
     * @throws CancellationException when {@code progress} asked to stop (no file is left)
     */
    public static long write(Path original, Path target, int divisor, int threads, Progress progress)
            throws MediaException, IOException {
        try (VideoDecoder dec = new VideoDecoder(original, false, threads);
                PartialFile part = PartialFile.beside(target, ".partial")) {
            VideoStreamInfo v = dec.info();
            int[] wh = size(v, divisor);
            long n;
            try (Encoder enc = new Encoder(part.path(), wh[0], wh[1], dec.timeBase(), v)) {
                enc.open(v);
                n = enc.run(dec, progress);
            }
            part.commit();
            return n;
        }
    }

    /** The muxer, encoder and conversions of one proxy. */
    private static final class Encoder implements AutoCloseable {
        private final Path file;
        private final int w;
        private final int h;
        private final TimeBase tb;
        private final long expected;
        private final Fit fit = Fit.STRETCH;
        private final PictureScaler scaler;
        private final Frame rgba;
        private final AVFormatContext oc = new AVFormatContext(null);
        private boolean allocated;
        private AVCodecContext c;
        private AVStream st;
        private final AVFrame yuv = av_frame_alloc();
        private final AVPacket pkt = av_packet_alloc();
        private SwsContext toYuv;
        private final PointerPointer<BytePointer> srcData = new PointerPointer<>(4);
        private final IntPointer srcStride = new IntPointer(4);
        private BytePointer src;
        private boolean opened;
        // pts and duration of pictures sent and not yet received as packets (MJPEG has none in flight)
        private final long[] pendingPts = new long[16];
        private final long[] pendingDur = new long[16];
        private int pendingHead;
        private int pendingCount;

        Encoder(Path file, int w, int h, TimeBase tb, VideoStreamInfo v) throws IOException {
            this.file = file;
            this.w = w;
            this.h = h;
            this.tb = tb;
            this.expected = v.frames();
            this.scaler = new PictureScaler(w, h, fit, v.rotation());
            this.rgba = Frame.detached(FrameKey.rgba(w, h));
        }

        void open(VideoStreamInfo v) throws IOException {
            FFmpeg.load();
            int r = avformat_alloc_output_context2(oc, null, "mov", file.toString());
            allocated = r >= 0 && !oc.isNull();
            if (!allocated) {
                throw new IOException(file + ": no QuickTime muxer (" + FFmpeg.error(r) + ")");
            }
            AVCodec codec = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
            if (codec == null) {
                throw new IOException("no Motion JPEG encoder in " + FFmpeg.describe());
            }
            c = avcodec_alloc_context3(codec);
            c.width(w);
            c.height(h);
            c.pix_fmt(AV_PIX_FMT_YUVJ420P);
            c.color_range(AVCOL_RANGE_JPEG);
            c.colorspace(AVCOL_SPC_BT470BG);
            AVRational q = av_make_q(tb.num(), tb.den());
            c.time_base(q);
            if (v.frameRate().num() > 0 && v.frameRate().num() <= Integer.MAX_VALUE
                    && v.frameRate().den() <= Integer.MAX_VALUE) {
                c.framerate(av_make_q((int) v.frameRate().num(), (int) v.frameRate().den()));
            }
            c.flags(c.flags() | AV_CODEC_FLAG_QSCALE);
            c.global_quality(FF_QP2LAMBDA * QSCALE);
            c.thread_count(1);
            if ((oc.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                c.flags(c.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            r = avcodec_open2(c, codec, (AVDictionary) null);
            if (r < 0) {
                throw new IOException("cannot open the Motion JPEG encoder (" + FFmpeg.explain(r) + ")");
            }
            st = avformat_new_stream(oc, null);
            avcodec_parameters_from_context(st.codecpar(), c);
            st.time_base(q);
            st.avg_frame_rate(c.framerate());
            AVIOContext pb = new AVIOContext(null);
            r = avio_open(pb, file.toString(), AVIO_FLAG_WRITE);
            if (r < 0) {
                throw new IOException(file + ": cannot write (" + FFmpeg.error(r) + ")");
            }
            oc.pb(pb);
            opened = true;
            r = avformat_write_header(oc, (AVDictionary) null);
            if (r < 0) {
                throw new IOException(file + ": cannot start the proxy file (" + FFmpeg.error(r) + ")");
            }
            yuv.format(AV_PIX_FMT_YUVJ420P);
            yuv.width(w);
            yuv.height(h);
            yuv.color_range(AVCOL_RANGE_JPEG);
            yuv.colorspace(AVCOL_SPC_BT470BG);
            if (av_frame_get_buffer(yuv, 0) < 0) {
                throw new IOException("out of memory for a " + w + "x" + h + " picture");
            }
            toYuv = sws_getContext(w, h, AV_PIX_FMT_RGBA, w, h, AV_PIX_FMT_YUVJ420P, SWS_BILINEAR, null, null,
                    (DoublePointer) null);
            src = new BytePointer(rgba.buffer());
            srcData.put(0, src);
            srcStride.put(0, w * 4);
        }

        long run(VideoDecoder dec, Progress progress) throws MediaException, IOException {
            long n = 0;
            long last = Long.MIN_VALUE;
            while (dec.next()) {
                if (progress.cancelled()) {
                    throw new CancellationException(dec.file() + ": proxy cancelled");
                }
                scaler.convert(dec.frame(), rgba);
                if (av_frame_make_writable(yuv) < 0) {
                    throw new IOException("out of memory for a " + w + "x" + h + " picture");
                }
                sws_scale(toYuv, srcData, srcStride, 0, h, yuv.data(), yuv.linesize());
                long pts = dec.units();
                if (pts == Long.MIN_VALUE) {
                    pts = tb.fromTicks(dec.pts());
                }
                if (pts <= last) {
                    pts = last + 1; // a damaged file's repeated stamp: the muxer needs them increasing
                }
                last = pts;
                long dur = dec.frame().duration() > 0 ? dec.frame().duration()
                        : Math.max(1, tb.fromTicks(dec.end()) - tb.fromTicks(dec.pts()));
                yuv.pts(pts);
                yuv.quality(c.global_quality());
                yuv.duration(dur);
                int slot = (pendingHead + pendingCount) % pendingPts.length;
                pendingPts[slot] = pts;
                pendingDur[slot] = dur;
                pendingCount = Math.min(pendingPts.length, pendingCount + 1);
                int r = avcodec_send_frame(c, yuv);
                if (r < 0) {
                    throw new IOException(file + ": encoding failed (" + FFmpeg.error(r) + ")");
                }
                drain();
                progress.frames(++n, expected);
            }
            avcodec_send_frame(c, null);
            drain();
            int r = av_write_trailer(oc);
            if (r < 0) {
                throw new IOException(file + ": cannot finish the proxy file (" + FFmpeg.error(r) + ")");
            }
            return n;
        }

        private void drain() throws IOException {
            while (true) {
                int r = avcodec_receive_packet(c, pkt);
                if (r == AVERROR_EAGAIN() || r == AVERROR_EOF()) {
                    return;
                }
                if (r < 0) {
                    throw new IOException(file + ": encoding failed (" + FFmpeg.error(r) + ")");
                }
                if (pendingCount > 0) {
                    pkt.pts(pendingPts[pendingHead]);
                    pkt.dts(pendingPts[pendingHead]);
                    pkt.duration(pendingDur[pendingHead]);
                    pendingHead = (pendingHead + 1) % pendingPts.length;
                    pendingCount--;
                }
                av_packet_rescale_ts(pkt, c.time_base(), st.time_base());
                pkt.stream_index(st.index());
                r = av_interleaved_write_frame(oc, pkt);
                if (r < 0) {
                    throw new IOException(file + ": writing failed (" + FFmpeg.error(r) + ")");
                }
            }
        }

        @Override
        public void close() {
            if (toYuv != null) {
                sws_freeContext(toYuv);
            }
            scaler.close();
            if (c != null) {
                avcodec_free_context(c);
            }
            if (opened) {
                avio_closep(oc.pb());
            }
            if (allocated) {
                avformat_free_context(oc);
            }
            av_frame_free(yuv);
            av_packet_free(pkt);
            srcData.close();
            srcStride.close();
            if (src != null) {
                src.close();
            }
            rgba.release();
        }
    }
}
