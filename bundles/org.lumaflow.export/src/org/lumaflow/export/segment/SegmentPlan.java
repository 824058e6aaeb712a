package org.lumaflow.export.segment;

import java.nio.file.Path;
import java.util.List;

/**
 * A segmented export, fixed before any segment runs, and self-contained so a worker in another process or on another
 * machine can run any segment from it alone: it is saved as {@code plan.json} in {@link #workDir()} beside the
 * timeline saved as a project ({@link #project()}).
 *
 * @param id unique id of this export (names the work folder, keys cluster tasks)
 * @param project the timeline saved as a project file (in the work folder); FILE parameters resolve against
 *        {@link #baseDir()}
 * @param baseDir the folder FILE parameters of the original project resolve against
 * @param output the final file
 * @param encoder the one FFmpeg encoder every segment uses (chosen once; no fallback inside a segmented export)
 * @param codec the codec ({@code h264}, {@code hevc}, ...)
 * @param settings encoder settings every segment shares, as {@code key=value} strings (crf, bitrate, preset, gop,
 *        width, height, pixel format, time base, profile, level...), so every segment is encoded identically
 * @param segments the segments in order, covering the range without gaps or overlaps
 * @param workDir the folder holding the plan, the project, committed segments and their manifest
 */
public record SegmentPlan(String id, Path project, Path baseDir, Path output, String encoder, String codec,
        java.util.Map<String, String> settings, List<Segment> segments, Path workDir) {

    public SegmentPlan {
        settings = java.util.Map.copyOf(settings);
        segments = List.copyOf(segments);
    }

    /** Total frames over all segments. */
    public long frames() {
        long n = 0;
        for (Segment s : segments) {
            n += s.frames();
        }
        return n;
    }

    /** The plan file a worker loads ({@code workDir/plan.json}). */
    public Path planFile() {
        return workDir.resolve("plan.json");
    }
}
