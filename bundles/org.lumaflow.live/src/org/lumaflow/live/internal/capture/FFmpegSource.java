package org.lumaflow.live.internal.capture;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveSource;

/**
 * Any FFmpeg input (a capture device through avdevice, a network stream, a file) as a {@link LiveSource}: one reader
 * thread reads packets, decodes them and writes each picture straight into the sink's pooled frame
 * ({@link PictureWriter}: one copy or one conversion pass), and sound as 48 kHz stereo s16 ({@link SoundWriter}).
 * Packets, decoded frames and native views are reused, so steady-state capture allocates nothing. The picture is
 * stamped with {@link System#nanoTime()} when its packet arrived. The input is opened and probed by {@link #open}, so
 * size and rate are known (and a missing device fails) before {@link #start}.
 */
final class FFmpegSource extends ThreadedSource {

    private final InputSpec spec;
    private AVFormatContext fmt;
    private final int videoIndex;
    private final int audioIndex;
    private final AVCodecContext vdec;
    private final AVCodecContext adec;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame picture = av_frame_alloc();
    private final AVFrame sound = av_frame_alloc();
    private final PictureWriter pictures = new PictureWriter();
    private final SoundWriter sounds;
    private final PixelFormat layout;
    private final double[] secondsPerTick = new double[2];
    private volatile long samples;
    private volatile long damaged;
    private long paceStartNanos;
    private double paceStartSeconds = Double.NaN;
    private boolean freed;

    private FFmpegSource(InputSpec spec, AVFormatContext fmt, int videoIndex, int audioIndex, AVCodecContext vdec,
            AVCodecContext adec) {
        this.spec = spec;
        this.fmt = fmt;
        this.videoIndex = videoIndex;
        this.audioIndex = audioIndex;
        this.vdec = vdec;
        this.adec = adec;
        this.sounds = adec != null ? new SoundWriter() : null;
        if (vdec != null) {
            AVStream st = fmt.streams(videoIndex);
            int w = spec.width() > 0 ? spec.width() : vdec.width();
            int h = spec.height() > 0 ? spec.height() : vdec.height();
            PixelFormat nat = PictureWriter.native_(vdec.pix_fmt());
            // the asked layout (RGBA8 by default): a plane copy when native, else one sws_scale pass into it
            layout = spec.want() != null ? spec.want() : nat != null ? nat : PixelFormat.RGBA8;
            if (layout != PixelFormat.RGBA8) {
                w &= ~1;
                h &= ~1;
            }
            width = w;
            height = h;
            rate = spec.rate() != null ? spec.rate() : Decoders.rate(st);
            secondsPerTick[0] = Decoders.seconds(st.time_base());
        } else {
            width = 0;
            height = 0;
            rate = null;
            layout = null;
        }
        if (adec != null) {
            secondsPerTick[1] = Decoders.seconds(fmt.streams(audioIndex).time_base());
        }
        String size = Specs.describe(width, height, rate);
        name = spec.name() + (size.isEmpty() || spec.name().endsWith(size) ? "" : " " + size)
                + (adec != null && vdec != null ? " +sound" : "");
    }

    @Override
    protected void checkStartable() throws LiveException {
        if (freed) {
            throw new LiveException(name + ": already closed");
        }
    }

