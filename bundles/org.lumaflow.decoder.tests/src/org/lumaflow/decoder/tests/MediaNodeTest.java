package org.lumaflow.decoder.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderMessage;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/** The {@code media.video} node inside real renders (DS engine, registry, timeline). */
class MediaNodeTest {

    @TempDir
    static Path dir;
    static Engine engine;
    static MediaService media;

    @BeforeAll
    static void services() throws Exception {
        BundleContext bc = OsgiTests.startAll(MediaNodeTest.class);
        engine = service(bc, Engine.class);
        media = service(bc, MediaService.class);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (engine.registry().snapshot().type("media.video") == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    static <T> T service(BundleContext bc, Class<T> type) throws InterruptedException {
        return OsgiTests.service(bc, type);
    }

    static int red(RenderResult r) {
        var f = r.frame();
        return f.buffer().get(((f.height() / 2) * f.width() + f.width() / 2) * 4) & 0xFF;
    }

    @Test
    void timelineOfAFilePlaysEveryFrameAndSegmentsShareTheReader() throws Exception {
        Path clip = TestClips.counter(dir, "c.mkv", 64, 48, "25", 30, "-c:v", "ffv1");
        Timeline tl = MediaClips.timeline(media.probe(clip));
        assertEquals(new VideoFormat(64, 48, FrameRate.FPS_25), tl.format());
        assertEquals(30, tl.frameCount());
        TimelineRenderer r = new TimelineRenderer(engine, tl, dir);
        for (int i = 0; i < 30; i++) {
            try (RenderResult res = r.renderFrame(i, 64, 48)) {
                assertTrue(res.clean(), res.messages().toString());
                assertEquals(i, TestClips.counterIndex(red(res)), "frame " + i);
            }
        }
    }

    @Test
    void brokenSourcesRenderBlackWithAWarningNamingTheFile() throws Exception {
        Path ts = TestClips.counter(dir, "t.ts", 64, 48, "25", 50, "-c:v", "mpeg2video", "-q:v", "2");
        Path cut = TestClips.truncate(ts, dir.resolve("cut.ts"), 0.5);
        Path missing = dir.resolve("gone.mp4");
        FrameRate rate = FrameRate.FPS_25;
        Timeline tl = new Timeline(new VideoFormat(64, 48, rate));
        Track v1 = new Track("V1");
        v1.clips().add(new Clip("cut", new GraphNode("cut", "media.video").set("file", cut.toString()), 0, 0,
                rate.frameToTicks(50)));
        Track v2 = new Track("V2");
        v2.clips().add(new Clip("gone", new GraphNode("gone", "media.video").set("file", missing.toString()),
                rate.frameToTicks(40), 0, rate.frameToTicks(10)));
        tl.tracks().add(v1);
        tl.tracks().add(v2);
        TimelineRenderer r = new TimelineRenderer(engine, tl, dir);
        try (RenderResult early = r.renderFrame(3, 64, 48)) {
            assertTrue(early.clean(), early.messages().toString());
            assertEquals(3, TestClips.counterIndex(red(early)));
        }
        try (RenderResult late = r.renderFrame(45, 64, 48)) {
            assertEquals(0, red(late), "deterministic black");
            assertEquals(255, late.frame().buffer().get(3) & 0xFF, "opaque");
            String all = late.messages().toString();
            assertTrue(late.messages().stream().map(RenderMessage::text).anyMatch(t -> t.startsWith(cut.toString())
                    && t.contains("ends at")), all);
            assertTrue(late.messages().stream().map(RenderMessage::text)
                    .anyMatch(t -> t.equals(missing + ": no such file")), all);
            assertTrue(late.messages().stream().allMatch(m -> m.time() == FrameRate.FPS_25.frameToTicks(45)), all);
        }
    }

    @Test
    void damagedDataMidFileIsReportedAndTheRenderGoesOn() throws Exception {
        Path ts = TestClips.counter(dir, "d.ts", 64, 48, "25", 50, "-c:v", "mpeg2video", "-q:v", "2", "-g", "50");
        byte[] bytes = java.nio.file.Files.readAllBytes(ts);
        java.util.Random rnd = new java.util.Random(3);
        for (int i = bytes.length * 2 / 5; i < bytes.length * 3 / 5; i += 7) {
            bytes[i] = (byte) rnd.nextInt(256); // scribble over the middle (TS sync bytes included)
        }
        Path bad = java.nio.file.Files.write(dir.resolve("damaged.ts"), bytes);
        FrameRate rate = FrameRate.FPS_25;
        Timeline tl = new Timeline(new VideoFormat(64, 48, rate));
        Track v1 = new Track("V1");
        v1.clips().add(new Clip("bad", new GraphNode("bad", "media.video").set("file", bad.toString()), 0, 0,
                rate.frameToTicks(50)));
        tl.tracks().add(v1);
        TimelineRenderer r = new TimelineRenderer(engine, tl, dir);
        int warned = 0;
        for (int i = 0; i < 50; i++) {
            try (RenderResult res = r.renderFrame(i, 64, 48)) {
                if (res.messages().stream().anyMatch(m -> m.text().startsWith(bad.toString())
                        && m.text().contains("damaged data"))) {
                    warned++;
                }
            }
        }
        assertTrue(warned > 0, "no frame reported the damage");
    }
}
