package org.lumaflow.qc;

import java.io.IOException;
import java.nio.file.Path;

import org.lumaflow.core.pool.Frame;

/**
 * Quality control as a service (DS): QCTools-style signal statistics, black/freeze/scene/clipping detection, audio
 * loudness and silence, PSNR/SSIM comparisons, JSON and HTML reports. Pictures are analysed as decoded, in the
 * stream's own bit depth, chroma subsampling and range (no RGB round trip), so figures match FFmpeg's filters on the
 * same file; RGB, palette and grey sources are measured after the conversion ffmpeg itself applies before
 * {@code signalstats} (RGB to BT.601 limited-range YUV 4:4:4, bicubic scaler; grey to full-range 4:4:4). Display
 * rotation is ignored (statistics do not depend on it). Damage is reported as events and the analysis goes on.
 */
public interface QcService {

    /**
     * Analyses every frame of {@code media} (and its audio when asked); a file without video gets an audio-only
     * report (no frames).
     *
     * @throws QcException naming the file when it cannot be read
     */
    QcReport analyze(Path media, QcOptions options, QcListener listener) throws QcException;

    /**
     * Renders a timeline (FILE parameters resolve against {@code baseDir}) and analyses the frames, converted to 4:2:0
     * like an export would encode them (on the GPU when the backend renders there).
     */
    QcReport analyze(org.lumaflow.engine.timeline.Timeline timeline, Path baseDir, String name, QcOptions options,
            QcListener listener) throws QcException;

    /**
     * Fingerprints and colour statistics of every {@code step}-th frame of a rendered timeline at {@code width x
     * height}, computed where the graph renders: a GPU backend reduces on the device and reads back about 1 KB per
     * frame instead of the picture.
     */
    java.util.List<ColorSample> fingerprints(org.lumaflow.engine.timeline.Timeline timeline, Path baseDir, int step,
            int width, int height) throws QcException;

    /** Analyses {@code media} and compares it frame by frame with {@code reference} (same size). */
    QcReport compare(Path media, Path reference, QcOptions options, QcListener listener) throws QcException;

    /**
     * An accumulator for frames produced elsewhere (an export feeds the 4:2:0 frames it encodes), so QC costs no
     * second decode. It measures a proxy: each plane point-sampled on a stratified grid (one sample per
     * {@code step x step} cell, the same positions every frame) down to at most 320x180 luma samples (1080p: every 6th
     * pixel and row; small pictures are measured whole). Averages, percentiles, fractions (black, out of range) and the
     * frame differences behind the freeze and scene detectors are estimates from those samples; minima/maxima are the
     * samples'; the luma histogram is scaled to the picture's pixel count. {@link #analyze(Path, QcOptions,
     * QcListener)} measures every pixel.
     */
    Session session(String source, int width, int height, double fps, QcOptions options);

    /** Writes the report as JSON (stable field names), atomically. */
    void writeJson(QcReport report, Path file) throws IOException;

    /** Writes a self-contained HTML report (inline SVG plots, no network), atomically. */
    void writeHtml(QcReport report, Path file) throws IOException;

    /** Frames fed one at a time; not thread-safe. */
    interface Session {

        /**
         * Adds the next frame (I420 or NV12 of the session's size), shown at {@code seconds}, on the caller's thread;
         * the frame is not retained.
         */
        void add(Frame yuv, double seconds);

        /** The report so far (call once at the end). */
        QcReport finish();
    }
}
