package org.lumaflow.live.internal.encode;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swresample.*;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.lumaflow.live.EncodedPacket;
import org.lumaflow.live.LiveException;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * One audio encoder ({@code aac}: FFmpeg's native AAC; {@code opus}: libopus when the build has it, else FFmpeg's
 * native Opus encoder with strict experimental) fed interleaved s16: swresample converts into the encoder's sample
 * format, a reused FIFO cuts encoder-sized frames, packets go into the {@link PacketPool}. Encode thread only.
 */
final class AudioEncoder implements AutoCloseable {

    /** Most samples converted per {@link #push} call. */
    static final int CHUNK = 4096;

    private final String codecName;
    private final String encoderName;
    private final AVCodecContext ctx;
    private final SwrContext swr;
    private final AVAudioFifo fifo;
    private final AVFrame frame = av_frame_alloc();
    private final AVPacket packet = av_packet_alloc();
    private final PointerPointer<BytePointer> converted;
    private final PointerPointer<BytePointer> input = new PointerPointer<>(1);
    private final PointerPointer<?> frameData;
    private final PacketPool pool;
    private final PacketSink sink;
    private final int rate;
    private final long dataOffset = Loader.offsetof(AVPacket.class, "data");
    private final Movable.Word word = new Movable.Word();
    private final Movable.Bytes src = new Movable.Bytes();
    private final Movable.Bytes in = new Movable.Bytes();
    private long samplesOut;
    private long startMicros = Long.MIN_VALUE;
    private long captureNanos;

    AudioEncoder(String codec, int sampleRate, int channels, PacketPool pool, PacketSink sink) throws LiveException {
        FFmpeg.load();
        this.codecName = codec;
        this.pool = pool;
        this.sink = sink;
        this.rate = sampleRate;
        String enc = codec.equals("opus") ? "libopus" : codec;
        AVCodec c = avcodec_find_encoder_by_name(enc);
        if (c == null && enc.equals("libopus")) {
            enc = "opus";
            c = avcodec_find_encoder_by_name(enc);
        }
        if (c == null) {
            throw new LiveException("audio codec " + codec + ": no encoder in " + FFmpeg.describe());
        }
        this.encoderName = enc;
        ctx = avcodec_alloc_context3(c);
        ctx.sample_rate(sampleRate);
        av_channel_layout_default(ctx.ch_layout(), channels);
        ctx.sample_fmt(pickFormat(c));
        ctx.bit_rate(codec.equals("aac") ? 160_000 : 128_000);
        ctx.time_base(av_make_q(1, sampleRate));
        if (enc.equals("opus")) {
            ctx.strict_std_compliance(FF_COMPLIANCE_EXPERIMENTAL);
        }
        AVDictionary dict = new AVDictionary(null);
        if (enc.equals("libopus")) {
            av_dict_set(dict, "application", "lowdelay", 0);
        }
        FFmpeg.clearLog();
        int r = avcodec_open2(ctx, c, dict);
        av_dict_free(dict);
        if (r < 0) {
            avcodec_free_context(ctx);
            throw new LiveException("audio encoder " + enc + ": cannot open (" + FFmpeg.explain(r) + ")");
        }
        swr = new SwrContext(null);
        AVChannelLayout layout = new AVChannelLayout();
        av_channel_layout_default(layout, channels);
        r = swr_alloc_set_opts2(swr, ctx.ch_layout(), ctx.sample_fmt(), sampleRate, layout, AV_SAMPLE_FMT_S16,
                sampleRate, 0, null);
        if (r < 0 || swr_init(swr) < 0) {
            throw new LiveException("audio encoder " + enc + ": cannot convert s16 (" + FFmpeg.error(r) + ")");
        }
        fifo = av_audio_fifo_alloc(ctx.sample_fmt(), channels, ctx.frame_size() * 4 + CHUNK);
        int planes = av_sample_fmt_is_planar(ctx.sample_fmt()) != 0 ? channels : 1;
        converted = new PointerPointer<>(planes);
        av_samples_alloc(converted, (IntPointer) null, channels, CHUNK + 256, ctx.sample_fmt(), 0);
        frame.format(ctx.sample_fmt());
        av_channel_layout_copy(frame.ch_layout(), ctx.ch_layout());
        frame.sample_rate(sampleRate);
        frame.nb_samples(ctx.frame_size() > 0 ? ctx.frame_size() : 960);
        av_frame_get_buffer(frame, 0);
        frameData = frame.data();
    }

