package org.lumaflow.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.lumaflow.qc.QcOptions;

/**
 * What to export and how. Immutable; use the {@code with...} methods.
 *
 * @param output destination file; its extension picks the container (mp4, mov, mkv, webm, gif; audio only: m4a, wav,
 *        flac, opus, ogg)
 * @param codec {@code h264}, {@code hevc}, {@code av1}, {@code vp9}, {@code prores} or {@code gif}; null: the
 *        container's default
 * @param encoder {@code auto} (probe candidates, hardware first) or an FFmpeg encoder name, which then always wins
 * @param crf constant-quality value (lower is better); negative: the codec's default; ignored when bitrate is set
 * @param bitrate target bits per second; 0: quality mode ({@code crf})
 * @param preset encoder speed preset ({@code veryfast}, {@code p4}...); null: the encoder's default
 * @param keyframeInterval frames between keyframes; 0: two seconds
 * @param width output width; 0: the timeline's (odd sizes are rounded down to even, see {@link #evenSize})
 * @param height output height; 0: the timeline's
 * @param firstFrame first timeline frame to export
 * @param frames number of frames; negative: to the end of the timeline
 * @param stallTimeout how long a pipeline stage may wait on another before the export fails
 * @param audio whether to mix and encode the timeline's audio (AAC; Opus for WebM) when it has any
 * @param qc    whether to run QC on the encoded frames and write {@code OUTPUT.qc.html} and {@code .qc.json} beside the
 *              output (on by default; it reuses the frames the export converted, no second decode)
 * @param qcOptions the QC thresholds (audio is not measured on an export); null: FFmpeg's defaults (since 0.2)
 * @param loudness loudness normalisation of the audio; null: none, the mix as it is
 */
