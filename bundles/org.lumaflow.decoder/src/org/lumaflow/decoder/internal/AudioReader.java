package org.lumaflow.decoder.internal;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swresample.*;

import java.nio.file.Path;
import java.util.Arrays;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.lumaflow.decoder.AudioSource;
import org.lumaflow.decoder.AudioStreamInfo;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * {@link AudioSource} on FFmpeg: decode, resample to 48 kHz stereo float planar (swresample) into a reusable window of
 * samples. All buffers are allocated once.
 */
final class AudioReader implements AudioSource {

    /** Holds a read piece (<= 0.5 s), a gap of up to 1 s before it and one decoded chunk. */
    private static final int WINDOW = AudioSource.SAMPLE_RATE * 2;
    private static final int CHUNK = 8192;

    private final Path file;
    private final AVFormatContext fmt;
    private final AVCodecContext codec;
    private final int stream;
    private final TimeBase timeBase;
    private final AudioStreamInfo info;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private final AVChannelLayout stereo = new AVChannelLayout();
    private final FloatPointer outL = new FloatPointer(CHUNK);
    private final FloatPointer outR = new FloatPointer(CHUNK);
    private final PointerPointer<FloatPointer> out = new PointerPointer<>(outL, outR);
    private SwrContext swr;
    private long startTs = AV_NOPTS_VALUE;
    // window of decoded samples [winStart, winStart + winLen)
    private final float[] winL = new float[WINDOW];
    private final float[] winR = new float[WINDOW];
    private long winStart;
    private int winLen;
    private boolean eof;
    private boolean needsAlign = true;
    private final java.util.List<org.lumaflow.decoder.DecodeError> errors = new java.util.ArrayList<>();
    private long packetTicks;
    private int errorRun;

    AudioReader(Path file) throws MediaException {
        this.file = file;
        this.fmt = Prober.open(file);
        try {
            int idx = av_find_best_stream(fmt, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0);
            if (idx < 0) {
                throw new MediaException(file, "has no audio stream");
            }
            stream = idx;
            AVStream st = fmt.streams(idx);
            info = Prober.audio(st);
            timeBase = new TimeBase(st.time_base());
            if (st.start_time() != AV_NOPTS_VALUE) {
                startTs = st.start_time();
            }
            AVCodec dec = avcodec_find_decoder(st.codecpar().codec_id());
            if (dec == null) {
                throw new MediaException(file, "no decoder for audio codec " + info.codec());
            }
            codec = avcodec_alloc_context3(dec);
            avcodec_parameters_to_context(codec, st.codecpar());
            codec.pkt_timebase(st.time_base());
            int r = avcodec_open2(codec, dec, (AVDictionary) null);
            if (r < 0) {
                avcodec_free_context(codec);
                throw new MediaException(file, "cannot open the " + info.codec() + " decoder (" + FFmpeg.error(r)
                        + ")");
            }
            av_channel_layout_default(stereo, 2);
            openResampler();
        } catch (MediaException | RuntimeException e) {
            avformat_close_input(fmt);
            throw e;
        }
    }

    private void openResampler() throws MediaException {
        if (swr != null) {
            swr_free(swr);
        }
        swr = new SwrContext(null);
        int r = swr_alloc_set_opts2(swr, stereo, AV_SAMPLE_FMT_FLTP, AudioSource.SAMPLE_RATE, codec.ch_layout(),
                codec.sample_fmt(), codec.sample_rate(), 0, null);
        if (r < 0 || (r = swr_init(swr)) < 0) {
            throw new MediaException(file, "cannot resample " + info.sampleRate() + " Hz " + info.layout() + " ("
                    + FFmpeg.error(r) + ")");
        }
    }

    @Override
    public AudioStreamInfo stream() {
        return info;
    }

    @Override
    public void read(long start, float[] left, float[] right, int offset, int n) throws MediaException {
        // in pieces of at most half a second, so any request fits the window
        for (int done = 0; done < n;) {
            int c = Math.min(n - done, AudioSource.SAMPLE_RATE / 2);
            readPiece(start + done, left, right, offset + done, c);
            done += c;
        }
    }

    private void readPiece(long start, float[] left, float[] right, int offset, int n) throws MediaException {
        if (start < winStart || start > winStart + winLen + AudioSource.SAMPLE_RATE) {
            seek(start);
        }
        drop(start - winStart); // reads move forward: nothing before start is needed again
        while (!eof && winStart + winLen < start + n) {
            decodeMore();
        }
        for (int i = 0; i < n; i++) {
            long s = start + i - winStart;
            boolean have = s >= 0 && s < winLen;
            left[offset + i] = have ? winL[(int) s] : 0f;
            right[offset + i] = have ? winR[(int) s] : 0f;
        }
    }

