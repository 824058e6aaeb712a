package org.lumaflow.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.lumaflow.core.time.FrameRate;

/**
 * A live session's settings (what {@code lumaflow live} takes on its command line, or a live graph file).
 *
 * @param sources   {@code KIND[:SPEC]} per source, in layout order (video sources first, audio anywhere)
 * @param layout    how the first two video sources are composed
 * @param effects   a project or graph file whose nodes are applied to the composed picture, or null
 * @param record    the recording's file (.mp4 fragmented, .mkv, .mov fragmented), or null
 * @param streams   stream targets ({@code srt://}, {@code rtmp(s)://}, WHIP endpoints)
 * @param width     output width
 * @param height    output height
 * @param rate      output frame rate (the clock's tick)
 * @param duration  stop after this long, or null to run until stopped
 * @param drop      the process stage's frame-drop strategy
 * @param encoder   video encoder name, or {@code auto}
 * @param bitrate   video bit rate in bits per second (0: chosen from size and rate)
 * @param keyframeSeconds keyframe interval in seconds
 * @param backend   render backend preference ({@code auto}, {@code gpu}, {@code cpu})
 * @param options   further options per output or source ({@code latency=120}, {@code keep_secrets=true}, ...)
 */
public record LiveConfig(List<String> sources, Layout layout, Path effects, Path record, List<String> streams,
        int width, int height, FrameRate rate, Duration duration, DropStrategy drop, String encoder, long bitrate,
        double keyframeSeconds, String backend, Map<String, String> options) {

    /** Copies lists and maps; checks sizes. */
    public LiveConfig {
        sources = List.copyOf(sources);
        streams = List.copyOf(streams);
        options = Map.copyOf(options);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one --source is needed");
        }
        if (width < 16 || height < 16 || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("size " + width + "x" + height + ": width and height must be even "
                    + "and at least 16");
        }
    }

    /** 1280x720 at 30 fps, full layout, adaptive drops, automatic encoder, 2-second keyframes, no outputs. */
    public static LiveConfig of(List<String> sources) {
        return new LiveConfig(sources, Layout.full(), null, null, List.of(), 1280, 720, new FrameRate(30, 1), null,
                DropStrategy.ADAPTIVE, "auto", 0, 2, "auto", Map.of());
    }
}
