package org.lumaflow.perception.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.perception.FaceAnalysisSettings;
import org.lumaflow.perception.FaceAnalyzer;
import org.lumaflow.perception.FaceBox;
import org.lumaflow.perception.FaceSample;
import org.lumaflow.perception.FaceTrack;

/** The analyzer on real clips: accuracy of the interpolated boxes, detector budget, scene cuts, the disk cache. */
class FaceAnalyzerTest {

    @TempDir
    static Path dir;
    static FaceAnalyzer analyzer;

    @BeforeAll
    static void services() throws Exception {
        analyzer = Support.service(FaceAnalyzer.class);
    }

    static FaceTrack fresh(Path clip, FaceAnalysisSettings s) throws Exception {
        analyzer.evict(clip);
        FaceTrack t = analyzer.analyze(clip, s).get(120, TimeUnit.SECONDS);
        assertEquals(FaceTrack.Origin.ANALYSED, t.origin());
        return t;
    }

    @Test
    void interpolatedBoxesFollowPerFrameDetectionOnAPan() throws Exception {
        accuracy("pan", Support.pan(dir, 3));
    }

    @Test
    void interpolatedBoxesFollowPerFrameDetectionOnAZoom() throws Exception {
        accuracy("zoom", Support.zoom(dir, 3));
    }

    /**
     * The detector runs on at most 1 frame in 12 of a 60 fps clip (5 per second), and the boxes between stay close to
     * what the detector finds when it runs on every frame: median IoU >= 0.7.
     */
    private static void accuracy(String name, Path clip) throws Exception {
        FaceAnalysisSettings s = analyzer.defaultSettings().withModel(null);
        FaceTrack every = fresh(clip, s.withMaxRate(0));
        FaceTrack sparse = fresh(clip, s);
        FaceTrack.Stats st = sparse.stats();
        assertEquals(180, st.frames(), "60 fps x 3 s");
        assertEquals(180, every.stats().analysedFrames());
        assertTrue(st.analysedFrames() * 12 <= st.frames(), st.analysedFrames() + " of " + st.frames());
        assertEquals(0, st.cuts(), "a pan or zoom is one shot");
        List<Double> ious = new ArrayList<>();
        int refFaces = 0;
        for (FaceSample ref : every.samples()) {
            List<FaceBox> got = sparse.facesAt(ref.ticks());
            for (FaceBox r : ref.faces()) {
                refFaces++;
                ious.add(got.stream().mapToDouble(r::iou).max().orElse(0));
            }
        }
        assertTrue(refFaces >= 150, "the face is found on most frames: " + refFaces);
        Collections.sort(ious);
        double median = ious.get(ious.size() / 2);
        double p10 = ious.get(ious.size() / 10);
        long missed = ious.stream().filter(v -> v == 0).count();
        System.out.printf(Locale.ROOT,
                "[perception] %s: detector %.1f ms per analysed frame on the %dx%d proxy (%s, every frame: %.1f ms); "
                        + "analysed %d of %d frames (1 in %.1f); interpolated vs per-frame IoU median %.3f, p10 %.3f, "
                        + "%d of %d reference faces unmatched; analysis %.0f ms%n",
                name, st.detectorMillisPerFrame(), s.proxyWidth(), s.proxyWidth() * Support.H / Support.W,
                sparse.detector(), every.stats().detectorMillisPerFrame(), st.analysedFrames(), st.frames(),
                st.frames() / (double) st.analysedFrames(), median, p10, missed, refFaces, st.totalMillis());
        assertTrue(median >= 0.7, "median IoU " + median);
    }

    @Test
    void sceneCutsGetTheirOwnDetectorPassAndAreNotInterpolatedAcross() throws Exception {
        Path clip = Support.cut(dir);
        FaceTrack t = fresh(clip, analyzer.defaultSettings().withModel(null));
        List<FaceSample> cuts = t.samples().stream().filter(FaceSample::cut).toList();
        assertEquals(1, cuts.size(), t.samples().toString());
        FaceSample cut = cuts.get(0);
        assertEquals(1.0, cut.ticks() / 705_600_000.0, 0.02, "the cut is at 1 s");
        assertFalse(cut.faces().isEmpty());
        FaceSample before = t.samples().get(t.samples().indexOf(cut) - 1);
        assertFalse(before.faces().isEmpty());
        assertTrue(before.faces().get(0).centerX() > 0.5 && cut.faces().get(0).centerX() < 0.5,
                "the face jumps from right to left: " + before + " / " + cut);
        // the frame just before the cut shows the old shot's face where it was, not half way to the new one
        FaceBox justBefore = t.facesAt(cut.ticks() - 1).get(0);
        assertEquals(before.faces().get(0), justBefore);
        assertEquals(t.shotStart(cut.ticks() + 1), cut.ticks());
        assertEquals(t.shotEnd(before.ticks()), cut.ticks());
    }