    /** Opens and probes the input; fails with a message naming the source. */
    static FFmpegSource open(InputSpec spec) throws LiveException {
        CaptureThread.loadDevices();
        AVInputFormat in = null;
        if (spec.format() != null) {
            in = av_find_input_format(spec.format());
            if (in == null) {
                throw new LiveException(spec.name() + ": this FFmpeg build has no " + spec.format() + " input");
            }
        }
        AVFormatContext fmt = avformat_alloc_context();
        CaptureThread.interruptible(fmt);
        AVDictionary dict = new AVDictionary(null);
        for (Map.Entry<String, String> e : spec.options().entrySet()) {
            av_dict_set(dict, e.getKey(), e.getValue(), 0);
        }
        if (spec.mode() == InputSpec.Mode.DEVICE && !spec.options().containsKey("fflags")) {
            // the pictures read while probing are not replayed afterwards as a burst of stale frames
            av_dict_set(dict, "fflags", "nobuffer", 0);
        }
        org.lumaflow.media.ffmpeg.FFmpeg.clearLog();
        int r = avformat_open_input(fmt, spec.url(), in, dict);
        av_dict_free(dict);
        if (r < 0) {
            throw new LiveException(spec.name() + ": " + Errors.open(spec, r));
        }
        AVCodecContext vdec = null;
        AVCodecContext adec = null;
        try {
            r = avformat_find_stream_info(fmt, (PointerPointer<?>) null);
            if (r < 0) {
                throw new LiveException(spec.name() + ": " + Errors.open(spec, r));
            }
            int v = spec.video() ? av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0)
                    : -1;
            int a = spec.audio() ? av_find_best_stream(fmt, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0)
                    : -1;
            if (v < 0 && a < 0) {
                throw new LiveException(spec.name() + ": " + (spec.video() && !spec.audio() ? "delivers no pictures"
                        : spec.audio() && !spec.video() ? "delivers no sound" : "delivers neither pictures nor sound"));
            }
            if (v >= 0) {
                vdec = Decoders.open(spec, fmt.streams(v), true);
                if (vdec.width() <= 0 || vdec.height() <= 0) {
                    throw new LiveException(spec.name() + ": the picture size could not be found (no keyframe "
                            + "arrived while probing)");
                }
            }
            if (a >= 0) {
                adec = Decoders.open(spec, fmt.streams(a), false);
            }
            return new FFmpegSource(spec, fmt, v, a, vdec, adec);
        } catch (LiveException | RuntimeException e) {
            if (vdec != null) {
                avcodec_free_context(vdec);
            }
            if (adec != null) {
                avcodec_free_context(adec);
            }
            avformat_close_input(fmt);
            throw e;
        }
    }

    @Override
    public boolean hasVideo() {
        return vdec != null;
    }

    @Override
    public boolean hasAudio() {
        return adec != null;
    }

    /** The picture layout delivered (RGBA8 unless NV12/I420 was asked for and is native), null without video. */
    PixelFormat layout() {
        return layout;
    }

    /** Sample frames delivered so far. */
    long samples() {
        return samples;
    }

    /** Packets the decoder refused (damaged by loss) so far. */
    long damaged() {
        return damaged;
    }

    @Override
    protected void run() {
        String failure = null;
        boolean endedNormally = false;
        // A device paced by FFmpeg against the time it was opened (x11grab) returns the pictures it "owes" since
        // then at once, and a camera's kernel queue holds old pictures: until a read has to wait, video packets
        // are stale or a catch-up burst, so they are skipped (not pictures of the program, not counted as drops).
        boolean catchingUp = spec.mode() == InputSpec.Mode.DEVICE && videoIndex >= 0;
        long minWait = rate == null ? 5_000_000L : (long) (1e9 / rate.toDouble() / 4);
        long catchUpEnd = System.nanoTime() + 2_000_000_000L; // never skip for longer than that
        try {
            while (!thread.halted()) {
                long asked = System.nanoTime();
                int r = av_read_frame(fmt, packet);
                long now = System.nanoTime();
                if (catchingUp && r >= 0 && packet.stream_index() == videoIndex) {
                    if (now - asked < minWait && now < catchUpEnd) {
                        av_packet_unref(packet);
                        continue;
                    }
                    catchingUp = false;
                }
                if (r < 0) {
                    if (thread.halted()) {
                        break;
                    }
                    if (r == AVERROR_EAGAIN()) {
                        LockSupport.parkNanos(1_000_000);
                        continue;
                    }
                    if (r == AVERROR_EOF() && spec.mode().file()) {
                        endedNormally = true;
                    } else {
                        failure = Errors.stopped(spec, r);
                    }
                    break;
                }
                int si = packet.stream_index();
                if (si == videoIndex) {
                    pace(0);
                    video(now);
                } else if (si == audioIndex) {
                    pace(1);
                    audio(now);
                }
                av_packet_unref(packet);
            }
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            failure = "capture stopped (" + e.getMessage() + ")";
        }
        if (!thread.halted()) {
            if (endedNormally) {
                sink.ended();
            } else if (failure != null) {
                sink.failed(name + ": " + failure);
            }
        }
        synchronized (this) {
            free();
        }
    }

    /** Files are read at their own pace (like {@code ffmpeg -re}); live inputs are paced by the device or network. */
    private void pace(int kind) {
        if (spec.mode() != InputSpec.Mode.FILE) {
            return;
        }
        long ts = packet.dts() != AV_NOPTS_VALUE ? packet.dts() : packet.pts();
        if (ts == AV_NOPTS_VALUE) {
            return;
        }
        double at = ts * secondsPerTick[kind];
        if (Double.isNaN(paceStartSeconds)) {
            paceStartSeconds = at;
            paceStartNanos = System.nanoTime();
            return;
        }
        long due = paceStartNanos + (long) ((at - paceStartSeconds) * 1e9);
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !thread.halted()) {
            LockSupport.parkNanos(Math.min(wait, 50_000_000L));
        }
    }

    private void video(long now) {
        int r = avcodec_send_packet(vdec, packet);
        if (r < 0 && r != AVERROR_EAGAIN()) {
            damaged++;
            return;
        }
        while (avcodec_receive_frame(vdec, picture) == 0) {
            Frame f = sink.beginFrame(width, height, layout);
            pictures.write(picture, f);
            sink.publishFrame(now);
            frames++;
        }
    }

    private void audio(long now) {
        int r = avcodec_send_packet(adec, packet);
        if (r < 0 && r != AVERROR_EAGAIN()) {
            damaged++;
            return;
        }
        while (avcodec_receive_frame(adec, sound) == 0) {
            int n = sounds.convert(sound);
            if (n < 0) {
                throw new IllegalStateException("cannot resample its sound: "
                        + org.lumaflow.media.ffmpeg.FFmpeg.error(n));
            }
            if (n > 0) {
                sink.audio(sounds.buffer(), n, BufferedSink.SAMPLE_RATE, BufferedSink.CHANNELS, now);
                samples += n;
            }
        }
    }

    @Override
    protected void freeUnstarted() {
        free();
    }

    private void free() {
        if (freed) {
            return;
        }
        freed = true;
        pictures.close();
        if (sounds != null) {
            sounds.close();
        }
        if (vdec != null) {
            avcodec_free_context(vdec);
        }
        if (adec != null) {
            avcodec_free_context(adec);
        }
        avformat_close_input(fmt);
        av_packet_free(packet);
        av_frame_free(picture);
        av_frame_free(sound);
    }
}
