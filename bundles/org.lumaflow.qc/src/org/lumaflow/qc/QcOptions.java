package org.lumaflow.qc;

/**
 * Detector settings; the defaults are FFmpeg's ({@code blackdetect}, {@code freezedetect}, {@code scdet},
 * {@code silencedetect}) so reports can be compared with theirs.
 *
 * @param blackPixel       a pixel is black at or below this fraction of the luma range (0.10)
 * @param blackPicture     a frame is black when at least this fraction of its pixels is (0.98)
 * @param blackMinSeconds  shortest black segment reported (2.0)
 * @param freezeNoiseDb    frames differing from the freeze start by less than this (mean absolute difference, dB of
 *                         full scale) are frozen (-60)
 * @param freezeMinSeconds shortest freeze reported (2.0)
 * @param sceneThreshold   scene-change score (0..100) at or above which a frame starts a new scene (10)
 * @param clipFraction     a frame clips when at least this fraction of its luma is at 0/255 or beyond 16..235 (0.01)
 * @param silenceDb        audio below this level on every channel is silent (-60)
 * @param silenceMinSeconds shortest silence reported (2.0)
 * @param audio            measure loudness and silence when the source has audio
 */
public record QcOptions(double blackPixel, double blackPicture, double blackMinSeconds, double freezeNoiseDb,
        double freezeMinSeconds, double sceneThreshold, double clipFraction, double silenceDb,
        double silenceMinSeconds, boolean audio) {

    /** The same settings without the audio measurements. */
    public QcOptions withoutAudio() {
        return new QcOptions(blackPixel, blackPicture, blackMinSeconds, freezeNoiseDb, freezeMinSeconds,
                sceneThreshold, clipFraction, silenceDb, silenceMinSeconds, false);
    }

    /** FFmpeg's defaults. */
    public static QcOptions defaults() {
        return new QcOptions(0.10, 0.98, 2.0, -60, 2.0, 10, 0.01, -60, 2.0, true);
    }
}