public record ExportSettings(Path output, String codec, String encoder, int crf, long bitrate, String preset,
        int keyframeInterval, int width, int height, long firstFrame, long frames, Duration stallTimeout,
        boolean audio, boolean qc, QcOptions qcOptions, Loudness loudness) {

    /**
     * Loudness normalisation of the exported audio: the mix is measured first (EBU R128 integrated loudness and true
     * peak, as {@code lumaflow qc} measures them) and one gain is applied so that it reaches {@code targetLufs},
     * lowered where needed so that the true peak stays at or below {@code truePeakDbtp} (no limiter: the programme
     * is then quieter than the target, and the export says so).
     *
     * @param targetLufs   integrated loudness wanted, LUFS (-70..0; EBU R128: -23, streaming services about -14)
     * @param truePeakDbtp true-peak ceiling, dBTP (-1 by default)
     */
    public record Loudness(double targetLufs, double truePeakDbtp) {

        /** The default true-peak ceiling, dBTP. */
        public static final double DEFAULT_CEILING = -1;

        /** Validates. */
        public Loudness {
            if (!(targetLufs >= -70 && targetLufs <= 0)) {
                throw new IllegalArgumentException("loudness target " + targetLufs + " LUFS is out of range (-70..0)");
            }
            if (!(truePeakDbtp >= -20 && truePeakDbtp <= 0)) {
                throw new IllegalArgumentException("true-peak ceiling " + truePeakDbtp
                        + " dBTP is out of range (-20..0)");
            }
        }
    }

    /** Settings without loudness normalisation. */
    public ExportSettings(Path output, String codec, String encoder, int crf, long bitrate, String preset,
            int keyframeInterval, int width, int height, long firstFrame, long frames, Duration stallTimeout,
            boolean audio, boolean qc, QcOptions qcOptions) {
        this(output, codec, encoder, crf, bitrate, preset, keyframeInterval, width, height, firstFrame, frames,
                stallTimeout, audio, qc, qcOptions, null);
    }

    /** Settings with FFmpeg's default QC thresholds, as before 0.2. */
    public ExportSettings(Path output, String codec, String encoder, int crf, long bitrate, String preset,
            int keyframeInterval, int width, int height, long firstFrame, long frames, Duration stallTimeout,
            boolean audio, boolean qc) {
        this(output, codec, encoder, crf, bitrate, preset, keyframeInterval, width, height, firstFrame, frames,
                stallTimeout, audio, qc, null, null);
    }

    /** Defaults for {@code output}: container default codec, automatic encoder, default quality, whole timeline. */
    public static ExportSettings to(Path output) {
        return new ExportSettings(output, null, "auto", -1, 0, null, 0, 0, 0, 0, -1, Duration.ofSeconds(60), true,
                true, null, null);
    }

    /**
     * The container (FFmpeg muxer) named by the output's extension: {@code mp4}, {@code mov}, {@code matroska},
     * {@code webm}, {@code gif}; audio only: {@code ipod} (.m4a), {@code wav}, {@code flac}, {@code opus}, {@code ogg}.
     */
    public String container() {
        String n = output.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        return switch (ext) {
            case "mp4", "m4v" -> "mp4";
            case "mov" -> "mov";
            case "mkv" -> "matroska";
            case "webm" -> "webm";
            case "gif" -> "gif";
            case "m4a" -> "ipod";
            case "wav" -> "wav";
            case "flac" -> "flac";
            case "opus" -> "opus";
            case "ogg", "oga" -> "ogg";
            default -> throw new IllegalArgumentException(output + ": unknown container '." + ext
                    + "' (use .mp4, .mov, .mkv, .webm or .gif; for audio only .m4a, .wav, .flac, .opus or .ogg)");
        };
    }

    /**
     * Whether the container holds audio only ({@code .m4a} AAC, {@code .wav} 16-bit PCM, {@code .flac},
     * {@code .opus}/{@code .ogg} Opus): only the timeline's audio is exported. A timeline without pictures (clips of
     * audio-only files) also exports audio only, to any container but GIF.
     */
    public boolean audioOnlyContainer() {
        return switch (container()) {
            case "ipod", "wav", "flac", "opus", "ogg" -> true;
            default -> false;
        };
    }

    /** The codec to use: the one set, else {@code vp9} for WebM, {@code gif} for GIF and {@code h264} otherwise. */
    public String effectiveCodec() {
        if (codec != null) {
            return codec;
        }
        return switch (container()) {
            case "webm" -> "vp9";
            case "gif" -> "gif";
            default -> "h264";
        };
    }

    /**
     * The rule for 4:2:0 output, which needs even sizes: an odd width or height is rounded down by one pixel and the
     * timeline is rendered at that size (scaled by at most one pixel), never padded.
     */
    public static int evenSize(int size) {
        return size & ~1;
    }

    public ExportSettings withCodec(String c) {
        return new ExportSettings(output, c, encoder, crf, bitrate, preset, keyframeInterval, width, height,
                firstFrame, frames, stallTimeout, audio, qc, qcOptions, loudness);
    }

    public ExportSettings withEncoder(String e) {
        return new ExportSettings(output, codec, e == null ? "auto" : e, crf, bitrate, preset, keyframeInterval,
                width, height, firstFrame, frames, stallTimeout, audio, qc, qcOptions, loudness);
    }

    public ExportSettings withCrf(int q) {
        return new ExportSettings(output, codec, encoder, q, bitrate, preset, keyframeInterval, width, height,
                firstFrame, frames, stallTimeout, audio, qc, qcOptions, loudness);
    }

    public ExportSettings withBitrate(long bps) {
        return new ExportSettings(output, codec, encoder, crf, bps, preset, keyframeInterval, width, height,
                firstFrame, frames, stallTimeout, audio, qc, qcOptions, loudness);
    }

    public ExportSettings withPreset(String p) {
        return new ExportSettings(output, codec, encoder, crf, bitrate, p, keyframeInterval, width, height,
                firstFrame, frames, stallTimeout, audio, qc, qcOptions, loudness);
    }

    public ExportSettings withKeyframeInterval(int k) {
        return new ExportSettings(output, codec, encoder, crf, bitrate, preset, k, width, height, firstFrame, frames,
                stallTimeout, audio, qc, qcOptions, loudness);
    }

    public ExportSettings withSize(int w, int h) {
        return new ExportSettings(output, codec, encoder, crf, bitrate, preset, keyframeInterval, w, h, firstFrame,
                frames, stallTimeout, audio, qc, qcOptions, loudness);
    }

    public ExportSettings withRange(long first, long count) {
        return new ExportSettings(output, codec, encoder, crf, bitrate, preset, keyframeInterval, width, height,
                first, count, stallTimeout, audio, qc, qcOptions, loudness);
    }

    public ExportSettings withStallTimeout(Duration d) {
        return new ExportSettings(output, codec, encoder, crf, bitrate, preset, keyframeInterval, width, height,
                firstFrame, frames, d, audio, qc, qcOptions, loudness);
    }

    /** With or without QC of the encoded frames (report beside the output). */
    public ExportSettings withQc(boolean on) {
        return new ExportSettings(output, codec, encoder, crf, bitrate, preset, keyframeInterval, width, height,
                firstFrame, frames, stallTimeout, audio, on, qcOptions, loudness);
    }

    /** With these QC thresholds (a preset and/or single values; see {@link QcOptions}). */
    public ExportSettings withQcOptions(QcOptions o) {
        return new ExportSettings(output, codec, encoder, crf, bitrate, preset, keyframeInterval, width, height,
                firstFrame, frames, stallTimeout, audio, qc, o, loudness);
    }

    public ExportSettings withAudio(boolean on) {
        return new ExportSettings(output, codec, encoder, crf, bitrate, preset, keyframeInterval, width, height,
                firstFrame, frames, stallTimeout, on, qc, qcOptions, loudness);
    }

    /** With loudness normalisation to {@code targetLufs} and the default -1 dBTP ceiling; NaN: none. */
    public ExportSettings withLoudness(double targetLufs) {
        return withLoudness(Double.isNaN(targetLufs) ? null : new Loudness(targetLufs, Loudness.DEFAULT_CEILING));
    }

    /** With this loudness normalisation (null: none). */
    public ExportSettings withLoudness(Loudness l) {
        return new ExportSettings(output, codec, encoder, crf, bitrate, preset, keyframeInterval, width, height,
                firstFrame, frames, stallTimeout, audio, qc, qcOptions, l);
    }

    /** Whether the user named the encoder (no automatic fallback then). */
    public boolean encoderPinned() {
        return encoder != null && !encoder.equals("auto");
    }
}
