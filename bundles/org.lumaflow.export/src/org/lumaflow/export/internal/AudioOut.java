package org.lumaflow.export.internal;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.ShortPointer;
import org.lumaflow.decoder.AudioSource;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * The audio stream of an export: 48 kHz stereo float samples, buffered into the encoder's frame size (AAC 1024,
 * Opus 960) in a reused FIFO, encoded (AAC for MP4/MOV/MKV, Opus for WebM; FLAC and PCM, converted to 16-bit, for
 * audio-only files) and muxed next to the video, or alone.
 */
final class AudioOut implements AutoCloseable {

    private static final int RATE = AudioSource.SAMPLE_RATE;

    private final AVFormatContext oc;
    private final AVCodecContext ctx;
    private final AVStream stream;
    private final AVFrame frame = av_frame_alloc();
    private final AVPacket packet = av_packet_alloc();
    private final int frameSize;
    private final boolean planar;
    private final float[] fifoL = new float[RATE];
    private final float[] fifoR = new float[RATE];
    private final float[] interleaved;
    /** Integer sample formats (FLAC, PCM): interleaved 16 or 32 bit, converted from float here. */
    private final int sampleFormat;
    private final short[] shorts;
    private final int[] ints;
    private int fifo;
    private long pts;
    private final String name;
    /** View of the frame's data[] pointer array, and a float pointer moved onto each plane: no allocation per frame. */
    private final LongPointer planes;
    private final Movable samples = new Movable();
    private final MovableShort shortSamples = new MovableShort();
    private final MovableInt intSamples = new MovableInt();

    private static float clip(float v) {
        return v < -1f ? -1f : v > 1f ? 1f : v;
    }

    /** As {@link Movable}, for 16-bit samples. */
    private static final class MovableShort extends ShortPointer {
        MovableShort at(long address) {
            this.address = address;
            this.position = 0;
            this.limit = 0;
            this.capacity = 0;
            return this;
        }
    }

    /** As {@link Movable}, for 32-bit samples. */
    private static final class MovableInt extends IntPointer {
        MovableInt at(long address) {
            this.address = address;
            this.position = 0;
            this.limit = 0;
            this.capacity = 0;
            return this;
        }
    }

    /** A float pointer whose address can be moved (JavaCPP lets subclasses set it). */
    private static final class Movable extends FloatPointer {
        Movable at(long address) {
            this.address = address;
            this.position = 0;
            this.limit = 0;
            this.capacity = 0;
            return this;
        }
    }

    /** Adds the audio stream to {@code oc} (before its header is written): Opus in WebM, AAC elsewhere. */
    AudioOut(AVFormatContext oc, String container) throws IOException {
        this(oc, container.equals("webm") ? "libopus" : "aac", 0);
    }

