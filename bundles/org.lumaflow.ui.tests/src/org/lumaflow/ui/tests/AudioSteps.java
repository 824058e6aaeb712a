package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.ui.internal.audio.AudioPlayer;
import org.lumaflow.ui.internal.audio.LevelMeter;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.Edits;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.ViewerPart;
import org.lumaflow.ui.internal.parts.timeline.TimelineProbe;
import org.lumaflow.ui.internal.parts.viewer.ViewerStats;

/**
 * Audio in the studio, heard in a virtual sound card ({@link NullSink}: a private PulseAudio null sink whose
 * monitor is recorded). Before it exists playback ran silently with a one-line reason. A 1 kHz tone (-12 dBFS peak) on
 * a soloed audio track from frame 30 is played from 0: the capture holds the tone at its level and pitch without
 * dropouts, starting within {@value #AV_MS} ms of the moment the viewer showed frame 30; the meters read its peak and
 * RMS level. Stopped, moving the playhead plays an {@value AudioPlayer#SCRUB_MS} ms snippet. On the clip body the
 * waveform is drawn; dragging the gain line down sets the clip gain (undoable) and the next playback is quieter by that
 * much; dragging the fade-in handle sets a 15-frame fade. Everything is undone at the end.
 */
final class AudioSteps {

    /** Largest allowed distance between the tone's first sample in the sink and its frame on screen, ms. */
    static final int AV_MS = 100;
    private static final double TONE_PEAK_DB = -12.04;
    private static final double TONE_RMS_DB = -15.05;
    /** Where the tone starts: the demo's first seconds render fastest (later ones blur), so the picture keeps up. */
    private static final long TONE_FRAME = 10;

    private AudioSteps() {
    }

