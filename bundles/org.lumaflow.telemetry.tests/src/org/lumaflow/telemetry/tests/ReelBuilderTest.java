package org.lumaflow.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.lumaflow.telemetry.Highlight;
import org.lumaflow.telemetry.HighlightOptions;
import org.lumaflow.telemetry.internal.reel.ReelBuilder;
import org.lumaflow.testsupport.OsgiTests;

/** The reel project: clips at the highlights, dissolves, overlay effects; saved atomically and loaded back. */
class ReelBuilderTest {

    @TempDir
    static Path dir;
    static MediaService media;

    @BeforeAll
    static void services() throws Exception {
        media = OsgiTests.service(OsgiTests.startAll(ReelBuilderTest.class), MediaService.class);
    }

    /** A 30 s, 640x360, 30 fps test pattern made with the embedded ffmpeg. */
    static Path clip(String name) throws Exception {
        Path out = dir.resolve(name);
        if (!Files.exists(out)) {
            List<String> cmd = List.of(FFmpeg.commandLine().toString(), "-hide_banner", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30:duration=30", "-c:v", "mpeg4", "-q:v", "5",
                    out.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("ffmpeg failed: " + log);
            }
        }
        return out;
    }

    static Highlight h(double start, double end, String kind) {
        return new Highlight(start, end, (start + end) / 2, 1, 1, List.of(kind), kind);
    }

    @Test
    void clipsTransitionsAndOverlaysFollowTheHighlights() throws Exception {
        Path a = clip("a.mp4");
        Path b = clip("b.mp4");
        Path gpx = dir.resolve("track.gpx");
        MediaInfo ia = media.probe(a);
        MediaInfo ib = media.probe(b);
        List<ReelBuilder.Source> sources = List.of(
                new ReelBuilder.Source(ia, a, 0, true, true, List.of(h(0, 5, HighlightOptions.JUMP),
                        h(12.01, 17.5, HighlightOptions.SPIN))),
                new ReelBuilder.Source(ib, gpx, -3.5, true, false, List.of(h(20, 21, HighlightOptions.SPEED))));
        Project p = ReelBuilder.build("reel", sources, new ReelBuilder.Style("imperial", "digital", 0.5, true));
        assertEquals(640, p.timeline().format().width());
        Track t = p.timeline().tracks().get(0);
        assertEquals(1, p.timeline().tracks().size());
        List<Clip> clips = t.clips();
        assertEquals(3, clips.size());
        long frame = Ticks.PER_SECOND / 30;
        assertEquals(0, clips.get(0).in());
        assertEquals(Ticks.ofSeconds(5), clips.get(0).duration());
        assertEquals(12 * Ticks.PER_SECOND, clips.get(1).in(), "12.01 s on the nearest frame: 12 s");
        assertEquals(Ticks.fromSeconds(17.5 - 12, java.math.RoundingMode.HALF_UP), clips.get(1).duration());
        assertEquals(Ticks.ofSeconds(20), clips.get(2).in());
        assertEquals(Ticks.ofSeconds(1), clips.get(2).duration());
        // dissolves of 0.5 s (a third of the 1 s clip at most: 10 frames)
        assertEquals(clips.get(0).end() - Ticks.PER_SECOND / 2, clips.get(1).start());
        assertEquals(clips.get(1).end() - 10 * frame, clips.get(2).start());
        assertEquals(List.of("h1->h2", "h2->h3"), t.transitions().stream().map(x -> x.from() + "->" + x.to()).toList());
        for (Transition x : t.transitions()) {
            assertEquals("core.dissolve", x.node().type());
        }
        assertEquals(b.toAbsolutePath().toString(), clips.get(2).source().params().get("file"));
        // overlays: gauge, minimap, elevation, g-meter where there is an accelerometer
        assertEquals(List.of(ReelBuilder.GAUGE, ReelBuilder.MINIMAP, ReelBuilder.ELEVATION, ReelBuilder.G_METER),
                clips.get(0).effects().stream().map(GraphNode::type).toList());
        assertEquals(List.of(ReelBuilder.GAUGE, ReelBuilder.MINIMAP, ReelBuilder.ELEVATION),
                clips.get(2).effects().stream().map(GraphNode::type).toList());
        GraphNode gauge = clips.get(2).effects().get(0);
        assertEquals(gpx.toAbsolutePath().toString(), gauge.params().get("telemetry"));
        assertEquals(-3.5, (Double) gauge.params().get("offset"), 1e-12);
        assertEquals("digital", gauge.params().get("style"));
        assertEquals("imperial", gauge.params().get("units"));
        assertTrue(gauge.params().get("position") instanceof Point2 pt && pt.x() < 0.5 && pt.y() > 0.5);
        assertEquals(108.0, (Double) gauge.params().get("size"), 1e-9, "0.3 of the 360 px height");

        Path file = dir.resolve("reel.lumaflow");
        ProjectIO.save(p, file, null);
        String json = Files.readString(file);
        assertTrue(json.contains("\"telemetry.speed_gauge\"") && json.contains("\"core.dissolve\""), json);
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary left");
        }
        Project back = ProjectIO.load(file);
        List<Clip> again = back.timeline().tracks().get(0).clips();
        assertEquals(3, again.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(clips.get(i).start(), again.get(i).start());
            assertEquals(clips.get(i).in(), again.get(i).in());
            assertEquals(clips.get(i).duration(), again.get(i).duration());
            assertEquals(clips.get(i).effects().size(), again.get(i).effects().size());
        }
        assertEquals(-3.5, ((Number) again.get(2).effects().get(0).params().get("offset")).doubleValue(), 1e-12);
        assertTrue(back.timeline().validate().isEmpty(), back.timeline().validate().toString());
        List<String[]> spans = new ArrayList<>(ReelBuilder.spans(back));
        assertEquals("12.0", spans.get(1)[1]);
    }
}
