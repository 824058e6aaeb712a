package org.lumaflow.qc;

import java.util.List;

/**
 * The result of a QC run: per-frame signal statistics, detector events, audio loudness and, for comparisons, PSNR
 * and SSIM. Write it as JSON or as a self-contained HTML page with {@link QcService#writeJson} / {@link
 * QcService#writeHtml}.
 *
 * @param source      the analysed file (or a description of a render)
 * @param width       picture width
 * @param height      picture height
 * @param fps         frames per second the frames were taken at
 * @param frames      per-frame statistics in order
 * @param events      detector events ordered by start
 * @param audio       loudness and silence, or null (no audio / not asked)
 * @param comparison  PSNR/SSIM against a reference, or null
 * @param luma        256-bin histogram of luma code values over all frames
 * @param thumbnails  small JPEG pictures (base64) at events, keyed by the event's start formatted {@code %.3f}
 * @param pixelFormat FFmpeg's name of the layout the statistics were measured in ({@code yuv420p},
 *                    {@code yuv422p10le}...; {@code yuv444p} for RGB sources), or {@code none} without video
 * @param bitDepth    bits per sample of that layout: the statistics' code values run 0..2^bitDepth-1
 * @param options     the thresholds (and preset) the detectors ran with, or null when not recorded (since 0.2)
 */
public record QcReport(String source, int width, int height, double fps, List<SignalStats> frames,
        List<QcEvent> events, AudioQc audio, Comparison comparison, long[] luma,
        java.util.Map<String, String> thumbnails, String pixelFormat, int bitDepth, QcOptions options) {

    /** A report on 8-bit 4:2:0 frames (yuv420p) without the thresholds recorded, as before 0.2. */
    public QcReport(String source, int width, int height, double fps, List<SignalStats> frames,
            List<QcEvent> events, AudioQc audio, Comparison comparison, long[] luma,
            java.util.Map<String, String> thumbnails) {
        this(source, width, height, fps, frames, events, audio, comparison, luma, thumbnails, "yuv420p", 8, null);
    }

    public QcReport {
        frames = List.copyOf(frames);
        events = List.copyOf(events);
        luma = luma.clone();
        thumbnails = java.util.Map.copyOf(thumbnails);
    }

    /** Events of one type. */
    public List<QcEvent> events(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** Mean of the frames' average luma. */
    public double meanLuma() {
        return frames.stream().mapToDouble(SignalStats::yAvg).average().orElse(0);
    }
}
