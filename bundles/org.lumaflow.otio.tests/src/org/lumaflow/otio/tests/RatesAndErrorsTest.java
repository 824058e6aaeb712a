package org.lumaflow.otio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.core.time.Timecode;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.otio.Otio;
import org.lumaflow.otio.OtioImport;

/** RationalTimes at odd rates convert with the time model's rounding; bad files fail naming the file and place. */
class RatesAndErrorsTest {

    @TempDir
    Path dir;

    static String rt(String value, String rate) {
        return "{\"OTIO_SCHEMA\": \"RationalTime.1\", \"rate\": " + rate + ", \"value\": " + value + "}";
    }

    static String range(String start, String dur, String rate) {
        return "{\"OTIO_SCHEMA\": \"TimeRange.1\", \"start_time\": " + rt(start, rate) + ", \"duration\": "
                + rt(dur, rate) + "}";
    }

    static String clip(String name, String range) {
        return "{\"OTIO_SCHEMA\": \"Clip.2\", \"name\": \"" + name + "\", \"source_range\": " + range
                + ", \"media_references\": {}, \"active_media_reference_key\": \"DEFAULT_MEDIA\"}";
    }

    static String timeline(String start, String... tracks) {
        return "{\"OTIO_SCHEMA\": \"Timeline.1\", \"name\": \"t\", \"global_start_time\": " + start
                + ",\n \"tracks\": {\"OTIO_SCHEMA\": \"Stack.1\", \"children\": [\n" + String.join(",\n", tracks)
                + "]}}";
    }

    static String track(String kind, String... items) {
        return "{\"OTIO_SCHEMA\": \"Track.1\", \"kind\": \"" + kind + "\", \"name\": \"" + kind + "\",\n"
                + " \"children\": [\n" + String.join(",\n", items) + "]}";
    }

    Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void ntscRatesAsDoublesOrDecimalSpellingsAreExactFrames() throws Exception {
        for (String rate : new String[] {"23.976023976023978", "23.976"}) {
            Path p = file("r.otio", timeline("null", track("Video", clip("a", range("100", "48", rate)))));
            OtioImport in = Otio.read(p);
            Timeline tl = in.project().timeline();
            assertEquals(FrameRate.FPS_23_976, tl.format().rate(), rate);
            Clip a = tl.tracks().get(0).clips().get(0);
            assertEquals(FrameRate.FPS_23_976.frameToTicks(100), a.in(), rate);
            assertEquals(FrameRate.FPS_23_976.frameToTicks(48), a.duration(), rate);
            Path out = dir.resolve("r-out.otio");
            Otio.write(in.project(), out, null);
            assertNull(Trees.diff(Trees.read(p), Trees.read(out)), rate);
        }
    }

    @Test
    void dropFrameStartAudioSamplesAndPalRates() throws Exception {
        // 01:00:00;00 at 29.97 drop-frame is frame 107892; audio at 48000 Hz on a 25 fps timeline
        Path p = file("df.otio", timeline(rt("107892", "29.97"),
                track("Video", clip("v", range("0", "25", "25")), clip("half", range("0.5", "12.5", "25"))),
                track("Audio", clip("s", range("96000", "48000", "48000")))));
        OtioImport in = Otio.read(p);
        Timeline tl = in.project().timeline();
        assertEquals(FrameRate.FPS_29_97.frameToTicks(107892), tl.start());
        assertEquals("01:00:00;00", Timecode.format(FrameRate.FPS_29_97.ticksToFrame(tl.start(),
                java.math.RoundingMode.HALF_EVEN), FrameRate.FPS_29_97, true));
        assertEquals(FrameRate.FPS_29_97, tl.format().rate(), "the global start time's rate is the timeline's");
        Clip half = tl.tracks().get(0).clips().get(1);
        assertEquals(Ticks.PER_SECOND, half.start(), "after 25 frames at 25 fps");
        assertEquals(Ticks.PER_SECOND / 50, half.in(), "half a frame: exact in ticks");
        assertEquals(Ticks.PER_SECOND / 2, half.duration());
        Track audio = tl.tracks().get(1);
        assertEquals(Track.Kind.AUDIO, audio.kind());
        Clip s = audio.clips().get(0);
        assertEquals(2 * Ticks.PER_SECOND, s.in());
        assertEquals(Ticks.PER_SECOND, s.duration());
        Path out = dir.resolve("df-out.otio");
        Otio.write(in.project(), out, null);
        assertNull(Trees.diff(Trees.read(p), Trees.read(out)));
        String text = Files.readString(out);
        assertTrue(text.contains("\"rate\": 48000.0") && text.contains("\"value\": 96000.0"),
                "audio times go back at 48000: " + text);
    }

