package org.lumaflow.live.internal.encode;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.EncodedPacket;
import org.lumaflow.live.LiveException;
import org.lumaflow.media.ffmpeg.BufferPointers;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * The live H.264 encoder: low latency (no B-frames, no lookahead, constant bit rate with a one-second VBV buffer,
 * fixed keyframe interval, SPS/PPS repeated in every keyframe), fed our NV12/I420 frames by pointer (BT.709 limited
 * range, tagged), its packets copied into the {@link PacketPool}. Not thread-safe: the encode thread only.
 */
final class H264Encoder implements AutoCloseable {

    /** Tried in this order by {@code auto}. */
    static final List<String> AUTO = List.of("h264_nvenc", "h264_qsv", "h264_vaapi", "libx264", "libopenh264");

    private final long dataOffset = Loader.offsetof(AVPacket.class, "data");

    private final String name;
    private final AVCodecContext ctx;
    private final AVFrame frame = av_frame_alloc();
    private final AVPacket packet = av_packet_alloc();
    private final PixelFormat input;
    private final FrameRate rate;
    private final long bitrate;
    private final BufferPointers addresses = new BufferPointers();
    private final PacketPool pool;
    private final PacketSink sink;
    private final long[] captureByPts = new long[64];
    private final Movable.Word word = new Movable.Word();
    private final Movable.Bytes src = new Movable.Bytes();
    private ByteBuffer scratch;
    private BytePointer scratchPointer;
    private long lastPts = Long.MIN_VALUE;
    private boolean forceKey;

    private H264Encoder(String name, AVCodecContext ctx, PixelFormat input, FrameRate rate, long bitrate,
            PacketPool pool, PacketSink sink) {
        this.name = name;
        this.ctx = ctx;
        this.input = input;
        this.rate = rate;
        this.bitrate = bitrate;
        this.pool = pool;
        this.sink = sink;
        frame.format(input == PixelFormat.NV12 ? AV_PIX_FMT_NV12 : AV_PIX_FMT_YUV420P);
        frame.width(ctx.width());
        frame.height(ctx.height());
        frame.color_range(AVCOL_RANGE_MPEG);
        frame.colorspace(AVCOL_SPC_BT709);
        frame.color_primaries(AVCOL_PRI_BT709);
        frame.color_trc(AVCOL_TRC_BT709);
    }

    /** Bits per second chosen from size and rate: about 3.5 Mb/s at 720p30 and 6 Mb/s at 1080p30. */
    static long defaultBitrate(int width, int height, FrameRate rate) {
        double pixels = width * (double) height / (1280 * 720);
        double fps = rate.num() / (double) rate.den() / 30;
        long b = Math.round(3_500_000 * Math.pow(pixels, 0.7) * Math.pow(fps, 0.8) / 100_000) * 100_000;
        return Math.max(200_000, b);
    }

    /**
     * Opens {@code encoder} ({@code auto}: the first of {@link #AUTO} that opens).
     *
     * @throws LiveException naming the encoder(s) tried and why each failed
     */
    static H264Encoder open(String encoder, int width, int height, FrameRate rate, long bitrate,
            double keyframeSeconds, Map<String, String> options, PacketPool pool, PacketSink sink)
            throws LiveException {
        FFmpeg.load();
        long bits = bitrate > 0 ? bitrate : defaultBitrate(width, height, rate);
        List<String> names = encoder == null || encoder.isBlank() || encoder.equals("auto") ? AUTO : List.of(encoder);
        List<String> why = new ArrayList<>();
        for (String n : names) {
            AVCodec codec = avcodec_find_encoder_by_name(n);
            if (codec == null) {
                why.add(n + ": not in " + FFmpeg.describe());
                continue;
            }
            AVCodecContext c = avcodec_alloc_context3(codec);
            PixelFormat in = supportsNv12(codec) ? PixelFormat.NV12 : PixelFormat.I420;
            configure(c, n, width, height, rate, bits, keyframeSeconds, in);
            AVDictionary dict = new AVDictionary(null);
            options(n, options).forEach((k, v) -> av_dict_set(dict, k, v, 0));
            FFmpeg.clearLog();
            int r = avcodec_open2(c, codec, dict);
            av_dict_free(dict);
            if (r >= 0) {
                return new H264Encoder(n, c, in, rate, bits, pool, sink);
            }
            why.add(n + ": " + FFmpeg.explain(r));
            avcodec_free_context(c);
        }
        throw new LiveException("no H.264 encoder could be opened for " + width + "x" + height + " ("
                + String.join("; ", why) + ")");
    }