    static void run(Workbench wb, Studio studio, Path dir) throws Exception {
        AudioPlayer player = studio.attached(AudioPlayer.class);
        assertNotNull(player, "the viewer has no audio player");
        String before = player.status();
        System.out.println("studio UI test: sound before the sink exists: " + before);
        if (before != null) { // CI: no sound server until the sink below
            assertTrue(before.startsWith("No sound: ") && before.endsWith("playing silently")
                    && !before.contains("Exception") && !before.contains("\n"), "an unclear status: " + before);
        } else { // a desktop with its own sound server
            assertNotNull(player.device(), "neither sound nor a reason why not");
        }

        Path tone = Signal.toneWav(dir.resolve("tone-1k.wav"), 1000, 0.25, 4);
        FrameRate rate = studio.timeline().format().rate();
        long start = rate.frameToTicks(TONE_FRAME);
        Clip clip = new Clip("tone", new GraphNode("tone", "media.audio").set("file", tone.toString()), start, 0,
                rate.frameToTicks(TONE_FRAME + 90) - start);
        Track track = new Track("Tone", Track.Kind.AUDIO);
        track.setSolo(true);
        track.clips().add(clip);
        ViewerPart viewer = wb.part(studio, "org.lumaflow.ui.part.viewer", ViewerPart.class);
        wb.part(studio, "org.lumaflow.ui.part.timeline", Object.class);
        wb.run(() -> {
            studio.execute(new Edits.Simple("Add track 'Tone'", Change.TIMELINE,
                    () -> studio.timeline().tracks().add(track), () -> studio.timeline().tracks().remove(track)));
            studio.select("tone", null);
            studio.setPlayhead(0);
        });

        try (NullSink sink = NullSink.start()) {
            System.setProperty("lumaflow.audio.server", sink.server());
            sink.record();
            // play from 0 past the tone's first second and a half
            AtomicLong shownAt = new AtomicLong();
            AtomicLong shownFrame = new AtomicLong();
            Consumer<Change> watch = c -> {
                long f = studio.playhead();
                if (c == Change.PLAYHEAD && f >= TONE_FRAME && shownAt.get() == 0 && studio.transport().playing()) {
                    shownAt.set(System.nanoTime());
                    shownFrame.set(f);
                }
            };
            studio.addListener(watch);
            wb.key(' ', 0);
            assertTrue(wb.await(20, () -> studio.playhead() >= TONE_FRAME + 36), "playback did not reach frame "
                    + (TONE_FRAME + 36) + ": " + wb.ui(studio::playhead) + "; sound: " + player.status());
            player.updateMeter(System.nanoTime());
            LevelMeter m = player.meter();
            double[] levels = {m.peakDb(0), m.peakDb(1), m.rmsDb(0), m.rmsDb(1), m.holdDb(0)};
            ViewerStats stats = wb.ui(viewer::stats);
            wb.screenshot("30-audio-playing");
            wb.key('k', 0);
            assertTrue(wb.await(2, () -> !studio.transport().playing()), "K did not stop playback");
            studio.removeListener(watch);
            assertNull(player.status(), "sound failed: " + player.status());
            System.out.println(String.format("studio UI test: sound to %s; meters L/R peak %.2f/%.2f dBFS, RMS "
                    + "%.2f/%.2f dBFS, hold %.2f; viewer A/V offset %.1f ms (largest %.1f ms), %.1f fps, dropped %d, "
                    + "render %.1f ms",
                    player.device(), levels[0], levels[1], levels[2], levels[3], levels[4], stats.avOffsetMs(),
                    stats.avMaxMs(), stats.fps(), stats.dropped(), stats.renderMs()));
            for (int ch = 0; ch < 2; ch++) {
                assertEquals(TONE_PEAK_DB, levels[ch], 0.5, "meter peak of channel " + ch);
                assertEquals(TONE_RMS_DB, levels[2 + ch], 1.0, "meter RMS of channel " + ch);
            }

            // stopped: a playhead move plays a short snippet there
            Thread.sleep(400);
            wb.run(() -> studio.setPlayhead(TONE_FRAME + 20));
            Thread.sleep(700);

            // the gain line and the fade-in handle on the clip body
            TimelineProbe probe = wb.ui(() -> TimelineProbe.find(wb.display));
            assertNotNull(probe, "no timeline widget");
            assertTrue(wb.await(30, () -> probe.hasWaveform(clip)), "the tone's waveform was never drawn");
            wb.run(() -> studio.setPlayhead(0));
            int[] p = wb.ui(() -> probe.gainPoint(clip));
            assertEquals("GAIN", wb.ui(() -> probe.grab(clip, p[0], p[1])), "no gain line at " + p[0] + "," + p[1]);
            int y6 = wb.ui(() -> probe.gainY(clip, -6));
            double expectGain = wb.ui(() -> probe.gainAt(clip, y6));
            wb.run(() -> probe.drag(p[0], p[1], p[0], y6));
            double gain = wb.ui(() -> clip.audio().gainDb());
            assertEquals(expectGain, gain, 1e-9, "the gain line drag");
            assertTrue(gain <= -4.5 && gain >= -7.5, "gain after dragging to the -6 dB line: " + gain);
            assertTrue(wb.ui(() -> studio.edits().undoLabel()).startsWith("Clip gain 'tone'"),
                    wb.ui(() -> studio.edits().undoLabel()));
            wb.run(studio::undo);
            assertEquals(0.0, wb.ui(() -> clip.audio().gainDb()), 1e-9, "undo of the gain");
            wb.run(studio::redo);
            assertEquals(gain, wb.ui(() -> clip.audio().gainDb()), 1e-9, "redo of the gain");

            // played again, the tone is quieter by the gain
            wb.run(() -> studio.setPlayhead(0));
            Thread.sleep(300);
            wb.key(' ', 0);
            assertTrue(wb.await(20, () -> studio.playhead() >= TONE_FRAME + 30), "the second playback stalled");
            wb.key('k', 0);
            assertTrue(wb.await(2, () -> !studio.transport().playing()), "K did not stop playback");
            Thread.sleep(400);

            int[] h = wb.ui(() -> probe.fadeInHandle(clip));
            assertEquals("FADE_IN", wb.ui(() -> probe.grab(clip, h[0], h[1])), "no fade-in handle");
            int to = wb.ui(() -> probe.x(start + rate.frameToTicks(15)));
            wb.run(() -> probe.drag(h[0], h[1], to, h[1]));
            assertEquals(rate.frameToTicks(15), (long) wb.ui(() -> clip.audio().fadeIn()), "the fade-in drag");
            assertTrue(wb.ui(() -> studio.edits().undoLabel()).startsWith("Fade in 'tone'"));
            wb.run(() -> wb.display.setCursorLocation(1, 1));
            Thread.sleep(300);
            wb.screenshot("31-audio-gain-and-fade");

            float[][] cap = sink.channels();
            check(sink, cap, shownAt.get(), shownFrame.get(), rate, gain);
        } finally {
            System.clearProperty("lumaflow.audio.server");
            wb.run(() -> {
                studio.undo(); // fade
                studio.undo(); // gain
                studio.undo(); // track
            });
        }
        assertNull(wb.ui(() -> studio.findClip("tone")), "undo left the tone track");
    }

