package org.lumaflow.qc;

import java.util.List;
import java.util.Map;

/**
 * Detector thresholds; the defaults are FFmpeg's ({@code blackdetect}, {@code freezedetect}, {@code scdet},
 * {@code silencedetect}) so reports can be compared with theirs. Start from a named {@link #preset(String) preset}
 * and change single thresholds by their FFmpeg names with {@link #with(String, String)} (the {@link #KEYS}), which
 * accepts FFmpeg's units: durations as {@code 0.5}, {@code 500ms} or {@code 00:00:00.5}, noise as an amplitude ratio
 * ({@code 0.001}) or in dB ({@code -60dB}). Values out of range are refused with the accepted range.
 *
 * @param blackPixel        blackdetect {@code pix_th}: a pixel is black at or below this fraction of the luma range
 *                          (0.10)
 * @param blackPicture      blackdetect {@code pic_th}: a frame is black when at least this fraction of its pixels is
 *                          (0.98)
 * @param blackMinSeconds   blackdetect {@code d}: shortest black segment reported (2.0)
 * @param freezeNoiseDb     freezedetect {@code n} in dB: frames differing from the freeze start by less than this
 *                          (mean absolute difference, dB of full scale) are frozen (-60)
 * @param freezeMinSeconds  freezedetect {@code d}: shortest freeze reported (2.0)
 * @param sceneThreshold    scdet {@code threshold}: scene-change score (0..100) at or above which a frame starts a new
 *                          scene (10)
 * @param clipFraction      a frame clips when at least this fraction of its luma is at 0/255 or beyond 16..235 (0.01)
 * @param silenceDb         silencedetect {@code n} in dB: audio below this level on every channel is silent (-60)
 * @param silenceMinSeconds silencedetect {@code d}: shortest silence reported (2.0)
 * @param audio             measure loudness and silence when the source has audio
 * @param preset            the preset these values started from ({@link #presets()}), or {@code custom}
 * @since 0.2 (preset, keys, parsing)
 */
public record QcOptions(double blackPixel, double blackPicture, double blackMinSeconds, double freezeNoiseDb,
        double freezeMinSeconds, double sceneThreshold, double clipFraction, double silenceDb,
        double silenceMinSeconds, boolean audio, String preset) {

    /**
     * The thresholds by FFmpeg's filter and option names, in report order: {@code blackdetect.d},
     * {@code blackdetect.pix_th}, {@code blackdetect.pic_th}, {@code freezedetect.n}, {@code freezedetect.d},
     * {@code scdet.threshold}, {@code clipping.ratio} (ours: no FFmpeg filter), {@code silencedetect.n},
     * {@code silencedetect.d}.
     */
    public static final List<String> KEYS = Thresholds.KEYS;

    public QcOptions {
        preset = preset == null || preset.isBlank() ? "custom" : preset;
        Thresholds.check("blackdetect.pix_th", blackPixel);
        Thresholds.check("blackdetect.pic_th", blackPicture);
        Thresholds.check("blackdetect.d", blackMinSeconds);
        Thresholds.check("freezedetect.n", freezeNoiseDb);
        Thresholds.check("freezedetect.d", freezeMinSeconds);
        Thresholds.check("scdet.threshold", sceneThreshold);
        Thresholds.check("clipping.ratio", clipFraction);
        Thresholds.check("silencedetect.n", silenceDb);
        Thresholds.check("silencedetect.d", silenceMinSeconds);
    }

    /** Values without a preset name ({@code custom}), as before 0.2. */
    public QcOptions(double blackPixel, double blackPicture, double blackMinSeconds, double freezeNoiseDb,
            double freezeMinSeconds, double sceneThreshold, double clipFraction, double silenceDb,
            double silenceMinSeconds, boolean audio) {
        this(blackPixel, blackPicture, blackMinSeconds, freezeNoiseDb, freezeMinSeconds, sceneThreshold, clipFraction,
                silenceDb, silenceMinSeconds, audio, "custom");
    }

    /** The same settings without the audio measurements. */
    public QcOptions withoutAudio() {
        return new QcOptions(blackPixel, blackPicture, blackMinSeconds, freezeNoiseDb, freezeMinSeconds,
                sceneThreshold, clipFraction, silenceDb, silenceMinSeconds, false, preset);
    }

    /** FFmpeg's defaults (the {@code default} preset). */
    public static QcOptions defaults() {
        return Thresholds.preset("default");
    }

    /**
     * A named preset (case-insensitive): {@code default} (FFmpeg's), {@code broadcast} (0.5 s black, freeze and
     * silence), {@code strict} (0.1 s, clipping at 0.1 %).
     *
     * @throws IllegalArgumentException naming the preset and the available ones
     */
    public static QcOptions preset(String name) {
        return Thresholds.preset(name);
    }

    /** The presets' names with a one-line description each, in a stable order. */
    public static Map<String, String> presets() {
        return Thresholds.DESCRIPTIONS;
    }

    /**
     * These settings with one threshold set from text in FFmpeg's units (see the class comment); the preset name
     * stays, so reports can tell what was changed.
     *
     * @param key   one of {@link #KEYS}
     * @throws IllegalArgumentException naming the key, the value and the accepted range
     */
    public QcOptions with(String key, String value) {
        return Thresholds.with(this, key, value);
    }

    /** One threshold as text that {@link #with} reads back ({@code 0.5}, {@code -60dB}). */
    public String format(String key) {
        return Thresholds.format(this, key);
    }

    /** What {@code key} accepts, for messages and help: its unit, range and FFmpeg's default. */
    public static String accepted(String key) {
        return Thresholds.accepted(key);
    }

    /** The keys whose values differ from the named preset's (empty for an unknown preset such as {@code custom}). */
    public List<String> changedFromPreset() {
        return Thresholds.changed(this);
    }
}
