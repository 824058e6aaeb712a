package org.lumaflow.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lumaflow.export.tests.Tones.RATE;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;
import org.lumaflow.export.ExportSettings;

/**
 * The mix through the real exporter: constant (DC) sources make every output sample a known product of gains, so
 * gain, keyframes, fades, crossfades, pan, mute and solo are checked sample by sample on the decoded 16-bit WAV
 * (tolerance: 16-bit quantisation).
 */
class AudioMixTest {

    private static final float Q = 2.5e-4f;

    @TempDir
    Path dir;

    @BeforeAll
    static void services() throws Exception {
        ExportTest.services();
    }

    private float[][] exportWav(Timeline tl, double seconds) throws Exception {
        Path out = dir.resolve("mix.wav");
        Tones.export(tl, dir, ExportSettings.to(out), new ArrayList<>());
        return Tones.read(out, 0, (int) Math.round(seconds * RATE));
    }

    @Test
    void gainMinus6dbHalvesTheAmplitudeAndKeysRamp() throws Exception {
        Tones.make(dir, "dc.wav", "0.5", 2);
        Timeline tl = Tones.timeline();
        Clip a = Tones.clip("a", "dc.wav", 0, 1);
        a.audio().setGainDb(20 * Math.log10(0.5)); // -6.02 dB
        Clip b = Tones.clip("b", "dc.wav", 1, 1);
        // keys in clip time (in + t - start): 0 dB at 0 s, -20 dB at 1 s, linear in dB
        b.audio().setGainKeys(new Animation(List.of(Keyframe.of(0, 0, Interpolation.LINEAR),
                Keyframe.of(Tones.ticks(1), -20, Interpolation.LINEAR))));
        Tones.audioTrack(tl, "A1", a, b);
        float[][] x = exportWav(tl, 2);
        for (int i = 0; i < RATE; i += 97) {
            assertEquals(0.25f, x[0][i], Q, "sample " + i);
            assertEquals(0.25f, x[1][i], Q, "sample " + i);
        }
        for (int i = 0; i < RATE; i += 101) {
            double db = -20.0 * i / RATE;
            assertEquals(0.5 * Math.pow(10, db / 20), x[0][RATE + i], 1e-3, "key gain at " + i);
        }
    }

    @Test
    void fadesFollowAQuarterSine() throws Exception {
        Tones.make(dir, "dc.wav", "0.5", 2);
        Timeline tl = Tones.timeline();
        Clip a = Tones.clip("a", "dc.wav", 0, 2);
        a.audio().setFades(Tones.ticks(0.5), Tones.ticks(0.25));
        Tones.audioTrack(tl, "A1", a);
        float[][] x = exportWav(tl, 2);
        int fin = RATE / 2;
        int fout = RATE / 4;
        for (int i = 0; i < fin; i += 37) {
            assertEquals(0.5 * Math.sin(Math.PI / 2 * i / fin), x[0][i], Q, "fade in at " + i);
        }
        assertEquals(0.5f, x[0][RATE], Q, "full level between the fades");
        for (int i = 2 * RATE - fout; i < 2 * RATE; i += 37) {
            assertEquals(0.5 * Math.sin(Math.PI / 2 * (2 * RATE - i) / fout), x[1][i], Q, "fade out at " + i);
        }
    }

    @Test
    void crossfadeIsEqualPower() throws Exception {
        Tones.make(dir, "a.wav", "0.5", 2);
        Tones.make(dir, "b.wav", "0.25", 2);
        Timeline tl = Tones.timeline();
        Clip a = Tones.clip("a", "a.wav", 0, 1.5);
        Clip b = Tones.clip("b", "b.wav", 1, 1);
        Track t = Tones.audioTrack(tl, "A1", a, b);
        t.transitions().add(new Transition("a", "b", new GraphNode("x", "core.dissolve")));
        assertTrue(tl.validate().isEmpty(), tl.validate().toString());
        float[][] x = exportWav(tl, 2);
        assertEquals(0.5f, x[0][RATE / 2], Q);
        int n = RATE / 2;
        for (int i = 0; i < n; i += 41) {
            double u = Math.PI / 2 * i / n;
            assertEquals(0.5 * Math.cos(u) + 0.25 * Math.sin(u), x[0][RATE + i], Q, "crossfade at " + i);
        }
        assertEquals(0.25f, x[0][RATE * 3 / 2 + 100], Q, "the later clip alone after the overlap");
    }