    @Test
    void aSecondAnalysisComesFromTheDiskCacheAndSameContentElsewhereHitsToo() throws Exception {
        Path clip = Support.clip(dir, "short.mp4", 1, "scale=1096:684,crop=640:360:x='200+100*t':y=80");
        FaceAnalysisSettings s = analyzer.defaultSettings().withModel(null);
        FaceTrack first = fresh(clip, s);
        Path manifest = analyzer.cacheDir().resolve("manifest.json");
        assertTrue(Files.readString(manifest).contains(clip.toString()), "manifest lists the entry");
        assertNotNull(analyzer.cached(clip, s));
        long t0 = System.nanoTime();
        FaceTrack second = analyzer.analyze(clip, s).get(10, TimeUnit.SECONDS);
        double ms = (System.nanoTime() - t0) / 1e6;
        assertEquals(FaceTrack.Origin.DISK_CACHE, second.origin());
        assertEquals(first.samples(), second.samples());
        assertEquals(first.contentKey(), second.contentKey());
        System.out.printf(Locale.ROOT, "[perception] cache: analysis %.0f ms, cached answer %.1f ms%n",
                first.stats().totalMillis(), ms);

        Path copy = Files.copy(clip, dir.resolve("copy-of-short.mp4"));
        FaceTrack viaCopy = analyzer.analyze(copy, s).get(10, TimeUnit.SECONDS);
        assertEquals(FaceTrack.Origin.DISK_CACHE, viaCopy.origin(), "keyed by content, not by name");
        assertEquals(copy.toAbsolutePath().normalize(), viaCopy.source());

        // other settings are another entry
        assertNull(analyzer.cached(clip, s.withProxyWidth(256)));
        assertTrue(analyzer.evict(clip) >= 1);
        assertNull(analyzer.cached(clip, s));
    }

    @Test
    void concurrentRequestsShareOneAnalysis() throws Exception {
        Path clip = Support.clip(dir, "shared.mp4", 0.5, "scale=1096:684,crop=640:360:x=150:y=50");
        FaceAnalysisSettings s = analyzer.defaultSettings().withModel(null);
        analyzer.evict(clip);
        CompletableFuture<FaceTrack> a = analyzer.analyze(clip, s);
        CompletableFuture<FaceTrack> b = analyzer.analyze(clip, s);
        assertTrue(a.get() == b.get() || b.get().origin() == FaceTrack.Origin.DISK_CACHE, "one analysis for both");
        assertEquals(a.get().samples(), b.get().samples());
        // one requester cancelling does not take the analysis away from the other
        analyzer.evict(clip);
        CompletableFuture<FaceTrack> c = analyzer.analyze(clip, s);
        CompletableFuture<FaceTrack> d = analyzer.analyze(clip, s);
        c.cancel(true);
        assertEquals(a.get().samples(), d.get().samples());
    }

    @Test
    void unreadableFilesFailWithTheFileNamed() throws Exception {
        Path missing = dir.resolve("nope.mp4");
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> analyzer.analyze(missing).get());
        assertTrue(e.getCause() instanceof MediaException && e.getCause().getMessage().contains("nope.mp4"),
                String.valueOf(e.getCause()));
        Path junk = Files.writeString(dir.resolve("junk.mp4"), "not a video");
        e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> analyzer.analyze(junk).get());
        assertTrue(e.getCause().getMessage().contains("junk.mp4"), String.valueOf(e.getCause()));
        // a configured model that does not exist is an error, not a silent fallback
        e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> analyzer
                .analyze(Support.photo(dir), analyzer.defaultSettings().withModel(dir.resolve("none.onnx"))).get());
        assertTrue(e.getCause().getMessage().contains("none.onnx"), String.valueOf(e.getCause()));
    }

    @Test
    void theStillPhotoHasItsFaceWhereExpected() throws Exception {
        FaceTrack t = fresh(Support.photo(dir), analyzer.defaultSettings().withModel(null));
        List<FaceBox> faces = t.facesAt(0);
        assertEquals(1, faces.size(), faces.toString());
        FaceBox f = faces.get(0);
        // OpenCV finds it at 226,93 39x39 of the 548x342 photo
        assertEquals(245.5 / 548, f.centerX(), 0.02);
        assertEquals(112.5 / 342, f.centerY(), 0.03);
        assertEquals(39.0 / 548, f.w(), 0.015);
    }
}
