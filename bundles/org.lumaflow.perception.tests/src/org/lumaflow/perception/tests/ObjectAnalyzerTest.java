package org.lumaflow.perception.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.perception.Detection;
import org.lumaflow.perception.ObjectAnalysisSettings;
import org.lumaflow.perception.ObjectAnalyzer;
import org.lumaflow.perception.ObjectSample;
import org.lumaflow.perception.ObjectTrack;

/** The object analyzer on a clip made from a real photo: HOG finds the players, the cache, model errors. */
class ObjectAnalyzerTest {

    @TempDir
    static Path dir;
    static ObjectAnalyzer analyzer;

    @BeforeAll
    static void services() throws Exception {
        analyzer = Support.service(ObjectAnalyzer.class);
    }

    /**
     * Two seconds at 25 fps of the football photo at its own size (548x342): a player kicking, arms spread, in front of
     * a crowd; spectators stand at the top right.
     */
    static Path players() throws Exception {
        Path out = dir.resolve("players.mp4");
        if (!Files.exists(out)) {
            Support.ffmpeg("-framerate", "25", "-loop", "1", "-i", Support.photo(dir).toString(), "-t", "2", "-vf",
                    "format=yuv420p", "-r", "25", "-c:v", "mpeg4", "-q:v", "2", out.toString());
        }
        return out;
    }

    @Test
    void hogFindsThePlayersWithSaneBoxesAndTheSecondRunComesFromTheCache() throws Exception {
        Path clip = players();
        ObjectAnalysisSettings s = analyzer.defaultSettings().withModel(null);
        analyzer.evict(clip);
        ObjectTrack t = analyzer.analyze(clip, s).get(120, TimeUnit.SECONDS);
        assertFalse(t.fromCache());
        assertEquals("hog:default_people", t.detector());
        ObjectTrack.Stats st = t.stats();
        assertEquals(50, st.frames(), "25 fps x 2 s");
        assertTrue(st.analysedFrames() >= 4 && st.analysedFrames() <= 5, "2 passes a second: " + st);
        assertTrue(st.batchSize() >= 1 && st.batches() >= 1, st.toString());
        for (ObjectSample smp : t.samples()) {
            System.out.printf(Locale.ROOT, "[objects] %.2f s: %s%n", smp.ticks() / 705_600_000.0, smp.objects());
        }
        System.out.printf(Locale.ROOT, "[objects] HOG %.1f ms per 548x342 proxy frame, batch %d, %d batches%n",
                st.detectorMillisPerFrame(), st.batchSize(), st.batches());
        ObjectSample first = t.samples().get(0);
        assertFalse(first.objects().isEmpty(), "HOG finds a person in the photo");
        for (ObjectSample smp : t.samples()) {
            assertEquals(first.objects().size(), smp.objects().size(), "a still picture: the same people every pass");
            for (int i = 0; i < smp.objects().size(); i++) {
                assertTrue(first.objects().get(i).iou(smp.objects().get(i)) > 0.9, smp.toString());
            }
        }
        Detection p = first.objects().get(0);
        assertEquals(Detection.Kind.PERSON, p.kind());
        assertTrue(p.x() >= 0 && p.y() >= 0 && p.x() + p.w() <= 1 && p.y() + p.h() <= 1, p.toString());
        double aspect = p.h() * t.height() / (p.w() * t.width());
        assertTrue(aspect > 1.5 && aspect < 2.5, "an upright person's box: h/w " + aspect);
        assertTrue(p.h() > 0.25, "a person a good part of the picture high: " + p);
        // the default (pedestrian) detector finds the standing spectators at the top right, not the kicking player
        // whose spread pose it was not trained on
        assertTrue(p.x() + p.w() / 2 > 0.6 && p.y() + p.h() / 2 < 0.4, "top right: " + p);

        ObjectTrack again = analyzer.analyze(clip, s).get(30, TimeUnit.SECONDS);
        assertTrue(again.fromCache(), "the second run is a cache hit");
        assertEquals(t.samples(), again.samples());
        Path manifest = analyzer.cacheDir().resolve("manifest.json");
        assertTrue(Files.readString(manifest).contains(t.contentKey()), "the manifest lists the entry");
        assertTrue(Files.readString(manifest).contains("lumaflow.objects.manifest"));
        assertNotNull(analyzer.cached(clip, s));
        assertEquals(null, analyzer.cached(clip, s.withMaxRate(3)), "other settings: other entry");
    }

    @Test
    void aMissingOrBrokenModelGivesAnErrorNamingIt() throws Exception {
        Path clip = players();
        Path missing = dir.resolve("nowhere/yolov8n.onnx");
        ExecutionException e1 = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> analyzer.analyze(clip, analyzer.defaultSettings().withModel(missing)).get(60, TimeUnit.SECONDS));
        assertTrue(e1.getCause() instanceof IOException, e1.getCause().toString());
        assertTrue(e1.getCause().getMessage().contains(missing.toString()), e1.getCause().getMessage());
        assertTrue(e1.getCause().getMessage().contains("no such model file"), e1.getCause().getMessage());

        Path broken = dir.resolve("broken.onnx");
        Files.writeString(broken, "this is not a protobuf model\n".repeat(20));
        ExecutionException e2 = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> analyzer.analyze(clip, analyzer.defaultSettings().withModel(broken)).get(60, TimeUnit.SECONDS));
        String m = e2.getCause().getMessage();
        System.out.println("[objects] broken model: " + m);
        assertTrue(e2.getCause() instanceof IOException, e2.getCause().toString());
        assertTrue(m.startsWith(broken.toString() + ": not a usable ONNX model"), m);
        assertFalse(m.contains("Exception"), "no exception class name: " + m);
    }

    @Test
    void theServiceSizesFromTheHeapItHas() throws Exception {
        ObjectAnalyzer a = Support.service(ObjectAnalyzer.class);
        ObjectAnalysisSettings s = a.defaultSettings();
        Runtime r = Runtime.getRuntime();
        long headroom = r.maxMemory() - (r.totalMemory() - r.freeMemory());
        int n = a.batchSize(s, 640, 360);
        int expectedMax = (int) Math.max(1, Math.min(64, headroom / 8 / (640L * 360 * 28)));
        assertTrue(n >= 1 && n <= expectedMax, n + " within 1.." + expectedMax);
        assertEquals(7, a.batchSize(s.withBatch(7), 640, 360), "a fixed batch is kept");
        assertTrue(a.batchSize(s, 1920, 1080) <= n, "bigger proxies, smaller batches");
    }
}