    private static int pickFormat(AVCodec c) {
        IntPointer fmts = c.sample_fmts();
        if (fmts == null || fmts.isNull()) {
            return AV_SAMPLE_FMT_FLTP;
        }
        for (int i = 0; fmts.get(i) != -1; i++) {
            int f = fmts.get(i);
            if (f == AV_SAMPLE_FMT_FLTP || f == AV_SAMPLE_FMT_FLT || f == AV_SAMPLE_FMT_S16) {
                return f;
            }
        }
        return fmts.get(0);
    }

    String codec() {
        return codecName;
    }

    String encoderName() {
        return encoderName;
    }

    /** The codec's set-up data (AudioSpecificConfig for AAC, OpusHead for Opus). */
    byte[] extradata() {
        return Extradata.of(ctx);
    }

    /**
     * Converts {@code samples} interleaved s16 frames at {@code address} (at most {@link #CHUNK}) and encodes every
     * full encoder frame; {@code firstMicros} is the session time of the first sample ever pushed.
     */
    void push(long address, int samples, long firstMicros, long capture) throws LiveException {
        if (startMicros == Long.MIN_VALUE) {
            startMicros = firstMicros;
        }
        captureNanos = capture;
        input.put(0, in.at(address));
        int n = swr_convert(swr, converted, CHUNK + 256, input, samples);
        if (n < 0) {
            throw new LiveException("audio encoder " + encoderName + ": conversion failed (" + FFmpeg.error(n) + ")");
        }
        av_audio_fifo_write(fifo, converted, n);
        int size = frame.nb_samples();
        while (av_audio_fifo_size(fifo) >= size) {
            av_frame_make_writable(frame);
            av_audio_fifo_read(fifo, frameData, size);
            frame.pts(samplesOut);
            samplesOut += size;
            send(frame);
        }
    }

    private void send(AVFrame f) throws LiveException {
        int r = avcodec_send_frame(ctx, f);
        if (r < 0 && !(f == null && r == AVERROR_EOF())) {
            throw new LiveException("audio encoder " + encoderName + ": encoding failed (" + FFmpeg.error(r) + ")");
        }
        while (true) {
            r = avcodec_receive_packet(ctx, packet);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF()) {
                return;
            }
            if (r < 0) {
                throw new LiveException("audio encoder " + encoderName + ": encoding failed (" + FFmpeg.error(r)
                        + ")");
            }
            int bytes = packet.size();
            PooledPacket p = pool.acquire(bytes);
            long dataAddr = dataOffset >= 0 ? word.at(packet.address() + dataOffset).get() : packet.data().address();
            Pointer.memcpy(p.pointer(), src.at(dataAddr), bytes);
            long us = startMicros + Math.round(packet.pts() * 1_000_000.0 / rate);
            p.fill(EncodedPacket.AUDIO, bytes, us, us, true, false, captureNanos, codecName);
            av_packet_unref(packet);
            sink.packet(p);
        }
    }

    /** Encodes what is left (padded) and flushes. */
    void finish() throws LiveException {
        int left = av_audio_fifo_size(fifo);
        if (left > 0) {
            av_frame_make_writable(frame);
            av_samples_set_silence(frameData, 0, frame.nb_samples(), ctx.ch_layout().nb_channels(),
                    ctx.sample_fmt());
            av_audio_fifo_read(fifo, frameData, left);
            frame.pts(samplesOut);
            samplesOut += frame.nb_samples();
            send(frame);
        }
        send(null);
    }

    @Override
    public void close() {
        avcodec_free_context(ctx);
        swr_free(swr);
        av_audio_fifo_free(fifo);
        av_freep(converted);
        av_frame_free(frame);
        av_packet_free(packet);
    }
}
