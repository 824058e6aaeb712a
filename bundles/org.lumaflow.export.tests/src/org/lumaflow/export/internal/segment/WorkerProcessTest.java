package org.lumaflow.export.internal.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.segment.SegmentListener;
import org.lumaflow.export.segment.SegmentPlan;
import org.lumaflow.export.segment.SegmentResult;

/**
 * Segments in worker processes (this test runtime's OSGi framework started again in worker mode): a worker killed
 * with SIGKILL mid-segment costs that segment a retry, not the export.
 */
class WorkerProcessTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void services() throws Exception {
        SegmentedExportTest.services();
    }

    @AfterEach
    void reset() {
        System.clearProperty("lumaflow.segments.workers");
    }

    @Test
    void killedWorkerIsRetriedAndTheJoinPasses() throws Exception {
        System.clearProperty("lumaflow.segments.inprocess");
        System.setProperty("lumaflow.segments.workers", "2");
        SegmentPlan plan = SegmentedExportTest.segmented.plan(SegTestSupport.generated(320, 180, 150), dir,
                ExportSettings.to(dir.resolve("w.mp4")).withEncoder("libopenh264").withQc(false), 2);
        List<String> states = new CopyOnWriteArrayList<>();
        AtomicBoolean killed = new AtomicBoolean();
        List<SegmentResult> rs = SegmentedExportTest.local.run(plan, new SegmentListener() {
            @Override
            public void progress(int index, long frames) {
                if (index == 1 && frames >= 5 && killed.compareAndSet(false, true)) {
                    ProcessHandle h = WorkerProcess.LIVE.get(plan.id() + "#1");
                    assertTrue(h != null && h.destroyForcibly(), "a live worker for segment 1");
                }
            }

            @Override
            public void state(int index, String state) {
                states.add(index + ": " + state);
            }
        }, () -> false);
        assertTrue(killed.get(), "segment 1 was killed mid-run: " + states);
        assertTrue(states.stream().anyMatch(s -> s.startsWith("1: retry 2: segment 1 on local:pid ")
                && s.contains("died (signal 9)")), states.toString());
        assertTrue(rs.get(0).worker().startsWith("local:") && !rs.get(0).worker().contains(
                "pid " + ProcessHandle.current().pid()), "encoded in another process: " + rs.get(0).worker());
        ExportResult r = SegmentedExportTest.segmented.join(plan, rs, ExportListener.none(), () -> false);
        assertEquals(150, r.frames());
        assertEquals(150, SegTestSupport.videoPackets(r.output(), FrameRate.FPS_25).size());
        assertTrue(Files.size(r.output()) > 1000);
        WorkDirs.remove(plan.workDir());
    }
}
