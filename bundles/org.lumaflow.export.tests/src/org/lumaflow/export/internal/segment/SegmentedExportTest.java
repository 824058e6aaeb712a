package org.lumaflow.export.internal.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportJob;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportProgress;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.Exporter;
import org.lumaflow.export.internal.EncoderFaults;
import org.lumaflow.export.segment.SegmentExecutor;
import org.lumaflow.export.segment.SegmentListener;
import org.lumaflow.export.segment.SegmentPlan;
import org.lumaflow.export.segment.SegmentResult;
import org.lumaflow.export.segment.SegmentedExporter;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/**
 * Segmented export against the rules of issue 16, on real renders and real encoders (segments on threads of this
 * process here; {@link WorkerProcessTest} covers worker processes).
 */
class SegmentedExportTest {

    static SegmentedExporter segmented;
    static Exporter exporter;
    static SegmentExecutor local;
    static org.lumaflow.decoder.MediaService media;

    @TempDir
    Path dir;

    @BeforeAll
    static void services() throws Exception {
        BundleContext bc = OsgiTests.startAll(SegmentedExportTest.class);
        segmented = OsgiTests.service(bc, SegmentedExporter.class);
        exporter = OsgiTests.service(bc, Exporter.class);
        local = OsgiTests.service(bc, SegmentExecutor.class);
        media = OsgiTests.service(bc, org.lumaflow.decoder.MediaService.class);
        assertEquals("local", local.name());
    }

    @BeforeEach
    void inProcess() {
        System.setProperty("lumaflow.segments.inprocess", "true");
        System.setProperty("lumaflow.segments.workers", "3");
    }

    @AfterEach
    void reset() {
        System.clearProperty("lumaflow.segments.inprocess");
        System.clearProperty("lumaflow.segments.workers");
        EncoderFaults.clear();
    }

    static final class Notes implements ExportListener {
        final List<String> notes = new CopyOnWriteArrayList<>();
        volatile long lastDone = -1;

        @Override
        public void progress(ExportProgress p) {
            lastDone = p.framesDone();
        }

        @Override
        public void note(String message) {
            notes.add(message);
        }
    }

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void boundariesOnFrameBoundaries() {
        // odd count, not aligned (each segment shorter than a keyframe interval): as even as possible, no gaps
        List<long[]> c = Planner.cut(7, 101, 4, 50);
        assertEquals(4, c.size());
        long next = 7;
        for (long[] s : c) {
            assertEquals(next, s[0], "contiguous");
            assertTrue(s[1] == 25 || s[1] == 26, "even split: " + s[1]);
            next += s[1];
        }
        assertEquals(7 + 101, next);
        // more segments than frames: one frame each
        List<long[]> tiny = Planner.cut(0, 3, 8, 50);
        assertEquals(3, tiny.size());
        assertTrue(tiny.stream().allMatch(s -> s[1] == 1));
        // long enough: every cut on a keyframe-interval multiple from the range start
        List<long[]> aligned = Planner.cut(10, 503, 4, 50);
        long sum = 0;
        for (int i = 0; i < aligned.size(); i++) {
            assertEquals(0, (aligned.get(i)[0] - 10) % 50, "cut " + i + " at " + aligned.get(i)[0]);
            sum += aligned.get(i)[1];
        }
        assertEquals(503, sum);
        assertEquals(4, aligned.size());
    }

    @Test
    void autoParallelismFromCoresMemoryAndGpus() {
        assertEquals(4, AutoParallelism.workers(16, 64_000, 0), "one worker per four cores");
        assertEquals(1, AutoParallelism.workers(2, 64_000, 1));
        assertEquals(3, AutoParallelism.workers(16, 1024 + 3 * AutoParallelism.MB_PER_WORKER, 0), "memory caps it");
        assertEquals(8, AutoParallelism.workers(16, 64_000, 8), "one per GPU where there are several");
        assertEquals(1, AutoParallelism.workers(16, 64_000, 1), "one GPU: one worker (they would share it)");
        assertEquals(5, AutoParallelism.workers(128, 64_000, 5));
        assertEquals(1, AutoParallelism.segments(1));
        assertEquals(4, AutoParallelism.segments(4));
    }