    private static boolean supportsNv12(AVCodec codec) {
        IntPointer fmts = codec.pix_fmts();
        if (fmts == null || fmts.isNull()) {
            return false;
        }
        for (int i = 0; fmts.get(i) != AV_PIX_FMT_NONE; i++) {
            if (fmts.get(i) == AV_PIX_FMT_NV12) {
                return true;
            }
        }
        return false;
    }

    private static void configure(AVCodecContext c, String n, int width, int height, FrameRate rate, long bits,
            double keyframeSeconds, PixelFormat in) {
        c.width(width);
        c.height(height);
        c.time_base(av_make_q(rate.den(), rate.num()));
        c.framerate(av_make_q(rate.num(), rate.den()));
        c.pix_fmt(in == PixelFormat.NV12 ? AV_PIX_FMT_NV12 : AV_PIX_FMT_YUV420P);
        int gop = Math.max(1, (int) Math.round(keyframeSeconds * rate.num() / rate.den()));
        c.gop_size(gop);
        c.keyint_min(gop);
        c.max_b_frames(0);
        c.bit_rate(bits);
        c.rc_max_rate(bits);
        c.rc_buffer_size((int) Math.min(Integer.MAX_VALUE, bits));
        c.thread_count(n.equals("libx264") ? 0 : Math.min(4, Runtime.getRuntime().availableProcessors()));
        c.color_range(AVCOL_RANGE_MPEG);
        c.colorspace(AVCOL_SPC_BT709);
        c.color_primaries(AVCOL_PRI_BT709);
        c.color_trc(AVCOL_TRC_BT709);
        c.sample_aspect_ratio(av_make_q(1, 1));
        c.flags(c.flags() | AV_CODEC_FLAG_LOW_DELAY);
    }

    /** Low-latency private options per encoder, then the caller's tuning ({@code preset}, {@code tune}...). */
    private static Map<String, String> options(String n, Map<String, String> user) {
        Map<String, String> o = new java.util.LinkedHashMap<>();
        switch (n) {
            case "libx264" -> {
                o.put("preset", user.getOrDefault("preset", "veryfast"));
                o.put("tune", user.getOrDefault("tune", "zerolatency"));
                o.put("x264-params", "scenecut=0:rc-lookahead=0:repeat-headers=1");
            }
            case "libopenh264" -> {
                o.put("rc_mode", "bitrate");
                o.put("allow_skip_frames", "0");
            }
            case "h264_nvenc" -> {
                o.put("preset", user.getOrDefault("preset", "p2"));
                o.put("tune", "ll");
                o.put("rc", "cbr");
                o.put("zerolatency", "1");
                o.put("delay", "0");
                o.put("rc-lookahead", "0");
            }
            case "h264_qsv" -> {
                o.put("preset", user.getOrDefault("preset", "veryfast"));
                o.put("look_ahead", "0");
                o.put("async_depth", "1");
            }
            default -> {
            }
        }
        for (String k : List.of("profile", "level")) {
            if (user.containsKey(k)) {
                o.put(k, user.get(k));
            }
        }
        return o;
    }

    String name() {
        return name;
    }

    long bitrate() {
        return bitrate;
    }

    /** Codec set-up data the encoder exported (SPS/PPS with a global header), else empty. */
    byte[] extradata() {
        return Extradata.of(ctx);
    }

    /** The next picture is encoded as an IDR keyframe (an output joined late). */
    void forceKeyframe() {
        forceKey = true;
    }