    @Test
    void nestedStacksFlattenWhenSimpleAndAreKeptOtherwise() throws Exception {
        String simple = "{\"OTIO_SCHEMA\": \"Stack.1\", \"name\": \"compound\", \"children\": ["
                + track("Video", clip("inner", range("5", "10", "24"))) + "]}";
        String twoTracks = "{\"OTIO_SCHEMA\": \"Stack.1\", \"name\": \"multi\", \"children\": ["
                + track("Video", clip("x", range("0", "6", "24"))) + ", "
                + track("Video", clip("y", range("0", "8", "24"))) + "]}";
        String warp = clip("slow", range("0", "12", "24")).replace("\"media_references\"",
                "\"effects\": [{\"OTIO_SCHEMA\": \"LinearTimeWarp.1\", \"effect_name\": \"\", \"time_scalar\": 0.5},"
                        + " {\"OTIO_SCHEMA\": \"Effect.1\", \"effect_name\": \"Blur\"}], \"media_references\"");
        Path p = file("nested.otio", timeline("null", track("Video", clip("a", range("0", "4", "24")), simple,
                twoTracks, warp)));
        OtioImport in = Otio.read(p);
        Track t = in.project().timeline().tracks().get(0);
        FrameRate r = FrameRate.FPS_24;
        assertEquals(4, t.clips().size());
        Clip inner = t.clips().get(1);
        assertEquals("inner", inner.name());
        assertEquals(r.frameToTicks(4), inner.start(), "flattened in place");
        assertEquals(r.frameToTicks(5), inner.in());
        Clip kept = t.clips().get(2);
        assertEquals(r.frameToTicks(14), kept.start());
        assertEquals(r.frameToTicks(8), kept.duration(), "a stack lasts as long as its longest track");
        assertTrue(kept.metadata().containsKey("otio.item"));
        Clip slow = t.clips().get(3);
        assertEquals(0.5, slow.retime().rate());
        assertTrue(in.report().notes().stream().anyMatch(n -> n.contains("[Blur]")), in.report().notes().toString());
        Path out = dir.resolve("nested-out.otio");
        Otio.write(in.project(), out, null);
        Object expected = Trees.read(p);
        // the documented normalisation: a simple nested stack comes back flattened
        String flat = Files.readString(p).replace(simple, clip("inner", range("5", "10", "24")));
        assertNull(Trees.diff(Trees.read(file("flat.otio", flat)), Trees.read(out)), String.valueOf(expected));
    }

    @Test
    void truncatedJsonNamesTheFileAndLine() throws Exception {
        String full = timeline("null", track("Video", clip("a", range("0", "10", "24"))));
        Path p = file("cut.otio", full.substring(0, full.length() / 2));
        ProjectException e = assertThrows(ProjectException.class, () -> Otio.read(p));
        assertTrue(e.getMessage().startsWith(p + ":"), e.getMessage());
        assertTrue(e.line() > 0 && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void unknownSchemaNamesThePlace() throws Exception {
        Path p = file("odd.otio", timeline("null", track("Video", clip("a", range("0", "10", "24")),
                "{\"OTIO_SCHEMA\": \"Hologram.1\", \"name\": \"h\"}")));
        ProjectException e = assertThrows(ProjectException.class, () -> Otio.read(p));
        assertEquals("tracks.children[0].children[1].OTIO_SCHEMA", e.field());
        assertTrue(e.getMessage().contains("unknown schema Hologram.1") && e.line() == 6, e.getMessage());
        Path newer = file("newer.otio", timeline("null", track("Video",
                clip("a", range("0", "10", "24")).replace("Clip.2", "Clip.7"))));
        e = assertThrows(ProjectException.class, () -> Otio.read(newer));
        assertTrue(e.getMessage().contains("schema Clip.7 is not supported"), e.getMessage());
    }

    @Test
    void negativeDurationNamesThePlace() throws Exception {
        Path p = file("neg.otio", timeline("null", track("Video", clip("a", range("0", "-10", "24")))));
        ProjectException e = assertThrows(ProjectException.class, () -> Otio.read(p));
        assertEquals("tracks.children[0].children[0].source_range.duration.value", e.field());
        assertTrue(e.getMessage().contains("negative duration") && e.line() == 5, e.getMessage());
        Path bad = file("rate.otio", timeline("null", track("Video", clip("a", range("0", "10", "0")))));
        e = assertThrows(ProjectException.class, () -> Otio.read(bad));
        assertTrue(e.getMessage().contains("rate") && e.getMessage().contains("must be positive"), e.getMessage());
        Path notOtio = file("x.otio", "{\"lumaflow\": 1}");
        e = assertThrows(ProjectException.class, () -> Otio.read(notOtio));
        assertTrue(e.getMessage().contains("expected an OTIO object"), e.getMessage());
    }
}