    /** Forgets the first {@code count} samples of the window. */
    private void drop(long count) {
        int c = (int) Math.max(0, Math.min(count, winLen));
        if (c == 0) {
            return;
        }
        System.arraycopy(winL, c, winL, 0, winLen - c);
        System.arraycopy(winR, c, winR, 0, winLen - c);
        winStart += c;
        winLen -= c;
    }

    private void seek(long sample) throws MediaException {
        long base = startTs == AV_NOPTS_VALUE ? 0 : startTs;
        long ticks = sample * (org.lumaflow.core.time.Ticks.PER_SECOND / AudioSource.SAMPLE_RATE);
        int r = av_seek_frame(fmt, stream, base + timeBase.fromTicks(ticks), AVSEEK_FLAG_BACKWARD);
        if (r < 0) {
            throw new MediaException(file, "cannot seek in the audio (" + FFmpeg.error(r) + ")");
        }
        avcodec_flush_buffers(codec);
        openResampler();
        eof = false;
        winLen = 0;
        winStart = sample;
        needsAlign = true;
    }

    /** Decodes one frame (or notes the end) and appends its resampled samples to the window. */
    private void decodeMore() throws MediaException {
        while (true) {
            int r = avcodec_receive_frame(codec, frame);
            if (r == 0) {
                errorRun = 0;
                append();
                return;
            }
            if (r == AVERROR_EOF()) {
                eof = true;
                return;
            }
            if (r != AVERROR_EAGAIN()) {
                // damage in the middle: its samples stay silent, the stream goes on (a decoder stuck on errors fails)
                if (++errorRun > 1000) {
                    throw new MediaException(file, "audio decoding failed (" + FFmpeg.error(r) + ")");
                }
                error(packetTicks, "audio decoding failed (" + FFmpeg.error(r) + ")");
                continue;
            }
            r = av_read_frame(fmt, packet);
            if (r < 0) {
                avcodec_send_packet(codec, null);
                continue;
            }
            if (packet.stream_index() == stream) {
                long ts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                if (ts != AV_NOPTS_VALUE) {
                    packetTicks = timeBase.toTicks(ts - (startTs == AV_NOPTS_VALUE ? ts : startTs));
                }
                int s = avcodec_send_packet(codec, packet); // corrupt packets are skipped: their samples stay silent
                if (s < 0 && s != AVERROR_EAGAIN()) {
                    error(packetTicks, "damaged audio packet refused (" + FFmpeg.error(s) + ")");
                }
            }
            av_packet_unref(packet);
        }
    }

    private void error(long ticks, String message) {
        if (errors.size() < 10_000) {
            errors.add(new org.lumaflow.decoder.DecodeError(ticks, message));
        }
    }

    @Override
    public java.util.List<org.lumaflow.decoder.DecodeError> errors() {
        return java.util.Collections.unmodifiableList(errors);
    }

    private void append() {
        if (needsAlign) {
            // the first frame after opening or seeking: place it by its timestamp
            long ts = frame.best_effort_timestamp();
            if (ts != AV_NOPTS_VALUE) {
                long base = startTs == AV_NOPTS_VALUE ? ts : startTs;
                long ticks = timeBase.toTicks(ts - base);
                long at = Math.floorDiv(ticks, org.lumaflow.core.time.Ticks.PER_SECOND / AudioSource.SAMPLE_RATE);
                if (winLen == 0) {
                    if (at > winStart) {
                        // silence up to the frame
                        int gap = (int) Math.min(at - winStart, WINDOW / 2);
                        Arrays.fill(winL, 0, gap, 0f);
                        Arrays.fill(winR, 0, gap, 0f);
                        winLen = gap;
                    } else {
                        winStart = at;
                    }
                }
            }
            needsAlign = false;
        }
        int max = Math.min(CHUNK, WINDOW - winLen);
        int got = swr_convert(swr, out, max, frame.extended_data(), frame.nb_samples());
        if (got > 0) {
            outL.get(winL, winLen, got);
            outR.get(winR, winLen, got);
            winLen += got;
        }
    }

    @Override
    public void close() {
        swr_free(swr);
        avcodec_free_context(codec);
        avformat_close_input(fmt);
        av_packet_free(packet);
        av_frame_free(frame);
        av_channel_layout_uninit(stereo);
        outL.close();
        outR.close();
        out.close();
    }
}