    /** Encodes {@code f} (NV12 or I420, the encoder's size); packets go to the sink. */
    void encode(Frame f, long ptsMicros, long captureNanos) throws LiveException {
        long pts = Math.round(ptsMicros * (double) rate.num() / (rate.den() * 1_000_000.0));
        if (pts <= lastPts) {
            pts = lastPts + 1;
        }
        lastPts = pts;
        captureByPts[(int) (pts & 63)] = captureNanos;
        int w = f.width();
        int h = f.height();
        BytePointer base = addresses.of(f.buffer());
        long addr = base.address();
        if (f.format() == input) {
            point(addr, w, h, input);
        } else {
            convert(f, w, h);
            point(scratchPointer.address(), w, h, input);
        }
        frame.pts(pts);
        frame.pict_type(forceKey ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        forceKey = false;
        int r = avcodec_send_frame(ctx, frame);
        if (r < 0) {
            throw new LiveException(name + ": encoding a picture failed (" + FFmpeg.error(r) + ")");
        }
        drain();
    }

    private final Movable.Bytes plane0 = new Movable.Bytes();
    private final Movable.Bytes plane1 = new Movable.Bytes();
    private final Movable.Bytes plane2 = new Movable.Bytes();

    private void point(long addr, int w, int h, PixelFormat fmt) {
        frame.data(0, plane0.at(addr));
        frame.linesize(0, w);
        frame.data(1, plane1.at(addr + fmt.planeOffset(1, w, h)));
        frame.linesize(1, fmt == PixelFormat.NV12 ? w : w / 2);
        if (fmt == PixelFormat.I420) {
            frame.data(2, plane2.at(addr + fmt.planeOffset(2, w, h)));
            frame.linesize(2, w / 2);
        }
    }

    /** NV12 <-> I420 into a reused buffer (chroma interleave only, no colour conversion). */
    private void convert(Frame f, int w, int h) {
        int bytes = (int) input.bytes(w, h);
        if (scratch == null || scratch.capacity() < bytes) {
            scratch = ByteBuffer.allocateDirect(bytes);
            scratchPointer = new BytePointer(scratch);
        }
        ByteBuffer in = f.buffer();
        int luma = w * h;
        for (int i = 0; i < luma; i += 8) {
            scratch.putLong(i, in.getLong(i));
        }
        int chroma = luma / 4;
        if (f.format() == PixelFormat.NV12) {
            for (int i = 0; i < chroma; i++) {
                scratch.put(luma + i, in.get(luma + 2 * i));
                scratch.put(luma + chroma + i, in.get(luma + 2 * i + 1));
            }
        } else {
            for (int i = 0; i < chroma; i++) {
                scratch.put(luma + 2 * i, in.get(luma + i));
                scratch.put(luma + 2 * i + 1, in.get(luma + chroma + i));
            }
        }
    }

    /** Flushes the encoder at the end. */
    void finish() throws LiveException {
        int r = avcodec_send_frame(ctx, null);
        if (r < 0 && r != AVERROR_EOF()) {
            throw new LiveException(name + ": flushing failed (" + FFmpeg.error(r) + ")");
        }
        drain();
    }

    private void drain() throws LiveException {
        while (true) {
            int r = avcodec_receive_packet(ctx, packet);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF()) {
                return;
            }
            if (r < 0) {
                throw new LiveException(name + ": encoding failed (" + FFmpeg.error(r) + ")");
            }
            int size = packet.size();
            PooledPacket p = pool.acquire(size);
            long dataAddr = dataOffset >= 0 ? word.at(packet.address() + dataOffset).get() : packet.data().address();
            Pointer.memcpy(p.pointer(), src.at(dataAddr), size);
            long pts = packet.pts();
            long dts = packet.dts() == AV_NOPTS_VALUE ? pts : packet.dts();
            boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
            boolean drop = (packet.flags() & AV_PKT_FLAG_DISPOSABLE) != 0 || Nal.disposable(p.buffer(), size);
            long capture = captureByPts[(int) (pts & 63)];
            p.fill(EncodedPacket.VIDEO, size, micros(pts), micros(dts), key, drop && !key, capture, "h264");
            av_packet_unref(packet);
            sink.packet(p);
        }
    }

    private long micros(long pts) {
        return Math.round(pts * 1_000_000.0 * rate.den() / rate.num());
    }

    @Override
    public void close() {
        avcodec_free_context(ctx);
        frame.data(0, null);
        frame.data(1, null);
        frame.data(2, null);
        av_frame_free(frame);
        av_packet_free(packet);
    }
}