    @Test
    void panIsConstantPowerAndVolumeIsDb() throws Exception {
        Tones.make(dir, "dc.wav", "0.25", 1);
        Timeline tl = Tones.timeline();
        Track t = Tones.audioTrack(tl, "A1", Tones.clip("a", "dc.wav", 0, 1));
        t.setPan(-0.5);
        t.setVolumeDb(-6);
        float[][] x = exportWav(tl, 1);
        double v = 0.25 * Math.pow(10, -6 / 20.0);
        double th = (t.pan() + 1) * Math.PI / 4;
        double l = v * Math.sqrt(2) * Math.cos(th);
        double r = v * Math.sqrt(2) * Math.sin(th);
        assertEquals(l, x[0][1000], Q);
        assertEquals(r, x[1][1000], Q);
        assertEquals(2 * v * v, l * l + r * r, 1e-9, "the power of the centre");
    }

    @Test
    void muteSoloAndDisabledClips() throws Exception {
        Tones.make(dir, "a.wav", "0.1", 1);
        Tones.make(dir, "b.wav", "0.2", 1);
        Tones.make(dir, "c.wav", "0.4", 1);
        Timeline tl = Tones.timeline();
        Track ta = Tones.audioTrack(tl, "A1", Tones.clip("a", "a.wav", 0, 1));
        Track tb = Tones.audioTrack(tl, "A2", Tones.clip("b", "b.wav", 0, 1));
        Track tc = Tones.audioTrack(tl, "A3", Tones.clip("c", "c.wav", 0, 1));
        assertEquals(0.7f, exportWav(tl, 1)[0][500], Q, "all three");
        tb.setMuted(true);
        assertEquals(0.5f, exportWav(tl, 1)[0][500], Q, "A2 muted");
        tc.clips().get(0).audio().setMuted(true);
        assertEquals(0.1f, exportWav(tl, 1)[0][500], Q, "and the clip on A3 muted");
        tc.clips().get(0).audio().setMuted(false);
        tc.clips().get(0).setEnabled(false);
        assertEquals(0.1f, exportWav(tl, 1)[0][500], Q, "the clip on A3 disabled");
        tc.clips().get(0).setEnabled(true);
        tb.setSolo(true);
        tc.setSolo(true);
        assertEquals(0.4f, exportWav(tl, 1)[0][500], Q, "A2 (muted) and A3 soloed: A3 only");
        ta.setSolo(true);
        assertEquals(0.5f, exportWav(tl, 1)[0][500], Q, "A1 soloed too");
    }

    @Test
    void audioTrackUnderAPictureIsMixedIntoTheVideoExport() throws Exception {
        Tones.make(dir, "tone.wav", "0.5*sin(2*PI*1000*t)", 1);
        Timeline tl = Tones.timeline();
        Track v = new Track("V1");
        v.clips().add(new Clip("bg", new GraphNode("bg", "core.solid"), 0, 0, Tones.ticks(1)));
        tl.tracks().add(v);
        Tones.audioTrack(tl, "A1", Tones.clip("t", "tone.wav", 0, 1));
        Path out = dir.resolve("picture.mkv");
        Tones.export(tl, dir, ExportSettings.to(out).withQc(false), new ArrayList<>());
        var info = ExportTest.media.probe(out);
        assertEquals(1, info.video().size());
        assertEquals(1, info.audio().size());
        float[][] x = Tones.read(out, 4800, 38400);
        assertEquals(1000, Tones.frequency(x[0], 0, x[0].length), 2);
        assertEquals(0.5 / Math.sqrt(2), Tones.rms(x[0], 0, x[0].length), 0.01, "AAC keeps the level");
    }
}
