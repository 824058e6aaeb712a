package org.lumaflow.otio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.otio.OfflineMedia;
import org.lumaflow.otio.Otio;
import org.lumaflow.otio.OtioImport;
import org.lumaflow.otio.Relinker;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/** Offline media is found again by name, then duration, then size, and relinked. */
class RelinkTest {

    @TempDir
    static Path dir;
    static MediaService media;
    static Engine engine;

    @BeforeAll
    static void setUp() throws Exception {
        BundleContext bc = OsgiTests.startAll(RelinkTest.class);
        media = OsgiTests.service(bc, MediaService.class);
        engine = OsgiTests.service(bc, Engine.class);
        Files.createDirectories(dir.resolve("lib/a"));
        Files.createDirectories(dir.resolve("lib/b"));
        // two files called shot.mkv: 1 s and 2 s long; the OTIO file says its media is 2 s (50 frames at 25)
        RoundTripTest.ffmpeg("-f", "lavfi", "-i", "color=c=red:s=64x36:r=25:d=1", "-c:v", "ffv1",
                dir.resolve("lib/a/shot.mkv").toString());
        RoundTripTest.ffmpeg("-f", "lavfi", "-i", "color=c=blue:s=64x36:r=25:d=2", "-c:v", "ffv1",
                dir.resolve("lib/b/shot.mkv").toString());
        Files.writeString(dir.resolve("lib/b/notes.txt"), "x");
    }

    static String otio(String metadata) {
        return """
                {"OTIO_SCHEMA": "Timeline.1", "name": "r", "tracks": {"OTIO_SCHEMA": "Stack.1", "children": [
                 {"OTIO_SCHEMA": "Track.1", "kind": "Video", "name": "V", "children": [
                  {"OTIO_SCHEMA": "Clip.2", "name": "s", "active_media_reference_key": "DEFAULT_MEDIA",
                   "source_range": {"OTIO_SCHEMA": "TimeRange.1",
                     "start_time": {"OTIO_SCHEMA": "RationalTime.1", "rate": 25, "value": 10},
                     "duration": {"OTIO_SCHEMA": "RationalTime.1", "rate": 25, "value": 20}},
                   "media_references": {"DEFAULT_MEDIA": {"OTIO_SCHEMA": "ExternalReference.1",
                     "target_url": "file:///gone/away/shot.mkv", "metadata": METADATA,
                     "available_range": {"OTIO_SCHEMA": "TimeRange.1",
                       "start_time": {"OTIO_SCHEMA": "RationalTime.1", "rate": 25, "value": 0},
                       "duration": {"OTIO_SCHEMA": "RationalTime.1", "rate": 25, "value": 50}}}}}]}]}}
                """.replace("METADATA", metadata);
    }

    @Test
    void durationPicksTheRightFileOfTwoWithTheSameName() throws Exception {
        Path p = dir.resolve("r.otio");
        Files.writeString(p, otio("{}"));
        OtioImport in = Otio.read(p);
        OfflineMedia m = in.report().offline().get(0);
        assertEquals("shot.mkv", m.fileName());
        Relinker r = new Relinker(dir.resolve("lib"), f -> {
            try {
                return media.probe(f).durationTicks();
            } catch (Exception e) {
                return -1;
            }
        });
        assertEquals(List.of(dir.resolve("lib/b/shot.mkv"), dir.resolve("lib/a/shot.mkv")), r.candidates(m));
        Project project = in.project();
        assertEquals(in.report().offline(), Otio.offline(project), "the offline list is kept in the project");
        Path saved = dir.resolve("r.lumaflow");
        org.lumaflow.engine.project.ProjectIO.save(project, saved, null);
        assertEquals(in.report().offline(), Otio.offline(org.lumaflow.engine.project.ProjectIO.load(saved)),
                "and survives saving as .lumaflow (the studio relinks from there)");
        Map<String, Path> done = r.relinkAll(project, Otio.offline(project));
        assertTrue(Otio.offline(project).isEmpty(), "nothing offline after relinking");
        assertEquals(Map.of("s", dir.resolve("lib/b/shot.mkv")), done);
        Clip c = project.timeline().tracks().get(0).clips().get(0);
        assertEquals("media.video", c.source().type());
        assertTrue(c.effects().isEmpty(), "the slate is gone");
        try (RenderResult res = new TimelineRenderer(engine, project.timeline(), dir).renderFrame(0, 64, 36)) {
            assertTrue((res.frame().buffer().get(2) & 0xFF) > 200, "blue media is shown");
        }
        Path out = dir.resolve("relinked.otio");
        Otio.write(project, out, null);
        String text = Files.readString(out);
        assertTrue(text.contains("\"target_url\": \"lib/b/shot.mkv\""), text);
        Clip again = Otio.read(out).project().timeline().tracks().get(0).clips().get(0);
        assertEquals(c.in(), again.in(), "the available range travels with the new reference");
        assertTrue(Otio.read(out).report().offline().isEmpty());
    }

    @Test
    void sizeRanksWhenNoProbeIsGiven() throws Exception {
        long size = Files.size(dir.resolve("lib/a/shot.mkv"));
        Path p = dir.resolve("s.otio");
        Files.writeString(p, otio("{\"lumaflow\": {\"size\": " + size + "}}"));
        OfflineMedia m = Otio.read(p).report().offline().get(0);
        assertEquals(size, m.size());
        assertEquals(dir.resolve("lib/a/shot.mkv"), new Relinker(dir.resolve("lib"), null).find(m).orElseThrow());
        OfflineMedia other = new OfflineMedia("x", "x", "V", "notes.TXT", "/old/NOTES.txt", -1, -1);
        assertEquals(dir.resolve("lib/b/notes.txt"), new Relinker(dir.resolve("lib"), null).find(other)
                .orElseThrow(), "case-insensitive when nothing matches exactly");
    }
}