    /**
     * Adds an audio stream encoded by {@code enc} ({@code aac}, {@code libopus} (falls back to FFmpeg's own
     * {@code opus}), {@code flac}, {@code pcm_s16le}...) to {@code oc}, before its header is written.
     *
     * @param bitRate bits per second for lossy encoders; 0: 192k for AAC, 128k for Opus
     */
    AudioOut(AVFormatContext oc, String enc, long bitRate) throws IOException {
        this.oc = oc;
        AVCodec codec = avcodec_find_encoder_by_name(enc);
        if (codec == null && enc.equals("libopus")) {
            enc = "opus";
            codec = avcodec_find_encoder_by_name(enc);
        }
        if (codec == null) {
            throw new IOException("no " + enc + " audio encoder in " + FFmpeg.describe());
        }
        this.name = enc;
        ctx = avcodec_alloc_context3(codec);
        ctx.sample_rate(RATE);
        av_channel_layout_default(ctx.ch_layout(), 2);
        int fmt = pickFormat(codec);
        ctx.sample_fmt(fmt);
        if (enc.equals("aac") || enc.contains("opus")) {
            ctx.bit_rate(bitRate > 0 ? bitRate : enc.equals("aac") ? 192_000 : 128_000);
        }
        ctx.time_base(av_make_q(1, RATE));
        if ((oc.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            ctx.flags(ctx.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        if (enc.equals("opus")) {
            ctx.strict_std_compliance(FF_COMPLIANCE_EXPERIMENTAL);
        }
        FFmpeg.clearLog();
        int r = avcodec_open2(ctx, codec, (AVDictionary) null);
        if (r < 0) {
            avcodec_free_context(ctx);
            throw new IOException(enc + ": cannot open the audio encoder (" + FFmpeg.explain(r) + ")");
        }
        planar = fmt == AV_SAMPLE_FMT_FLTP;
        sampleFormat = fmt;
        frameSize = ctx.frame_size() > 0 ? ctx.frame_size() : 1024;
        interleaved = fmt == AV_SAMPLE_FMT_FLT ? new float[frameSize * 2] : null;
        shorts = fmt == AV_SAMPLE_FMT_S16 ? new short[frameSize * 2] : null;
        ints = fmt == AV_SAMPLE_FMT_S32 ? new int[frameSize * 2] : null;
        stream = avformat_new_stream(oc, null);
        avcodec_parameters_from_context(stream.codecpar(), ctx);
        stream.time_base(ctx.time_base());
        frame.format(fmt);
        frame.nb_samples(frameSize);
        frame.sample_rate(RATE);
        av_channel_layout_default(frame.ch_layout(), 2);
        av_frame_get_buffer(frame, 0);
        planes = new LongPointer(frame.data());
    }

    /** Float planar, else float, else 16-bit, else 32-bit interleaved: what the encoder takes first in that order. */
    private static int pickFormat(AVCodec codec) throws IOException {
        IntPointer fmts = codec.sample_fmts();
        if (fmts == null || fmts.isNull()) {
            return AV_SAMPLE_FMT_FLTP;
        }
        int best = -1;
        int[] order = {AV_SAMPLE_FMT_FLTP, AV_SAMPLE_FMT_FLT, AV_SAMPLE_FMT_S16, AV_SAMPLE_FMT_S32};
        for (int i = 0; fmts.get(i) != AV_SAMPLE_FMT_NONE; i++) {
            for (int k = 0; k < order.length; k++) {
                if (fmts.get(i) == order[k] && (best < 0 || k < best)) {
                    best = k;
                }
            }
        }
        if (best < 0) {
            throw new IOException("the audio encoder takes none of the sample formats float, 16-bit or 32-bit");
        }
        return order[best];
    }

    String name() {
        return name;
    }

    /** Appends {@code n} samples per channel; encodes every complete encoder frame. */
    void write(float[] left, float[] right, int n) throws IOException {
        int done = 0;
        while (done < n) {
            int take = Math.min(n - done, fifoL.length - fifo);
            System.arraycopy(left, done, fifoL, fifo, take);
            System.arraycopy(right, done, fifoR, fifo, take);
            fifo += take;
            done += take;
            int at = 0;
            while (fifo - at >= frameSize) {
                send(at, frameSize);
                at += frameSize;
            }
            if (at > 0) {
                System.arraycopy(fifoL, at, fifoL, 0, fifo - at);
                System.arraycopy(fifoR, at, fifoR, 0, fifo - at);
                fifo -= at;
            }
        }
    }

    private void send(int from, int n) throws IOException {
        av_frame_make_writable(frame);
        frame.nb_samples(n);
        // the frame's buffers may move (make_writable); its data[] array does not: read the addresses from it
        if (planar) {
            samples.at(planes.get(0)).put(fifoL, from, n);
            samples.at(planes.get(1)).put(fifoR, from, n);
        } else if (sampleFormat == AV_SAMPLE_FMT_FLT) {
            for (int i = 0; i < n; i++) {
                interleaved[2 * i] = fifoL[from + i];
                interleaved[2 * i + 1] = fifoR[from + i];
            }
            samples.at(planes.get(0)).put(interleaved, 0, 2 * n);
        } else if (sampleFormat == AV_SAMPLE_FMT_S16) {
            for (int i = 0; i < n; i++) {
                shorts[2 * i] = (short) Math.round(clip(fifoL[from + i]) * 32767f);
                shorts[2 * i + 1] = (short) Math.round(clip(fifoR[from + i]) * 32767f);
            }
            shortSamples.at(planes.get(0)).put(shorts, 0, 2 * n);
        } else {
            for (int i = 0; i < n; i++) {
                ints[2 * i] = (int) Math.round(clip(fifoL[from + i]) * 2147483647.0);
                ints[2 * i + 1] = (int) Math.round(clip(fifoR[from + i]) * 2147483647.0);
            }
            intSamples.at(planes.get(0)).put(ints, 0, 2 * n);
        }
        frame.pts(pts);
        pts += n;
        int r = avcodec_send_frame(ctx, frame);
        if (r < 0) {
            throw new IOException(name + ": audio encoding failed (" + FFmpeg.error(r) + ")");
        }
        drain();
    }

    /** Encodes what is left (the last, shorter frame) and flushes the encoder. */
    void finish() throws IOException {
        if (fifo > 0) {
            if ((ctx.codec().capabilities() & (AV_CODEC_CAP_SMALL_LAST_FRAME | AV_CODEC_CAP_VARIABLE_FRAME_SIZE)) == 0) {
                java.util.Arrays.fill(fifoL, fifo, frameSize, 0f);
                java.util.Arrays.fill(fifoR, fifo, frameSize, 0f);
                fifo = frameSize;
            }
            send(0, fifo);
            fifo = 0;
        }
        avcodec_send_frame(ctx, null);
        drain();
    }

    private void drain() throws IOException {
        Packets.drain(ctx, packet, oc, stream, name + " audio");
    }

    @Override
    public void close() {
        avcodec_free_context(ctx);
        av_frame_free(frame);
        av_packet_free(packet);
    }
}
