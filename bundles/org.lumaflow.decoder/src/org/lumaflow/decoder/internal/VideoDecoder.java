package org.lumaflow.decoder.internal;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * Synchronous decoding of one video stream: {@link #next()} decodes the next picture (timestamps in ticks from the
 * stream's first frame), {@link #seek} positions before a time. Not thread-safe: one decode thread owns it.
 */
final class VideoDecoder implements AutoCloseable {

    /** {@code AV_FRAME_FLAG_KEY} (a macro in libavutil/frame.h, not exported by the presets). */
    private static final int FRAME_FLAG_KEY = 1 << 1;
    /** {@code AV_FRAME_FLAG_CORRUPT}. */
    private static final int FRAME_FLAG_CORRUPT = 1 << 0;

    /**
     * Decoder threads: FFmpeg's automatic count (frame threads = cores + 1) unless
     * {@code -Dlumaflow.decode.threads=N}; the pictures are the same whatever the count.
     */
    static final int THREADS = Math.max(0, Integer.getInteger("lumaflow.decode.threads", 0));

    /**
     * Decoder threads for a transcode's direct path, where the encoder already spreads over the cores: one on a
     * machine of two cores or fewer (frame threads there only add decoder contexts and switches: measured on 2 cores,
     * 1080p x264 veryfast, -19 MiB peak, -2 % CPU, faster wall), FFmpeg's count above; {@code lumaflow.decode.threads}
     * overrides both.
     */
    static int transcodeThreads() {
        if (Integer.getInteger("lumaflow.decode.threads") != null) {
            return THREADS;
        }
        return Runtime.getRuntime().availableProcessors() <= 2 ? 1 : 0;
    }

    private final Path file;
    private final AVFormatContext fmt;
    private AVCodecContext codec;
    private HardwareDecode hardware;
    private String decoderDescription;
    private final int stream;
    private final TimeBase timeBase;
    private final long nominalDuration;
    private final VideoStreamInfo info;
    private final AVPacket packet = av_packet_alloc();
    private AVFrame frame = av_frame_alloc();
    /** The picture before/after {@link #frame} while {@link #advanceTo} looks one picture ahead. */
    private AVFrame spare = av_frame_alloc();
    private long sparePts;
    private long spareEnd;
    private boolean replay;
    private volatile long decoded;
    private long startTs = AV_NOPTS_VALUE;
    private boolean draining;
    private boolean eof;
    private String readError;
    private int corruptPackets;
    /** Damage with times, recorded only when {@link #tolerateErrors()} was called. */
    private java.util.List<org.lumaflow.decoder.DecodeError> errors;
    private boolean lastCorrupt;
    private long lastPacketTicks;
    private int errorRun;
    private long pts;
    private long end;

    VideoDecoder(Path file) throws MediaException {
        this(file, true);
    }

    /** {@code allowHardware}: try hardware decoding (pictures then arrive as NV12 or similar, not yuv420p). */
    VideoDecoder(Path file, boolean allowHardware) throws MediaException {
        this(file, allowHardware, THREADS);
    }

    /** {@code threads}: decoder threads (0: FFmpeg's automatic count). */
    VideoDecoder(Path file, boolean allowHardware, int threads) throws MediaException {
        this.file = file;
        this.fmt = Prober.open(file);
        try {
            int idx = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            if (idx < 0) {
                throw new MediaException(file, "has no video stream");
            }
            this.stream = idx;
            AVStream st = fmt.streams(idx);
            this.info = Prober.video(st);
            this.timeBase = new TimeBase(st.time_base());
            if (st.start_time() != AV_NOPTS_VALUE) {
                startTs = st.start_time();
            }
            this.nominalDuration = Math.max(1, Math.round(Ticks.PER_SECOND / info.frameRate().toDouble()));
            AVCodec dec = avcodec_find_decoder(st.codecpar().codec_id());
            if (dec == null) {
                throw new MediaException(file, "no decoder for codec " + info.codec() + " in " + FFmpeg.describe());
            }
            codec = avcodec_alloc_context3(dec);
            avcodec_parameters_to_context(codec, st.codecpar());
            codec.pkt_timebase(st.time_base());
            codec.thread_count(threads);
            StringBuilder why = new StringBuilder();
            HardwareDecode hw = allowHardware ? HardwareDecode.attach(dec, codec, why) : null;
            int r = avcodec_open2(codec, dec, (AVDictionary) null);
            if (r < 0 && hw != null) {
                // the device was fine but the decoder refused it: software
                why.append(hw.type()).append(": ").append(FFmpeg.error(r));
                hw.free();
                hw = null;
                avcodec_free_context(codec);
                codec = avcodec_alloc_context3(dec);
                avcodec_parameters_to_context(codec, st.codecpar());
                codec.pkt_timebase(st.time_base());
                codec.thread_count(threads);
                r = avcodec_open2(codec, dec, (AVDictionary) null);
            }
            if (r < 0) {
                avcodec_free_context(codec);
                throw new MediaException(file, "cannot open the " + info.codec() + " decoder (" + FFmpeg.error(r) + ")");
            }
            this.hardware = hw;
            this.decoderDescription = info.codec() + (hw != null ? " via " + hw.type() : " in software ("
                    + (allowHardware ? why.toString().replaceAll("; $", "") : "unconverted YUV wanted") + ")");
        } catch (MediaException | RuntimeException e) {
            avformat_close_input(fmt);
            av_packet_free(packet);
            av_frame_free(frame);
            av_frame_free(spare);
            throw e;
        }
    }

    /** {@code "h264 via cuda"} or {@code "h264 in software (why)"}. */
    String description() {
        return decoderDescription;
    }

    VideoStreamInfo info() {
        return info;
    }

    Path file() {
        return file;
    }

    /** The last decoded picture (valid until the next call to {@link #next}). */
    AVFrame frame() {
        return frame;
    }

    /**
     * How far after a requested time a picture may be stamped and still count as shown then. When the frame duration
     * is not a whole number of time-base units, the container rounded the timestamps (MKV/WebM store 1 ms: at 29.97
     * fps picture 2 is stamped 67 ms, after its exact time 66.73 ms), so a picture may start half a unit earlier than
     * stamped. Streams whose frame duration is a whole number of units (MP4, MPEG-TS, an AVI's 125/2997 at 2997/125
     * fps) keep exact boundaries: 0.
     */
    long slack() {
        long unit = timeBase.unitTicks();
        return unit > 1 && !timeBase.divides(info.frameRate()) ? Math.min(unit / 2, nominalDuration / 2) : 0;
    }

    /** The stream's time base (proxies are written in it). */
    TimeBase timeBase() {
        return timeBase;
    }

    /**
     * The last decoded picture's timestamp in stream units from the stream's first picture (what {@link #pts()} is
     * in ticks), or {@link Long#MIN_VALUE} when the picture carries none.
     */
    long units() {
        long ts = frame.pts() != AV_NOPTS_VALUE ? frame.pts() : frame.best_effort_timestamp();
        return ts == AV_NOPTS_VALUE || startTs == AV_NOPTS_VALUE ? Long.MIN_VALUE : ts - startTs;
    }

    /** One frame at the stream's average rate, ticks. */
    long nominalDuration() {
        return nominalDuration;
    }

    /** Source time of the last decoded picture, ticks. */
    long pts() {
        return pts;
    }

    /** End of the last decoded picture (its timestamp plus its duration), ticks. */
    long end() {
        return end;
    }

    /** Why reading stopped early (a read error other than the end of the file), or null. */
    String readError() {
        return readError;
    }

    /** Pictures decoded so far (including those decoded only to reach a seek target). */
    long decoded() {
        return decoded;
    }

    /** Damaged packets skipped plus pictures the decoder flagged as damaged, so far. */
    int damaged() {
        return corruptPackets;
    }

    /**
     * From now on, decoding errors in the middle of the stream are recorded in {@link #errors()} (with the time of
     * the packet last sent) and stepped over instead of ending the stream with an exception.
     */
    void tolerateErrors() {
        if (errors == null) {
            errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        }
    }

    /** Damage stepped over (empty unless {@link #tolerateErrors()} was called). */
    java.util.List<org.lumaflow.decoder.DecodeError> errors() {
        return errors == null ? java.util.List.of() : errors;
    }

    /** Whether the decoder flagged the last decoded picture as damaged. */
    boolean lastCorrupt() {
        return lastCorrupt;
    }

    private void recordError(long ticks, String message) {
        if (errors != null && errors.size() < 10_000) {
            errors.add(new org.lumaflow.decoder.DecodeError(ticks, message));
        }
    }

    /** Decodes the next picture; false at the end of the stream. */
    boolean next() throws MediaException {
        if (replay) {
            replay = false;
            swapSpare();
            return true;
        }
        if (eof) {
            return false;
        }
        while (true) {
            int r = avcodec_receive_frame(codec, frame);
            if (r == 0) {
                lastCorrupt = (frame.flags() & FRAME_FLAG_CORRUPT) != 0 || frame.decode_error_flags() != 0;
                if (lastCorrupt) {
                    corruptPackets++;
                }
                errorRun = 0;
                if (hardware != null && (r = hardware.download(frame)) < 0) {
                    throw new MediaException(file, "copying a " + hardware.type() + " picture to memory failed ("
                            + FFmpeg.error(r) + ")");
                }
                stamp();
                decoded++;
                return true;
            }
            if (r == AVERROR_EOF()) {
                eof = true;
                return false;
            }
            if (r != AVERROR_EAGAIN()) {
                if (errors == null || ++errorRun > 1000) {
                    throw new MediaException(file, "decoding failed (" + FFmpeg.error(r) + ")");
                }
                corruptPackets++;
                recordError(lastPacketTicks, "decoding failed (" + FFmpeg.error(r) + ")");
                continue;
            }
            if (draining) {
                eof = true;
                return false;
            }
            r = av_read_frame(fmt, packet);
            if (r < 0) {
                if (r != AVERROR_EOF()) {
                    readError = FFmpeg.error(r);
                }
                draining = true;
                avcodec_send_packet(codec, null);
                continue;
            }
            if (packet.stream_index() == stream) {
                if (errors != null) {
                    long ts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                    if (ts != AV_NOPTS_VALUE) {
                        lastPacketTicks = timeBase.toTicks(ts - (startTs == AV_NOPTS_VALUE ? ts : startTs));
                    }
                }
                int s = avcodec_send_packet(codec, packet);
                if (s < 0 && s != AVERROR_EAGAIN()) {
                    corruptPackets++;
                    recordError(lastPacketTicks, "damaged packet refused (" + FFmpeg.error(s) + ")");
                }
            }
            av_packet_unref(packet);
        }
    }

    private void stamp() {
        long ts = frame.pts() != AV_NOPTS_VALUE ? frame.pts() : frame.best_effort_timestamp();
        if (ts == AV_NOPTS_VALUE) {
            pts = end;
        } else {
            if (startTs == AV_NOPTS_VALUE) {
                startTs = ts;
            }
            pts = timeBase.toTicks(ts - startTs);
        }
        long dur = frame.duration() > 0 ? timeBase.toTicks(frame.duration()) : nominalDuration;
        end = pts + dur;
    }

    /**
     * Positions the stream so that the next pictures lead up to {@code ticks}: seeks to the keyframe at or before it
     * and decodes that keyframe. Containers whose seek lands on a later or non-key picture (MPEG-TS...) are retried
     * further back (1, 2, 4... s, finally the start).
     *
     * @return true when {@link #frame()} holds that keyframe (to be used before calling {@link #next()} again), false
     *         when the stream has no picture from there on
     */
    boolean seek(long ticks) throws MediaException {
        long base = startTs == AV_NOPTS_VALUE ? 0 : startTs;
        long target = Math.max(0, ticks);
        long back = 0;
        while (true) {
            long at = Math.max(0, target - back);
            int r = av_seek_frame(fmt, stream, base + timeBase.fromTicks(at), AVSEEK_FLAG_BACKWARD);
            if (r < 0 && at > 0) {
                r = av_seek_frame(fmt, stream, base, AVSEEK_FLAG_BACKWARD | AVSEEK_FLAG_ANY);
            }
            if (r < 0) {
                throw new MediaException(file, "cannot seek (" + FFmpeg.error(r) + ")");
            }
            avcodec_flush_buffers(codec);
            draining = false;
            eof = false;
            replay = false;
            readError = null;
            end = at;
            boolean found = false;
            while (next()) {
                if ((frame.flags() & FRAME_FLAG_KEY) != 0 || frame.pict_type() == AV_PICTURE_TYPE_I) {
                    found = true;
                    break;
                }
            }
            if (found && pts <= target) {
                return advanceTo(target);
            }
            if (!found || at == 0) {
                return found;
            }
            back = back == 0 ? Ticks.ofSeconds(1) : back * 2;
        }
    }

    /**
     * From the current picture on, decodes to the last picture whose timestamp is at or before {@code target} and
     * makes it current; the picture after it (already decoded) is returned by the next {@link #next()}. Exact for
     * variable frame rates whatever the stored frame durations say.
     */
    private boolean advanceTo(long target) throws MediaException {
        while (true) {
            swapSpare();
            if (!next()) {
                swapSpare();
                return true;
            }
            if (pts > target) {
                swapSpare();
                replay = true;
                return true;
            }
        }
    }

    private void swapSpare() {
        AVFrame f = frame;
        frame = spare;
        spare = f;
        long p = pts;
        pts = sparePts;
        sparePts = p;
        long e = end;
        end = spareEnd;
        spareEnd = e;
    }

    @Override
    public void close() {
        avcodec_free_context(codec);
        if (hardware != null) {
            hardware.free();
        }
        avformat_close_input(fmt);
        av_packet_free(packet);
        av_frame_free(frame);
        av_frame_free(spare);
    }
}
