package org.lumaflow.telemetry.internal.service;

import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.javacpp.PointerPointer;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.lumaflow.telemetry.TelemetryException;

/** A media file's container creation time (the {@code creation_time} tag) and duration, read through FFmpeg. */
record MediaClock(Instant creation, double duration) {

    static MediaClock of(Path media) throws TelemetryException {
        FFmpeg.load();
        AVFormatContext fmt = new AVFormatContext(null);
        int r = avformat_open_input(fmt, media.toString(), null, null);
        if (r < 0) {
            throw new TelemetryException(media, null, "not a readable media file (" + FFmpeg.error(r) + ")");
        }
        try {
            avformat_find_stream_info(fmt, (PointerPointer<?>) null);
            Instant created = null;
            AVDictionaryEntry e = av_dict_get(fmt.metadata(), "creation_time", null, 0);
            if (e != null && e.value() != null) {
                created = parse(e.value().getString());
            }
            double d = fmt.duration() == AV_NOPTS_VALUE ? Double.NaN : fmt.duration() / (double) AV_TIME_BASE;
            return new MediaClock(created, d);
        } finally {
            avformat_close_input(fmt);
        }
    }

    private static Instant parse(String s) {
        try {
            return Instant.parse(s.strip());
        } catch (RuntimeException e) {
            try {
                return OffsetDateTime.parse(s.strip()).toInstant();
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }
}
