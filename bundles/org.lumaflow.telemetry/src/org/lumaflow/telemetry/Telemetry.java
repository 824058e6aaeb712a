package org.lumaflow.telemetry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything read from one telemetry file.
 *
 * @param source the file
 * @param format the parser's format id ({@code "gpmf"}, {@code "dji-srt"}, {@code "gpx"}, {@code "csv"}, ...)
 * @param device the recording device's name ({@code "GoPro Karma v1.0"}), or empty
 * @param utcStart the UTC time of second 0 of the series' clock when known (from GPS time or the file), else null
 * @param videoClock whether second 0 is the start of the accompanying video (GPMF inside the MP4); false for files
 *        aligned by UTC or an offset
 * @param streams the streams by name, in file order
 * @param tags marked moments (HiLights, laps)
 * @param issues what was dropped or repaired while reading (bad fixes, high DOP, skipped records), each naming the
 *        file and position; empty for a clean file
 */
public record Telemetry(Path source, String format, String device, Instant utcStart, boolean videoClock,
        Map<String, TimeSeries> streams, List<Tag> tags, List<String> issues) {

    public Telemetry {
        streams = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(streams));
        tags = List.copyOf(tags);
        issues = List.copyOf(issues);
    }

    /** The first stream that has {@code channel}, or null. */
    public TimeSeries streamWith(String channel) {
        for (TimeSeries s : streams.values()) {
            if (s.channel(channel) >= 0) {
                return s;
            }
        }
        return null;
    }

    /** The position stream (the first with {@link Channels#LAT}), or null. */
    public TimeSeries gps() {
        return streamWith(Channels.LAT);
    }

    /** Latest end time over all streams, seconds (0 when empty). */
    public double duration() {
        double d = 0;
        for (TimeSeries s : streams.values()) {
            if (s.size() > 0) {
                d = Math.max(d, s.end());
            }
        }
        return d;
    }
}
