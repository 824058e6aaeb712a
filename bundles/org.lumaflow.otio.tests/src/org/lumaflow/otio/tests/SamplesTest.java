package org.lumaflow.otio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;
import org.lumaflow.otio.OfflineMedia;
import org.lumaflow.otio.Otio;
import org.lumaflow.otio.OtioImport;
import org.lumaflow.testsupport.OsgiTests;
import org.lumaflow.testsupport.SharedData;
import org.osgi.framework.BundleContext;

/** The real OpenTimelineIO sample timelines: they open (offline media reported), render and export. */
class SamplesTest {

    static final FrameRate R24 = FrameRate.FPS_24;
    @TempDir
    static Path dir;
    static Engine engine;

    @BeforeAll
    static void services() throws Exception {
        BundleContext bc = OsgiTests.startAll(SamplesTest.class);
        engine = OsgiTests.service(bc, Engine.class);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((engine.registry().snapshot().type("core.text") == null
                || engine.registry().snapshot().type("core.dissolve") == null) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    static long f(long frames) {
        return R24.frameToTicks(frames);
    }

    static Path sample(String name) {
        return SharedData.file("otio/" + name);
    }

    @Test
    void clipExampleKeepsTheOfflineClipAndTheGaps() throws Exception {
        OtioImport in = Otio.read(sample("clip_example.otio"));
        Timeline tl = in.project().timeline();
        assertEquals("transition_test", in.project().name());
        assertEquals(R24, tl.format().rate());
        assertEquals(1, tl.tracks().size());
        Track t = tl.tracks().get(0);
        assertEquals(1, t.clips().size());
        Clip c = t.clips().get(0);
        assertEquals("Clip-001", c.name());
        assertEquals(f(8), c.start(), "after Gap A (8 frames)");
        assertEquals(f(3), c.in());
        assertEquals(f(3), c.duration());
        assertEquals(List.of(), t.transitions(), "the dissolve touches Gap B: kept, not rendered");
        assertEquals(1, in.report().offline().size());
        OfflineMedia m = in.report().offline().get(0);
        assertEquals("Clip-001", m.clipName());
        assertEquals("MissingReference.1", m.reference());
        assertNull(m.path());
        assertEquals(f(8), m.duration());
        assertTrue(in.report().notes().stream().anyMatch(n -> n.contains("'Dissolve'") && n.contains("kept")),
                in.report().notes().toString());
        assertTrue(tl.validate().isEmpty(), tl.validate().toString());
    }

    @Test
    void transitionTestOverlapsTheClipsOfTheDissolve() throws Exception {
        OtioImport in = Otio.read(sample("transition_test.otio"));
        Track t = in.project().timeline().tracks().get(0);
        assertEquals("Sequence1", t.name());
        assertEquals(3, t.clips().size());
        Clip a = t.clips().get(0);
        Clip b = t.clips().get(1);
        Clip c = t.clips().get(2);
        // t1: in_offset 10, out_offset 10 at the A|B cut (frame 50); B has no media before its in point (0), so
        // the whole 20-frame overlap lies after the cut: A runs to 70, B starts at 50.
        assertEquals(0, a.start());
        assertEquals(f(70), a.end());
        assertEquals(f(50), b.start());
        assertEquals(0, b.in());
        assertEquals(f(100), b.end());
        assertEquals(f(100), c.start());
        assertEquals(f(150), c.end());
        assertEquals(1, t.transitions().size());
        Transition tr = t.transitions().get(0);
        assertEquals("A", tr.from());
        assertEquals("B", tr.to());
        assertEquals("core.dissolve", tr.node().type());
        assertEquals(3, in.report().offline().size(), "media_reference null: offline");
        assertEquals(2, in.report().notes().stream().filter(n -> n.contains("kept in metadata, not rendered"))
                .count(), "t0 (nothing before) and t3 (nothing after): " + in.report().notes());
        assertTrue(in.project().timeline().validate().isEmpty());
    }

    @Test
    void multipleTrackReportsEachMissingFileByName() throws Exception {
        OtioImport in = Otio.read(sample("multiple_track.otio"));
        Timeline tl = in.project().timeline();
        assertEquals("Figure 3 - Multiple Tracks", in.project().name());
        assertEquals(0, tl.start());
        int clips = 0;
        for (Track t : tl.tracks()) {
            clips += t.clips().size();
        }
        assertEquals(clips, in.report().offline().size(), "every file is missing here");
        List<String> files = new ArrayList<>();
        for (OfflineMedia m : in.report().offline()) {
            files.add(m.fileName());
        }
        assertTrue(files.contains("titles.mov") && files.contains("wind-up.mov"), files.toString());
        assertTrue(in.report().lines().get(0).startsWith("offline media: clip 'Clip-001' on track 'Track-001': "
                + "file:///folder/titles.mov (not found: "), in.report().lines().get(0));
        Clip first = tl.tracks().get(0).clips().get(0);
        assertEquals(f(3), first.in());
        assertEquals(f(3), first.duration());
        assertEquals("core.solid", first.source().type(), "an offline slate");
        assertTrue(tl.validate().isEmpty(), tl.validate().toString());
    }

    @Test
    void samplesExportToEqualTrees() throws Exception {
        for (String s : List.of("clip_example.otio", "transition_test.otio", "multiple_track.otio")) {
            OtioImport in = Otio.read(sample(s));
            Path out = dir.resolve("again-" + s);
            Otio.write(in.project(), out, engine.registry().snapshot());
            assertNull(Trees.diff(Trees.read(sample(s)), Trees.read(out)), s);
            // and once more through our reader: the second export is the first
            Path twice = dir.resolve("twice-" + s);
            Otio.write(Otio.read(out).project(), twice, null);
            assertNull(Trees.diff(Trees.read(out), Trees.read(twice)), s + " twice");
        }
    }

    @Test
    void samplesRenderWithOfflineSlates() throws Exception {
        Project p = ProjectIO.load(sample("transition_test.otio"));
        TimelineRenderer r = new TimelineRenderer(engine, p.timeline(), p.baseDir());
        for (long frame : new long[] {0, 60, 120}) {
            try (RenderResult res = r.renderFrame(frame, 96, 54)) {
                var buf = res.frame().buffer();
                // the slate's dark red at a corner (the text is in the middle), also inside the dissolve
                assertEquals(61, buf.get(0) & 0xFF, "red of frame " + frame);
                assertEquals(15, buf.get(1) & 0xFF, "green of frame " + frame);
                assertFalse(res.hasErrors(), res.messages().toString());
            }
        }
        try (RenderResult res = r.renderFrame(75, 192, 108)) {
            int bright = 0;
            var buf = res.frame().buffer();
            for (int i = 0; i < 192 * 108; i++) {
                bright += (buf.get(i * 4 + 1) & 0xFF) > 128 ? 1 : 0;
            }
            assertTrue(bright > 20, "the slate's white text is drawn: " + bright + " bright pixels");
        }
    }

    @Test
    void projectIoLoadsOtioThroughTheFormatService() throws Exception {
        List<String> notes = new ArrayList<>();
        Project p = ProjectIO.load(sample("multiple_track.otio"), notes::add);
        assertEquals(sample("multiple_track.otio"), p.file());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("offline media: ")), notes.toString());
        assertTrue(ProjectIO.isProjectFile(Path.of("x.otioz")));
        Path lf = dir.resolve("converted.lumaflow");
        ProjectIO.save(p, lf, null);
        Path back = dir.resolve("back.otio");
        ProjectIO.save(ProjectIO.load(lf), back, null);
        assertNull(Trees.diff(Trees.read(sample("multiple_track.otio")), Trees.read(back)),
                "through a .lumaflow project");
        Path bundle = dir.resolve("back.otiod");
        List<String> saved = new ArrayList<>();
        ProjectIO.save(ProjectIO.load(lf), bundle, null, saved::add);
        assertTrue(Files.isRegularFile(bundle.resolve("content.otio")));
        String content = Files.readString(bundle.resolve("content.otio"));
        assertTrue(content.contains("\"MissingReference.1\"") && content.contains("original_media_reference")
                && content.contains("file:///folder/titles.mov"), "missing media stays a MissingReference");
        assertTrue(saved.stream().anyMatch(n -> n.contains("file:///folder/titles.mov")), saved.toString());
    }
}