    @Test
    void workersAreSizedToTheirShareOfTheCores(@TempDir Path dir) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(Math.max(1, cores / 2), AutoParallelism.cpuShare(2));
        assertEquals(1, AutoParallelism.cpuShare(cores * 4), "at least one core each");
        ProcessBuilder shared = WorkerLauncher.command(dir.resolve("plan.json"), 0, -1, 3);
        String line = String.join(" ", shared.command()) + " " + shared.environment().getOrDefault(
                "LUMAFLOW_JAVA_OPTS", "");
        assertTrue(line.contains("-XX:ActiveProcessorCount=3"), line);
        assertTrue(line.contains("-Dlumaflow.decode.threads=3"), line);
        assertTrue(line.contains("-Dlumaflow.export.encoderThreads=5"), "x264's 1.5 threads a core: " + line);
        ProcessBuilder whole = WorkerLauncher.command(dir.resolve("plan.json"), 0, -1, 0);
        String wholeLine = String.join(" ", whole.command()) + " " + whole.environment().getOrDefault(
                "LUMAFLOW_JAVA_OPTS", "");
        assertFalse(wholeLine.contains("-Dlumaflow.export.encoderThreads=5"), wholeLine);
        System.setProperty("lumaflow.backend", "cpu");
        try {
            ProcessBuilder cpu = WorkerLauncher.command(dir.resolve("plan.json"), 0, -1, 0);
            String cpuLine = String.join(" ", cpu.command()) + " " + cpu.environment().getOrDefault(
                    "LUMAFLOW_JAVA_OPTS", "");
            assertTrue(cpuLine.contains("-Dlumaflow.backend=cpu"), "workers render where asked: " + cpuLine);
        } finally {
            System.clearProperty("lumaflow.backend");
        }
        System.setProperty("lumaflow.segments.share", "false");
        try {
            assertEquals(0, AutoParallelism.cpuShare(2), "sharing off: each worker sizes itself for the machine");
        } finally {
            System.clearProperty("lumaflow.segments.share");
        }
    }

    @Test
    void planRefusesGifAudioOnlyAndUnsegmentableEncoders() throws Exception {
        Timeline tl = SegTestSupport.generated(64, 36, 10);
        ExportException gif = assertThrows(ExportException.class,
                () -> segmented.plan(tl, dir, ExportSettings.to(dir.resolve("a.gif")), 2));
        assertTrue(gif.getMessage().contains("GIF cannot be exported in segments"), gif.getMessage());
        ExportException m4a = assertThrows(ExportException.class,
                () -> segmented.plan(tl, dir, ExportSettings.to(dir.resolve("a.m4a")), 2));
        assertTrue(m4a.getMessage().contains("audio-only export cannot be segmented"), m4a.getMessage());
        ExportException vp9 = assertThrows(ExportException.class, () -> segmented.plan(tl, dir,
                ExportSettings.to(dir.resolve("a.mkv")).withCodec("vp9").withEncoder("libvpx-vp9"), 2));
        assertTrue(vp9.getMessage().startsWith("libvpx-vp9 cannot be used for a segmented export"),
                vp9.getMessage());
        assertEquals(List.of(), names(), "nothing written for a refused plan");
    }

    @Test
    void planIsSavedAndLoadsBack() throws Exception {
        Timeline tl = SegTestSupport.generated(64, 36, 11);
        SegmentPlan p = segmented.plan(tl, dir, ExportSettings.to(dir.resolve("p.mp4")).withEncoder("libopenh264")
                .withKeyframeInterval(4), 20);
        assertEquals(11, p.segments().size(), "N > frames: one frame a segment");
        assertEquals(11, p.frames());
        assertTrue(p.workDir().getFileName().toString().startsWith(".p.mp4.segments."));
        assertTrue(Files.isRegularFile(p.project()));
        SegmentPlan back = segmented.load(p.planFile());
        assertEquals(p, back);
        WorkDirs.remove(p.workDir());
    }

    /** Single-pass and segmented exports of the same timeline with the same settings. */
    private record Pair(Path single, Path joined, ExportResult result, Notes notes) {
    }

    static ExportSettings to(ExportSettings s, Path o) {
        return new ExportSettings(o, s.codec(), s.encoder(), s.crf(), s.bitrate(), s.preset(), s.keyframeInterval(),
                s.width(), s.height(), s.firstFrame(), s.frames(), s.stallTimeout(), s.audio(), s.qc(), s.qcOptions())
                .withLoudness(s.loudness());
    }

    private Pair both(Timeline tl, String ext, ExportSettings base, int segments) throws Exception {
        Path single = dir.resolve("single." + ext);
        Path joined = dir.resolve("joined." + ext);
        exporter.start(tl, dir, to(base.withQc(false), single), ExportListener.none())
                .await();
        Notes n = new Notes();
        ExportResult r = segmented.start(tl, dir, to(base, joined), segments, local, n).await();
        return new Pair(single, joined, r, n);
    }

    @Test
    void joinedH264HasExactTimestampsIdrPerSegmentClosedGopsAndAudioEncodedOnce() throws Exception {
        SegTestSupport.clip(dir, "src.mp4", 320, 180, 2.44);
        Timeline tl = SegTestSupport.timeline("src.mp4", 320, 180, 61); // odd
        ExportSettings s = ExportSettings.to(dir.resolve("x.mp4")).withEncoder("libopenh264").withKeyframeInterval(10);
        Pair p = both(tl, "mp4", s, 3);
        assertEquals(61, p.result().frames());
        assertTrue(p.notes().notes.stream().anyMatch(x -> x.startsWith("segmented export: 3 segment(s)")),
                p.notes().notes.toString());
        assertEquals(61, p.notes().lastDone, "progress reaches the range");
        List<SegTestSupport.Pkt> pk = SegTestSupport.videoPackets(p.joined(), FrameRate.FPS_25);
        assertEquals(61, pk.size());
        long[] frames = pk.stream().mapToLong(SegTestSupport.Pkt::frame).sorted().toArray();
        for (int i = 0; i < frames.length; i++) {
            assertEquals(i, frames[i], "presentation timestamps continuous and exact");
        }
        for (int start : new int[] {0, 20, 40}) { // cuts on multiples of the keyframe interval (61 / 3 >= 10)
            assertTrue(pk.get(start).idr(), "IDR at the segment start, frame " + start);
        }
        for (int i = 0; i < pk.size(); i++) {
            if (pk.get(i).key()) {
                assertTrue(pk.get(i).idr(), "every key frame an IDR (closed GOP), frame " + i);
                for (int j = i + 1; j < pk.size(); j++) {
                    assertTrue(pk.get(j).frame() >= pk.get(i).frame(), "no leading picture after key frame " + i);
                }
            }
        }
        // audio: the whole range mixed and encoded once, exactly as the single pass does
        List<String> a1 = SegTestSupport.audioPackets(p.single());
        List<String> a2 = SegTestSupport.audioPackets(p.joined());
        assertTrue(a2.size() > 100, "audio present: " + a2.size());
        assertEquals(a1, a2, "the joined file's audio packets are the single pass's, byte for byte");
        // pictures: openh264 has no constant-quality mode; its bit-rate control restarts with every segment, so the
        // frames are not the single pass's bit for bit. The honest comparison: both against the source, equally
        // good (bit-identity is shown for an encoder without rate state, intraOnlyJoinEqualsSinglePass...)
        List<byte[]> y0 = SegTestSupport.lumaFrames(dir.resolve("src.mp4"));
        List<byte[]> y1 = SegTestSupport.lumaFrames(p.single());
        List<byte[]> y2 = SegTestSupport.lumaFrames(p.joined());
        assertEquals(61, y1.size());
        assertEquals(61, y2.size());
        double single = 0;
        double joined = 0;
        double worst = 99;
        for (int i = 0; i < 61; i++) {
            double a = SegTestSupport.psnr(y0.get(i), y1.get(i));
            double b = SegTestSupport.psnr(y0.get(i), y2.get(i));
            single += a / 61;
            joined += b / 61;
            worst = Math.min(worst, b - a);
        }
        String figures = String.format(java.util.Locale.ROOT, "mean luma PSNR vs the source: single pass %.2f dB,"
                + " segmented %.2f dB; worst frame %.2f dB below the single pass's", single, joined, -worst);
        System.out.println(figures);
        assertTrue(joined > single - 1.0, figures);
        assertTrue(single > 20 && joined > 20, figures);
        assertTrue(Files.exists(dir.resolve("joined.mp4.qc.json")), "QC over the joined file: " + names());
        assertTrue(names().stream().noneMatch(n -> n.contains(".segments.") || n.endsWith(".partial")),
                "work folder and temporaries gone: " + names());
    }

    @Test
    void loudnessNormalisedAudioIsTheSinglePasses() throws Exception {
        SegTestSupport.clip(dir, "src.mp4", 160, 90, 2.0);
        Timeline tl = SegTestSupport.timeline("src.mp4", 160, 90, 50);
        ExportSettings s = ExportSettings.to(dir.resolve("x.mp4")).withEncoder("libopenh264").withKeyframeInterval(10)
                .withLoudness(-16); // the source tone measures about -21 LUFS
        Pair p = both(tl, "mp4", s, 2);
        List<String> a1 = SegTestSupport.audioPackets(p.single());
        List<String> a2 = SegTestSupport.audioPackets(p.joined());
        assertTrue(a2.size() > 50, "audio present: " + a2.size());
        assertEquals(a1, a2, "normalised once over the whole range, as the single pass does");
        org.lumaflow.qc.loudness.LoudnessMeter m = new org.lumaflow.qc.loudness.LoudnessMeter();
        float[] l = new float[96_000];
        float[] r = new float[96_000];
        try (var a = media.openAudio(p.joined())) {
            a.read(0, l, r, 0, l.length);
        }
        m.add(l, r, 0, l.length);
        assertEquals(-16, m.result().integrated(), 0.5, "the joined file's loudness");
    }

    @Test
    void intraOnlyJoinEqualsSinglePassFrameForFrame() throws Exception {
        Timeline tl = SegTestSupport.generated(128, 72, 23);
        ExportSettings s = ExportSettings.to(dir.resolve("x.mov")).withCodec("prores").withEncoder("prores_ks")
                .withAudio(false);
        Pair p = both(tl, "mov", s, 4);
        List<SegTestSupport.Pkt> a = SegTestSupport.videoPackets(p.single(), FrameRate.FPS_25);
        List<SegTestSupport.Pkt> b = SegTestSupport.videoPackets(p.joined(), FrameRate.FPS_25);
        assertEquals(23, b.size());
        assertEquals(a, b, "every packet (frame number, key flag, data) equals the single pass's");
        List<byte[]> y1 = SegTestSupport.lumaFrames(p.single());
        List<byte[]> y2 = SegTestSupport.lumaFrames(p.joined());
        assertEquals(23, y2.size());
        for (int i = 0; i < 23; i++) {
            assertArrayEquals(y1.get(i), y2.get(i), "decoded frame " + i);
        }
    }

    @Test
    void failedSegmentIsRetried() throws Exception {
        Timeline tl = SegTestSupport.generated(96, 54, 30);
        EncoderFaults.failOnce("libopenh264", 4); // the first segment that reaches its frame 4 fails, once
        Notes n = new Notes();
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExportResult r = segmented.start(tl, dir, ExportSettings.to(dir.resolve("r.mp4")).withEncoder("libopenh264")
                .withQc(false), 3, local, n, new SegmentListener() {
                    @Override
                    public void planned(org.lumaflow.export.segment.SegmentPlan plan) {
                        heard.add("planned " + plan.segments().size());
                    }

                    @Override
                    public void state(int index, String state) {
                        heard.add(index + " " + state);
                    }
                }).await();
        assertEquals(30, r.frames());
        assertTrue(n.notes.stream().anyMatch(x -> x.matches("segment \\d: retry 2: .*injected failure.*")),
                n.notes.toString());
        // the segment listener hears the plan first, then every segment's states, the retry included
        assertEquals("planned 3", heard.get(0), heard.toString());
        for (int i = 0; i < 3; i++) {
            assertTrue(heard.contains(i + " done"), heard.toString());
        }
        assertTrue(heard.stream().anyMatch(x -> x.matches("\\d retry 2: .*injected failure.*")), heard.toString());
        assertEquals(30, SegTestSupport.videoPackets(r.output(), FrameRate.FPS_25).size());
    }

    @Test
    void failingSegmentFailsTheExportAfterBoundedRetriesOldOutputUntouched() throws Exception {
        Path out = dir.resolve("f.mp4");
        Files.writeString(out, "old");
        EncoderFaults.failAt("libopenh264", 2); // every attempt
        ExportJob job = segmented.start(SegTestSupport.generated(96, 54, 12), dir, ExportSettings.to(out)
                .withEncoder("libopenh264").withQc(false), 2, local, new Notes());
        ExportException e = assertThrows(ExportException.class, job::await);
        assertTrue(e.getMessage().contains("failed 3 times, no retry left"), e.getMessage());
        assertTrue(e.getMessage().contains("segment "), e.getMessage());
        assertEquals("old", Files.readString(out));
        assertEquals(List.of("f.mp4"), names());
    }

    @Test
    void duplicateCommitIsHarmless() throws Exception {
        SegmentPlan plan = segmented.plan(SegTestSupport.generated(96, 54, 8), dir, ExportSettings.to(
                dir.resolve("d.mp4")).withEncoder("libopenh264").withQc(false), 2);
        SegmentResult first = segmented.encode(plan, 1, SegmentListener.none(), () -> false);
        SegmentResult again = segmented.encode(plan, 1, SegmentListener.none(), () -> false);
        assertEquals(first, again, "an already committed index is returned as is");
        // a second run that finished later (another worker) commits nothing: the first commit wins
        Path late = plan.workDir().resolve(".late.mkv");
        Files.write(late, new byte[] {1, 2, 3});
        SegmentResult dup = Commits.commit(plan, plan.segments().get(1), late, "other", 1);
        assertEquals(first, dup);
        assertFalse(Files.exists(late), "the loser's file is removed");
        assertEquals(first.sha256(), Commits.sha256(Path.of(first.file())));
        SegmentResult zero = segmented.encode(plan, 0, SegmentListener.none(), () -> false);
        ExportResult r = segmented.join(plan, List.of(zero, first), ExportListener.none(), () -> false);
        assertEquals(8, r.frames());
        WorkDirs.remove(plan.workDir());
    }

    @Test
    void corruptSegmentFailsTheChecksAndLeavesTheOldOutput() throws Exception {
        Path out = dir.resolve("c.mp4");
        Files.writeString(out, "old");
        SegmentPlan plan = segmented.plan(SegTestSupport.generated(96, 54, 20), dir, ExportSettings.to(out)
                .withEncoder("libopenh264").withQc(false), 2);
        List<SegmentResult> rs = local.run(plan, SegmentListener.none(), () -> false);
        Path seg1 = Path.of(rs.get(1).file());
        byte[] b = Files.readAllBytes(seg1);
        b[b.length / 2] ^= 0x55;
        Files.write(seg1, b);
        ExportException e = assertThrows(ExportException.class,
                () -> segmented.join(plan, rs, ExportListener.none(), () -> false));
        assertTrue(e.getMessage().contains("segment 1") && e.getMessage().contains("is corrupt"), e.getMessage());
        assertEquals("old", Files.readString(out));
        // a segment cut short, with a manifest that matches it, is caught by the join's own checks
        Files.write(seg1, java.util.Arrays.copyOf(b, b.length / 2));
        Files.delete(Commits.record(plan, plan.segments().get(1)));
        SegmentResult rebuilt = Commits.committed(plan, plan.segments().get(1));
        List<SegmentResult> cut = new ArrayList<>(List.of(rs.get(0), rebuilt));
        ExportException e2 = assertThrows(ExportException.class,
                () -> segmented.join(plan, cut, ExportListener.none(), () -> false));
        assertTrue(e2.getMessage().contains("segment 1"), e2.getMessage());
        assertEquals("old", Files.readString(out));
        WorkDirs.remove(plan.workDir());
        assertEquals(List.of("c.mp4"), names(), "no temporary left");
    }

    @Test
    void cancelStopsEverySegmentAndRemovesTheWorkFolder() throws Exception {
        Path out = dir.resolve("k.mp4");
        Files.writeString(out, "old");
        Notes n = new Notes();
        ExportJob job = segmented.start(SegTestSupport.generated(640, 360, 3000), dir, ExportSettings.to(out)
                .withEncoder("libopenh264").withQc(false), 3, local, n);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (n.lastDone < 10 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(n.lastDone >= 10, "it ran");
        job.cancel();
        ExportException e = assertThrows(ExportException.class, () -> job.await(Duration.ofSeconds(30)));
        assertTrue(e.cancelled(), e.getMessage());
        assertEquals("old", Files.readString(out));
        assertEquals(List.of("k.mp4"), names(), "work folder and temporaries removed");
    }
}
