package org.lumaflow.qc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.qc.QcOptions;

/** Thresholds by FFmpeg's names and units, presets, and the errors for bad values. */
class QcOptionsTest {

    @Test
    void defaultsAreFFmpegs() {
        QcOptions d = QcOptions.defaults();
        assertEquals("default", d.preset());
        assertEquals(new QcOptions(0.10, 0.98, 2.0, -60, 2.0, 10, 0.01, -60, 2.0, true, "default"), d);
        assertEquals("2", d.format("blackdetect.d"));
        assertEquals("0.1", d.format("blackdetect.pix_th"));
        assertEquals("-60dB", d.format("freezedetect.n"));
        assertEquals(List.of(), d.changedFromPreset());
    }

    @Test
    void durationsInFFmpegsSyntax() {
        QcOptions d = QcOptions.defaults();
        assertEquals(0.5, d.with("blackdetect.d", "0.5").blackMinSeconds());
        assertEquals(0.5, d.with("blackdetect.d", "500ms").blackMinSeconds(), 1e-12);
        assertEquals(0.25, d.with("freezedetect.d", "250000us").freezeMinSeconds(), 1e-12);
        assertEquals(1.5, d.with("silencedetect.d", "1.5s").silenceMinSeconds());
        assertEquals(90.5, d.with("silencedetect.d", "01:30.5").silenceMinSeconds(), 1e-12);
        assertEquals(3723, d.with("blackdetect.d", "1:02:03").blackMinSeconds(), 1e-12);
        assertEquals(0, d.with("blackdetect.d", "0").blackMinSeconds());
    }

    @Test
    void noiseAsRatioOrDecibels() {
        QcOptions d = QcOptions.defaults();
        assertEquals(-50, d.with("freezedetect.n", "-50dB").freezeNoiseDb());
        assertEquals(-50, d.with("freezedetect.n", "-50 db").freezeNoiseDb());
        assertEquals(-40, d.with("silencedetect.n", "0.01").silenceDb(), 1e-9);
        assertEquals(-60, d.with("silencedetect.n", "0.001").silenceDb(), 1e-9);
        assertEquals(0, d.with("silencedetect.n", "1").silenceDb());
        assertEquals("-40dB", d.with("silencedetect.n", "0.01").format("silencedetect.n"));
    }

    @Test
    void presetsAndWhatChanged() {
        assertEquals(List.of("default", "broadcast", "strict"), List.copyOf(QcOptions.presets().keySet()));
        QcOptions b = QcOptions.preset("Broadcast");
        assertEquals("broadcast", b.preset());
        assertEquals(0.5, b.blackMinSeconds());
        assertEquals(0.5, b.freezeMinSeconds());
        assertEquals(0.5, b.silenceMinSeconds());
        QcOptions changed = b.with("blackdetect.d", "0.3").with("scdet.threshold", "12").withoutAudio();
        assertEquals("broadcast", changed.preset());
        assertEquals(List.of("blackdetect.d", "scdet.threshold"), changed.changedFromPreset());
        assertEquals(List.of(), new QcOptions(0.1, 0.98, 1, -60, 1, 10, 0.01, -60, 1, true).changedFromPreset(),
                "custom values have no preset to differ from");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QcOptions.preset("tv"));
        assertEquals("unknown QC preset 'tv' (available: default, broadcast, strict)", e.getMessage());
    }

    @Test
    void badValuesNameTheKeyAndTheRange() {
        QcOptions d = QcOptions.defaults();
        String[][] bad = {
            {"blackdetect.d", "abc", "a duration from 0 to 86400 s"},
            {"blackdetect.d", "-1", "a duration from 0 to 86400 s"},
            {"blackdetect.d", "90000", "a duration from 0 to 86400 s"},
            {"freezedetect.d", "1:75", "a duration"},
            {"blackdetect.pix_th", "1.1", "a fraction of the luma range from 0 to 1"},
            {"blackdetect.pic_th", "NaN", "a fraction of the picture from 0 to 1"},
            {"freezedetect.n", "0", "an amplitude ratio above 0 and up to 1, or a level in dB up to 0dB"},
            {"freezedetect.n", "2", "an amplitude ratio above 0"},
            {"silencedetect.n", "3dB", "a level in dB up to 0dB"},
            {"scdet.threshold", "100.5", "a scene score from 0 to 100"},
            {"clipping.ratio", "-0.1", "a fraction of the picture from 0 to 1"}};
        for (String[] b : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.with(b[0], b[1]),
                    b[0] + "=" + b[1]);
            assertTrue(e.getMessage().startsWith(b[0] + ": '" + b[1] + "' is not ") && e.getMessage().contains(b[2]),
                    e.getMessage());
        }
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> d.with("blackdetect.x", "1"));
        assertTrue(k.getMessage().contains("unknown QC threshold 'blackdetect.x'") && k.getMessage().contains(
                "blackdetect.pix_th"), k.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new QcOptions(0.1, 0.98, -2, -60, 2, 10, 0.01, -60, 2,
                true));
    }
}
