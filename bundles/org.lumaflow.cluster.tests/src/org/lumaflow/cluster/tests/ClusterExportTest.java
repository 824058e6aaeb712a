package org.lumaflow.cluster.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.cluster.internal.Configs;
import org.lumaflow.cluster.internal.HazelcastSegmentExecutor;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.MediaService.Fit;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.Exporter;
import org.lumaflow.export.segment.SegmentListener;
import org.lumaflow.export.segment.SegmentPlan;
import org.lumaflow.export.segment.SegmentResult;
import org.lumaflow.export.segment.SegmentedExporter;
import org.lumaflow.testsupport.OsgiTests;
import org.lumaflow.testsupport.Pictures;
import org.osgi.framework.BundleContext;

/**
 * A real 3-member cluster of separate worker JVMs on 127.0.0.1; this test process is the exporting client.
 */
class ClusterExportTest {

    static final int W = 320;
    static final int H = 180;
    static final int FRAMES = 150;

    static BundleContext bc;
    static SegmentedExporter segmented;
    static Exporter exporter;
    static NodeRegistry registry;
    static MediaService media;
    static Engine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void services() throws Exception {
        bc = OsgiTests.startAll(ClusterExportTest.class);
        segmented = OsgiTests.service(bc, SegmentedExporter.class);
        exporter = OsgiTests.service(bc, Exporter.class);
        registry = OsgiTests.service(bc, NodeRegistry.class);
        media = OsgiTests.service(bc, MediaService.class);
        engine = OsgiTests.service(bc, Engine.class);
    }

    /** Bars, then a moving gradient. */
    static Timeline timeline() {
        FrameRate rate = FrameRate.FPS_25;
        Timeline tl = new Timeline(new VideoFormat(W, H, rate));
        Track v1 = new Track("V1");
        long half = rate.frameToTicks(FRAMES / 2);
        v1.clips().add(new Clip("bars", new GraphNode("bars", "core.smpte_bars"), 0, 0, half));
        v1.clips().add(new Clip("grad", new GraphNode("grad", "core.gradient"), half, 0,
                rate.frameToTicks(FRAMES) - half));
        tl.tracks().add(v1);
        return tl;
    }

    @Test
    void sixSegmentsOnThreeWorkerJvmsSurviveAKilledWorkerAndEqualASinglePass() throws Exception {
        Timeline tl = timeline();
        SegmentPlan plan = segmented.plan(tl, dir, ExportSettings.to(dir.resolve("cluster.mp4")), 6);
        assertEquals(6, plan.segments().size());
        String cluster = "lumaflow-test-" + UUID.randomUUID();
        List<SegmentResult> results;
        String killedId;
        int killedSegment;
        List<String> states = Collections.synchronizedList(new ArrayList<>());
        try (ClusterWorkers workers = new ClusterWorkers(bc, dir, cluster, 3, dir)) {
            HazelcastSegmentExecutor ex = new HazelcastSegmentExecutor(segmented, registry, cluster,
                    Configs.members(workers.members), 1);
            assertEquals(3, ex.parallelism(), "three members of one slot each");
            AtomicInteger killed = new AtomicInteger(-1);
            AtomicInteger killedSeg = new AtomicInteger(-1);
            long t0 = System.nanoTime();
            try {
                results = ex.run(plan, new SegmentListener() {
                    @Override
                    public void state(int index, String state) {
                        states.add(String.format(Locale.ROOT, "%5.1f s  segment %d: %s",
                                (System.nanoTime() - t0) / 1e9, index, state));
                        if (state.startsWith("running on ")) {
                            int w = workers.indexOf(state.substring("running on ".length()));
                            if (w >= 0 && killed.compareAndSet(-1, w)) {
                                killedSeg.set(index);
                                workers.nodes.get(w).process().destroyForcibly(); // mid-segment
                                states.add("killed worker " + w + " (" + workers.id(w) + ")");
                            }
                        }
                    }
                }, () -> false);
            } catch (Exception e) {
                throw new AssertionError(e.getMessage() + "\n" + String.join("\n", states) + "\n" + workers.logs(),
                        e);
            }
            System.out.println(String.join("\n", states));
            assertTrue(killed.get() >= 0, "a worker was killed: " + states);
            killedId = workers.id(killed.get());
            assertTrue(!workers.nodes.get(killed.get()).process().isAlive(), "the killed worker is gone");
            killedSegment = killedSeg.get();
        }
        assertEquals(6, results.size());
        for (SegmentResult r : results) {
            assertTrue(r.worker().startsWith("hazelcast:127.0.0.1:"), r.worker());
        }
        assertNotEquals(killedId, results.get(killedSegment).worker(),
                "the killed worker's segment was re-run elsewhere: " + states);
        // the exporter's join and checks (frame count, IDR per segment, packets, full decode, durations, QC)
        ExportResult joined = segmented.join(plan, results, ExportListener.none(), () -> false);
        assertEquals(FRAMES, joined.frames());
        assertEquals(plan.encoder(), joined.encoder());
        // a single-pass export of the same timeline: frame for frame the same pictures
        ExportResult single = exporter.start(tl, dir, ExportSettings.to(dir.resolve("single.mp4")).withQc(false)
                .withEncoder(plan.encoder()), ExportListener.none()).await();
        assertEquals(FRAMES, single.frames());
        assertEquals(FRAMES, media.probe(joined.output()).firstVideo().frames());
        double worst = 99;
        double sum = 0;
        try (VideoSource a = media.openVideo(joined.output(), W, H, Fit.STRETCH, engine.pool(), 2);
                VideoSource b = media.openVideo(single.output(), W, H, Fit.STRETCH, engine.pool(), 2);
                Frame fa = engine.pool().lease(FrameKey.rgba(W, H));
                Frame fb = engine.pool().lease(FrameKey.rgba(W, H))) {
            for (int i = 0; i < FRAMES; i++) {
                long t = tl.format().rate().frameToTicks(i);
                a.read(t, fa);
                b.read(t, fb);
                double q = Pictures.psnrY(fa, fb);
                worst = Math.min(worst, q);
                sum += q;
            }
        }
        System.out.printf(Locale.ROOT, "cluster vs single pass (%s): PSNR-Y worst %.2f dB, mean %.2f dB%n",
                plan.encoder(), worst, sum / FRAMES);
        assertTrue(worst >= 40, "every frame of the cluster export matches the single pass: worst " + worst + " dB");
    }
}
