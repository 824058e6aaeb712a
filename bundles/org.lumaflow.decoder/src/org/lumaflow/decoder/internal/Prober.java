package org.lumaflow.decoder.internal;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.lumaflow.core.time.Rational;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.AudioStreamInfo;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.media.ffmpeg.FFmpeg;

/** Opens containers and describes their streams. */
final class Prober {

    private Prober() {
    }

    /** Opens {@code file} and reads stream info; the caller closes the context with {@code avformat_close_input}. */
    static AVFormatContext open(Path file) throws MediaException {
        FFmpeg.load();
        boolean pattern = file.getFileName() != null && file.getFileName().toString().matches(".*%0?\\d*d.*");
        if (!pattern && !Files.isRegularFile(file)) {
            throw new MediaException(file, Files.exists(file) ? "not a regular file" : "no such file");
        }
        AVFormatContext fmt = new AVFormatContext(null);
        int r = avformat_open_input(fmt, file.toString(), null, null);
        if (r < 0) {
            throw new MediaException(file, pattern ? "no image sequence matches the pattern (" + FFmpeg.error(r) + ")"
                    : "not a readable media file (" + FFmpeg.error(r) + "); check that the file is complete and is"
                            + " a video, audio or image file");
        }
        r = avformat_find_stream_info(fmt, (PointerPointer<?>) null);
        if (r < 0) {
            avformat_close_input(fmt);
            throw new MediaException(file, "cannot read stream information (" + FFmpeg.error(r) + ")");
        }
        return fmt;
    }

    static MediaInfo probe(Path file) throws MediaException {
        AVFormatContext fmt = open(file);
        try {
            int firstVideo = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            boolean vfr = firstVideo >= 0 && variableTimestamps(fmt, firstVideo);
            List<VideoStreamInfo> video = new ArrayList<>();
            List<AudioStreamInfo> audio = new ArrayList<>();
            for (int i = 0; i < fmt.nb_streams(); i++) {
                AVStream st = fmt.streams(i);
                int type = st.codecpar().codec_type();
                if (type == AVMEDIA_TYPE_VIDEO && (st.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
                    VideoStreamInfo v = video(st, fmt.duration());
                    if (i == firstVideo && vfr && !v.variableFrameRate()) {
                        v = new VideoStreamInfo(v.index(), v.codec(), v.width(), v.height(), v.pixelFormat(),
                                v.frameRate(), true, v.frames(), v.durationTicks(), v.rotation(), v.colorSpace(),
                                v.colorPrimaries(), v.colorTransfer(), v.colorRange());
                    }
                    video.add(v);
                } else if (type == AVMEDIA_TYPE_AUDIO) {
                    audio.add(audio(st));
                }
            }
            long duration = fmt.duration() == AV_NOPTS_VALUE ? 0
                    : Ticks.fromRational(Rational.of(fmt.duration(), AV_TIME_BASE), RoundingMode.HALF_UP);
            return new MediaInfo(file, fmt.iformat().name().getString(), duration, Math.max(0, fmt.bit_rate()),
                    video, audio);
        } finally {
            avformat_close_input(fmt);
        }
    }

    /**
     * Whether the first {@value #SCAN_PACKETS} packets of {@code stream} have unevenly spaced timestamps (more than one
     * timestamp unit or 2 % apart, so 33/34 ms steps of 29.97 fps in a millisecond time base stay constant).
     */
    static boolean variableTimestamps(AVFormatContext fmt, int stream) {
        long[] ts = new long[SCAN_PACKETS];
        int n = 0;
        AVPacket pkt = av_packet_alloc();
        try {
            while (n < ts.length && av_read_frame(fmt, pkt) >= 0) {
                if (pkt.stream_index() == stream && pkt.pts() != AV_NOPTS_VALUE) {
                    ts[n++] = pkt.pts();
                }
                av_packet_unref(pkt);
            }
        } finally {
            av_packet_free(pkt);
        }
        if (n < 3) {
            return false;
        }
        java.util.Arrays.sort(ts, 0, n);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 1; i < n; i++) {
            long d = ts[i] - ts[i - 1];
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        return max - min > Math.max(1, max / 50);
    }

    private static final int SCAN_PACKETS = 240;

    static VideoStreamInfo video(AVStream st) {
        return video(st, AV_NOPTS_VALUE);
    }

    /** {@code containerDuration}: used when the stream has none (Matroska), in AV_TIME_BASE units. */
    static VideoStreamInfo video(AVStream st, long containerDuration) {
        AVCodecParameters p = st.codecpar();
        AVRational avg = st.avg_frame_rate();
        AVRational real = st.r_frame_rate();
        Rational rate = avg.num() > 0 && avg.den() > 0 ? Rational.of(avg.num(), avg.den())
                : real.num() > 0 && real.den() > 0 ? Rational.of(real.num(), real.den()) : Rational.of(25);
        boolean vfr = real.num() > 0 && avg.num() > 0
                && (long) real.num() * avg.den() != (long) avg.num() * real.den();
        long durTicks = streamDuration(st);
        if (durTicks == 0 && containerDuration != AV_NOPTS_VALUE && containerDuration > 0) {
            durTicks = Ticks.fromRational(Rational.of(containerDuration, AV_TIME_BASE), RoundingMode.HALF_UP);
        }
        long frames = st.nb_frames() > 0 ? st.nb_frames()
                : durTicks > 0 ? Math.round(Ticks.toSeconds(durTicks) * rate.toDouble()) : 0;
        return new VideoStreamInfo(st.index(), name(avcodec_get_name(p.codec_id())), p.width(), p.height(),
                name(av_get_pix_fmt_name(p.format())), rate, vfr, frames, durTicks, rotation(p),
                name(av_color_space_name(p.color_space())), name(av_color_primaries_name(p.color_primaries())),
                name(av_color_transfer_name(p.color_trc())), name(av_color_range_name(p.color_range())));
    }

    static AudioStreamInfo audio(AVStream st) {
        AVCodecParameters p = st.codecpar();
        String layout;
        try (BytePointer buf = new BytePointer(128)) {
            buf.fill(0);
            av_channel_layout_describe(p.ch_layout(), buf, 128);
            layout = buf.limit(BytePointer.strlen(buf)).getString();
        }
        return new AudioStreamInfo(st.index(), name(avcodec_get_name(p.codec_id())), p.sample_rate(),
                p.ch_layout().nb_channels(), layout, streamDuration(st));
    }

    static long streamDuration(AVStream st) {
        if (st.duration() == AV_NOPTS_VALUE || st.duration() <= 0) {
            return 0;
        }
        return new TimeBase(st.time_base()).toTicks(st.duration());
    }

    /** Clockwise display rotation from the display matrix, normalised to 0/90/180/270. */
    static int rotation(AVCodecParameters p) {
        AVPacketSideData sd = av_packet_side_data_get(p.coded_side_data(), p.nb_coded_side_data(),
                AV_PKT_DATA_DISPLAYMATRIX);
        if (sd == null || sd.isNull() || sd.size() < 36) {
            return 0;
        }
        double ccw = av_display_rotation_get(new IntPointer(sd.data()));
        if (Double.isNaN(ccw)) {
            return 0;
        }
        long cw = Math.round(-ccw / 90.0) * 90;
        return (int) Math.floorMod(cw, 360);
    }

    private static String name(BytePointer p) {
        return p == null || p.isNull() ? "unknown" : p.getString();
    }
}