    private static void check(NullSink sink, float[][] cap, long shownAt, long shownFrame, FrameRate rate,
            double gain) {
        List<Signal.Burst> bursts = Signal.bursts(cap[0], -40, 30);
        System.out.println("studio UI test: sink capture " + cap[0].length / 48 + " ms, bursts (ms) " + bursts.stream()
                .map(b -> b.start() / 48 + "+" + b.length() / 48).toList());
        int i = 0;
        while (i < bursts.size() && bursts.get(i).length() < 48_000 / 2) {
            i++;
        }
        assertTrue(i + 2 < bursts.size(), "expected the tone, a scrub snippet and the tone again: " + bursts);
        Signal.Burst play = bursts.get(i);
        Signal.Burst scrub = bursts.get(i + 1);
        Signal.Burst again = bursts.get(i + 2);
        for (int ch = 0; ch < 2; ch++) {
            float[] x = cap[ch];
            double rms = Signal.dbfs(Signal.rms(x, play.start() + 4800, play.start() + 43_200));
            double hz = Signal.frequency(x, play.start() + 4800, play.start() + 43_200);
            double dip = Signal.quietestWindowDb(x, play.start() + 480, play.end() - 480);
            System.out.println(String.format("studio UI test: channel %d in the sink: %.2f dBFS RMS, %.1f Hz, "
                    + "quietest 5 ms %.1f dBFS", ch, rms, hz, dip));
            assertEquals(TONE_RMS_DB, rms, 0.5, "level of the tone in the sink, channel " + ch);
            assertEquals(1000, hz, 2, "pitch of the tone in the sink, channel " + ch);
            assertTrue(dip > TONE_RMS_DB - 6, "a dropout in the played tone: " + dip + " dBFS");
            double again0 = Signal.dbfs(Signal.rms(x, again.start() + 4800, again.start() + 28_800));
            assertEquals(TONE_RMS_DB + gain, again0, 0.5, "level after the gain edit, channel " + ch);
        }
        assertTrue(scrub.length() >= 48 * 50 && scrub.length() <= 48 * 110, "scrub snippet length "
                + scrub.length() / 48 + " ms");
        // when the tone began in the sink against when the viewer showed its first frame
        assertTrue(shownAt != 0, "the viewer never showed frame " + TONE_FRAME);
        double frameMs = 1000 / rate.toDouble();
        double shownToneMs = shownAt / 1e6 - (shownFrame - TONE_FRAME) * frameMs;
        double heardMs = sink.nanosOf(play.start()) / 1e6;
        double av = heardMs - shownToneMs;
        System.out.println(String.format("studio UI test: A/V in the sink: the tone began %.1f ms %s the viewer showed "
                + "frame %d (shown frame %d)", Math.abs(av), av >= 0 ? "after" : "before", TONE_FRAME, shownFrame));
        assertTrue(Math.abs(av) <= AV_MS, "sound and picture apart by " + av + " ms");
    }
}
