package org.lumaflow.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lumaflow.export.tests.Tones.RATE;

import java.nio.file.Path;
import java.util.ArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Retime;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.export.ExportSettings;

/**
 * Speed on audio through the real exporter: the source is 1 s of a 1 kHz sine (amplitude 0.5) followed by 1 s of
 * silence, so a clip's tone shows both its pitch (zero crossings) and how long the source second lasts.
 */
class AudioSpeedTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void services() throws Exception {
        ExportTest.services();
    }

    /** The first 2 s of a timeline holding a 2 s clip of the file at {@code retime}. */
    private float[] play(String src, Retime retime) throws Exception {
        return play(src, retime, 2);
    }

    /** A clip of {@code seconds} at {@code retime}; the first 2 s of the export. */
    private float[] play(String src, Retime retime, double seconds) throws Exception {
        Timeline tl = Tones.timeline();
        Clip c = Tones.clip("c", src, 0, seconds);
        c.setRetime(retime);
        Tones.audioTrack(tl, "A1", c);
        Path out = dir.resolve("speed.wav");
        Tones.export(tl, dir, ExportSettings.to(out), new ArrayList<>());
        return Tones.read(out, 0, 2 * RATE)[0];
    }

    private void tone() throws Exception {
        Tones.make(dir, "tone.wav", "0.5*sin(2*PI*1000*t)*lt(t,1)", 4);
    }

    /** Seconds of sound: the last 10 ms window whose RMS passes 0.05. */
    private static double soundEnds(float[] x) {
        int w = RATE / 100;
        double end = 0;
        for (int i = 0; i + w <= x.length; i += w) {
            if (Tones.rms(x, i, i + w) > 0.05) {
                end = (i + w) / (double) RATE;
            }
        }
        return end;
    }

    @Test
    void doubleSpeedKeepingPitchStays1kHzAndLastsHalf() throws Exception {
        tone();
        float[] x = play("tone.wav", new Retime(2, Retime.Frames.NEAREST, true));
        assertEquals(1000, Tones.frequency(x, RATE / 20, RATE * 9 / 20), 3, "pitch kept");
        assertEquals(0.5, soundEnds(x), 0.03, "the second of tone lasts half a second");
        assertEquals(0.5 / Math.sqrt(2), Tones.rms(x, RATE / 20, RATE * 9 / 20), 0.03, "level kept");
    }

    @Test
    void doubleSpeedShiftingPitchBecomes2kHz() throws Exception {
        tone();
        float[] x = play("tone.wav", new Retime(2, Retime.Frames.NEAREST, false));
        assertEquals(2000, Tones.frequency(x, RATE / 20, RATE * 9 / 20), 3, "pitch doubled");
        assertEquals(0.5, soundEnds(x), 0.02);
    }

    @Test
    void halfSpeedKeepingAndShiftingPitch() throws Exception {
        tone();
        float[] kept = play("tone.wav", new Retime(0.5, Retime.Frames.NEAREST, true));
        assertEquals(1000, Tones.frequency(kept, RATE / 10, RATE * 19 / 10), 3);
        assertEquals(2.0, soundEnds(kept), 0.03, "the second of tone lasts two");
        float[] shifted = play("tone.wav", new Retime(0.5, Retime.Frames.NEAREST, false));
        assertEquals(500, Tones.frequency(shifted, RATE / 10, RATE * 19 / 10), 2);
    }

    @Test
    void tripleSpeedKeepsPitchBeyondTwo() throws Exception {
        tone();
        float[] x = play("tone.wav", new Retime(3, Retime.Frames.NEAREST, true));
        assertEquals(1000, Tones.frequency(x, RATE / 50, RATE * 3 / 10), 3);
        assertEquals(1 / 3.0, soundEnds(x), 0.03);
    }

    @Test
    void reversePlaysBackwardsAndFreezeIsSilent() throws Exception {
        // 0..1 s: 1 kHz, 1..2 s: 2 kHz; backwards the 2 kHz half comes first
        Tones.make(dir, "two.wav", "0.5*sin(2*PI*(1000+1000*gte(t,1))*t)", 2);
        float[] x = play("two.wav", new Retime(-1, Retime.Frames.NEAREST, true));
        assertEquals(2000, Tones.frequency(x, RATE / 10, RATE * 9 / 10), 3);
        assertEquals(1000, Tones.frequency(x, RATE * 11 / 10, RATE * 19 / 10), 3);
        float[] fast = play("two.wav", new Retime(-2, Retime.Frames.NEAREST, true), 1);
        assertEquals(2000, Tones.frequency(fast, RATE / 10, RATE * 4 / 10), 3, "reverse at 2x, pitch kept");
        assertEquals(1000, Tones.frequency(fast, RATE * 6 / 10, RATE * 9 / 10), 3);
        Timeline tl = Tones.timeline();
        Clip frozen = Tones.clip("f", "two.wav", 0, 2);
        frozen.setRetime(Retime.freeze());
        Tones.audioTrack(tl, "A1", frozen, Tones.clip("after", "two.wav", 2, 0.5));
        Path out = dir.resolve("freeze.wav");
        Tones.export(tl, dir, ExportSettings.to(out), new ArrayList<>());
        float[] y = Tones.read(out, 0, 2 * RATE + RATE / 2)[0];
        assertTrue(Tones.rms(y, 0, 2 * RATE) < 1e-4, "a freeze frame is silent");
        assertEquals(1000, Tones.frequency(y, 2 * RATE + 100, 2 * RATE + RATE / 2), 3, "the next clip plays");
    }
}
