package org.lumaflow.export.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.MediaService.Fit;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;
import org.lumaflow.export.EncoderChoice;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportJob;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportProgress;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.Exporter;
import org.lumaflow.export.internal.EncoderFaults;
import org.lumaflow.export.internal.segment.SegTestSupport;
import org.lumaflow.testsupport.OsgiTests;
import org.lumaflow.testsupport.Pictures;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

class ExportTest {

    static Exporter exporter;
    static Engine engine;
    static MediaService media;
    static BundleContext bc;

    @TempDir
    Path dir;

    @BeforeAll
    static void services() throws Exception {
        bc = OsgiTests.startAll(ExportTest.class);
        exporter = service(Exporter.class);
        engine = service(Engine.class);
        media = service(MediaService.class);
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        return OsgiTests.service(bc, type);
    }

    @AfterEach
    void clearFaults() {
        EncoderFaults.clear();
    }

    /** Bars for half the time, then a moving gradient (no audio). */
    static Timeline timeline(int w, int h, int frames) {
        return SegTestSupport.generated(w, h, frames);
    }

    private void noTemporaryFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> left = s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
            assertTrue(left.isEmpty(), "temporary files left: " + left);
        }
    }

    @Test
    void candidatesAreProbedAndExplained() {
        List<EncoderChoice> h264 = exporter.candidates("h264");
        assertEquals("h264_nvenc", h264.get(0).name(), "hardware first");
        EncoderChoice x264 = h264.stream().filter(c -> c.name().equals("libx264")).findFirst().orElseThrow();
        assertFalse(x264.usable());
        assertTrue(x264.reason().contains("codec pack"), x264.reason());
        EncoderChoice openh264 = h264.stream().filter(c -> c.name().equals("libopenh264")).findFirst()
                .orElseThrow();
        assertTrue(openh264.usable(), openh264.reason());
        assertTrue(h264.stream().filter(c -> c.hardware()).allMatch(c -> !c.usable() && !c.reason().isEmpty()),
                "no GPU on the CI machine: " + h264);
    }

    @Test
    void exportedFileMatchesTheRenderAndIsTagged() throws Exception {
        Timeline tl = timeline(320, 180, 50);
        Path out = dir.resolve("out.mp4");
        AtomicLong lastDone = new AtomicLong();
        ExportResult r = exporter.start(tl, dir, ExportSettings.to(out), new ExportListener() {
            @Override
            public void progress(ExportProgress p) {
                assertTrue(p.framesDone() >= lastDone.get(), "progress never goes back");
                lastDone.set(p.framesDone());
            }
        }).await();
        assertEquals(50, r.frames());
        assertEquals(50, lastDone.get());
        var perms = Files.getPosixFilePermissions(out);
        assertTrue(perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                || perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ),
                "the export gets normal permissions, not a temp file's owner-only ones: " + perms);
        assertEquals("libopenh264", r.encoder());
        VideoStreamInfo v = media.probe(out).firstVideo();
        assertEquals(320, v.width());
        assertEquals(180, v.height());
        assertEquals(50, v.frames());
        assertEquals("bt709", v.colorSpace());
        assertEquals("bt709", v.colorPrimaries());
        assertEquals("bt709", v.colorTransfer());
        assertEquals("tv", v.colorRange());
        TimelineRenderer renderer = new TimelineRenderer(engine, tl, dir);
        double worst = 99;
        try (VideoSource src = media.openVideo(out, 320, 180, Fit.STRETCH, engine.pool(), 2);
                Frame decoded = engine.pool().lease(FrameKey.rgba(320, 180))) {
            for (int i = 0; i < 50; i += 7) {
                src.read(tl.format().rate().frameToTicks(i), decoded);
                try (RenderResult ref = renderer.renderFrame(i, 320, 180)) {
                    double q = Pictures.psnrY(ref.frame(), decoded);
                    System.out.println("frame " + i + " PSNR-Y " + q);
                    worst = Math.min(worst, q);
                }
            }
        }
        assertTrue(worst >= 40, "PSNR of the export against the render: " + worst + " dB");
        noTemporaryFiles();
    }

    /** QC runs on the encoded frames by default and writes its reports beside the output; off on request. */
    @Test
    void qcReportIsWrittenBesideTheOutput() throws Exception {
        Timeline tl = timeline(320, 180, 50);
        Path out = dir.resolve("qc.mp4");
        ExportResult r = exporter.start(tl, dir, ExportSettings.to(out), p -> { }).await();
        assertEquals(dir.resolve("qc.mp4.qc.html"), r.qcReport());
        String json = Files.readString(dir.resolve("qc.mp4.qc.json"));
        assertEquals(50, json.split("\"YAVG\"", -1).length - 1, "one entry per exported frame");
        assertTrue(Files.readString(r.qcReport()).contains("<svg"));
        Path plain = dir.resolve("plain.mp4");
        ExportResult off = exporter.start(tl, dir, ExportSettings.to(plain).withQc(false), p -> { }).await();
        assertEquals(null, off.qcReport());
        assertFalse(Files.exists(dir.resolve("plain.mp4.qc.html")));
    }

    @Test
    void oddSizesAreRoundedDownToEven() throws Exception {
        Path out = dir.resolve("odd.mkv");
        ExportResult r = exporter.start(timeline(161, 91, 6), dir, ExportSettings.to(out), ExportListener.none())
                .await();
        assertEquals(160, r.width());
        assertEquals(90, r.height());
        assertEquals(160, media.probe(out).firstVideo().width());
        assertEquals(90, media.probe(out).firstVideo().height());
    }

    @Test
    void containerThatCannotHoldTheCodecIsAClearError() throws Exception {
        Path out = dir.resolve("x.webm");
        ExportJob job = exporter.start(timeline(64, 36, 4), dir, ExportSettings.to(out).withCodec("h264")
                .withEncoder("libopenh264"), ExportListener.none());
        ExportException e = assertThrows(ExportException.class, job::await);
        assertTrue(e.getMessage().contains("cannot hold h264"), e.getMessage());
        assertFalse(Files.exists(out));
        noTemporaryFiles();
        e = assertThrows(ExportException.class, () -> exporter.start(timeline(64, 36, 4), dir,
                ExportSettings.to(dir.resolve("x.avi")), ExportListener.none()));
        assertTrue(e.getMessage().contains("unknown container"), e.getMessage());
    }

    @Test
    void encoderFailingMidExportFallsBackToTheNextCandidate() throws Exception {
        List<EncoderChoice> av1 = exporter.candidates("av1");
        List<String> usable = av1.stream().filter(EncoderChoice::usable).map(EncoderChoice::name).toList();
        assertTrue(usable.size() >= 2, "two software AV1 encoders expected: " + av1);
        EncoderFaults.failAt(usable.get(0), 5);
        Path out = dir.resolve("fallback.mkv");
        List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExportResult r = exporter.start(timeline(64, 36, 12), dir, ExportSettings.to(out).withCodec("av1"),
                new ExportListener() {
                    @Override
                    public void progress(ExportProgress p) {
                    }

                    @Override
                    public void note(String message) {
                        notes.add(message);
                    }
                }).await();
        assertEquals(usable.get(1), r.encoder());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains(usable.get(0) + " failed")
                && w.contains("restarting with " + usable.get(1))), r.warnings().toString());
        assertEquals(12, media.probe(out).firstVideo().frames());
        noTemporaryFiles();
    }

    @Test
    void pinnedEncoderFailureIsReportedWithoutFallback() throws Exception {
        EncoderFaults.failAt("libopenh264", 3);
        Path out = dir.resolve("pinned.mp4");
        ExportJob job = exporter.start(timeline(64, 36, 8), dir, ExportSettings.to(out).withEncoder("libopenh264"),
                ExportListener.none());
        ExportException e = assertThrows(ExportException.class, job::await);
        assertTrue(e.getMessage().contains("chosen by the user, no fallback"), e.getMessage());
        assertFalse(Files.exists(out));
        noTemporaryFiles();
    }

    @Test
    void cancelStopsQuicklyAndLeavesTheOldFileUntouched() throws Exception {
        Path out = dir.resolve("keep.mp4");
        byte[] old = "an earlier export".getBytes();
        Files.write(out, old);
        Timeline tl = timeline(640, 360, 2000);
        AtomicLong done = new AtomicLong();
        ExportJob job = exporter.start(tl, dir, ExportSettings.to(out), new ExportListener() {
            @Override
            public void progress(ExportProgress p) {
                done.set(p.framesDone());
            }
        });
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (done.get() < 10 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long t0 = System.nanoTime();
        job.cancel();
        ExportException e = assertThrows(ExportException.class, job::await);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(e.cancelled(), e.getMessage());
        assertTrue(ms < 2000, "cancel took " + ms + " ms");
        System.out.println("cancel -> stopped in " + ms + " ms");
        assertArrayEquals(old, Files.readAllBytes(out), "destination untouched");
        noTemporaryFiles();
    }

    /** A node that never finishes frame 3 (a plugin stuck on a lock). */
    static final class HangNode implements NodeType {
        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.hang", "Hang", "Test", "Hangs at 0.12 s", List.of(), PortType.IMAGE,
                    List.of());
        }

        @Override
        public void render(NodeContext ctx) throws Exception {
            if (ctx.time() >= FrameRate.FPS_25.frameToTicks(3)) {
                Thread.sleep(60_000);
            }
            ctx.output().fill((byte) 0x40);
        }
    }

    @Test
    void stalledStageFailsWithAClearErrorInsteadOfHanging() throws Exception {
        ServiceRegistration<NodeType> reg = bc.registerService(NodeType.class, new HangNode(), new Hashtable<>());
        try {
            Thread.sleep(100);
            FrameRate rate = FrameRate.FPS_25;
            Timeline tl = new Timeline(new VideoFormat(64, 36, rate));
            Track v1 = new Track("V1");
            v1.clips().add(new Clip("hang", new GraphNode("hang", "test.hang"), 0, 0, rate.frameToTicks(10)));
            tl.tracks().add(v1);
            Path out = dir.resolve("stall.mp4");
            long t0 = System.nanoTime();
            ExportJob job = exporter.start(tl, dir, ExportSettings.to(out).withStallTimeout(Duration.ofSeconds(1)),
                    ExportListener.none());
            ExportException e = assertThrows(ExportException.class, () -> job.await(Duration.ofSeconds(20)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(e.getMessage().contains("stalled") && e.getMessage().contains("render"), e.getMessage());
            assertTrue(ms < 10_000, "took " + ms + " ms");
            assertFalse(Files.exists(out));
            noTemporaryFiles();
        } finally {
            reg.unregister();
        }
    }

    @Test
    void plainTranscodeTakesTheDirectPathAndMatchesTheSource() throws Exception {
        Path src = dir.resolve("src.mp4");
        Process p = new ProcessBuilder(org.lumaflow.media.ffmpeg.FFmpeg.commandLine().toString(), "-hide_banner",
                "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25", "-frames:v", "40",
                "-pix_fmt", "yuv420p", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
                "-color_range", "tv", "-c:v", "libopenh264", "-b:v", "3M", src.toString()).redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        Timeline tl = org.lumaflow.decoder.MediaClips.timeline(media.probe(src));
        List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExportListener l = new ExportListener() {
            @Override
            public void progress(ExportProgress pr) {
            }

            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        Path direct = dir.resolve("direct.mp4");
        // a generous bit rate: this compares the two paths, not the encoder's generation loss
        exporter.start(tl, dir, ExportSettings.to(direct).withBitrate(3_000_000), l).await();
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("direct path: src.mp4")), notes.toString());
        notes.clear();
        Path rendered = dir.resolve("rendered.mp4");
        System.setProperty("lumaflow.export.direct", "false");
        try {
            exporter.start(tl, dir, ExportSettings.to(rendered).withBitrate(3_000_000), l).await();
        } finally {
            System.clearProperty("lumaflow.export.direct");
        }
        assertTrue(notes.stream().noneMatch(n -> n.startsWith("direct path")), notes.toString());
        try (VideoSource a = media.openVideo(src, 320, 180, Fit.STRETCH, engine.pool(), 2);
                VideoSource b = media.openVideo(direct, 320, 180, Fit.STRETCH, engine.pool(), 2);
                VideoSource c = media.openVideo(rendered, 320, 180, Fit.STRETCH, engine.pool(), 2);
                Frame fa = engine.pool().lease(FrameKey.rgba(320, 180));
                Frame fb = engine.pool().lease(FrameKey.rgba(320, 180));
                Frame fc = engine.pool().lease(FrameKey.rgba(320, 180))) {
            for (int i = 0; i < 40; i += 9) {
                long t = tl.format().rate().frameToTicks(i);
                a.read(t, fa);
                b.read(t, fb);
                c.read(t, fc);
                double qd = Pictures.psnrY(fa, fb);
                double qr = Pictures.psnrY(fa, fc);
                System.out.println("transcode frame " + i + " PSNR-Y direct " + qd + " rendered " + qr);
                assertTrue(qd >= 40 && qr >= 40, "frame " + i + ": direct " + qd + " dB, rendered " + qr + " dB");
            }
        }
        assertEquals(40, media.probe(direct).firstVideo().frames());
    }

    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s / (to - from));
    }

    static int crossings(float[] x, int from, int to) {
        int c = 0;
        for (int i = from + 1; i < to; i++) {
            if ((x[i - 1] < 0) != (x[i] < 0)) {
                c++;
            }
        }
        return c;
    }

    @Test
    void timelineAudioIsPlacedMixedEncodedAndMuxed() throws Exception {
        Path src = dir.resolve("tone.mkv");
        Process p = new ProcessBuilder(org.lumaflow.media.ffmpeg.FFmpeg.commandLine().toString(), "-hide_banner",
                "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=s=160x90:r=25", "-f", "lavfi", "-i",
                "sine=f=440:r=44100,aformat=channel_layouts=stereo", "-t", "2", "-c:v", "ffv1", "-c:a", "flac",
                src.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        var info = media.probe(src);
        assertEquals(44100, info.audio().get(0).sampleRate());
        double sourceRms;
        try (var a = media.openAudio(src)) {
            float[] l = new float[48000];
            float[] rr = new float[48000];
            a.read(24000, l, rr, 0, l.length);
            sourceRms = rms(l, 0, l.length);
        }
        // the clip starts half a second into a 2.5 s timeline
        Timeline tl = new Timeline(new VideoFormat(160, 90, FrameRate.FPS_25));
        Track v1 = new Track("V1");
        v1.clips().add(org.lumaflow.decoder.MediaClips.clip("tone", info, FrameRate.FPS_25.frameToTicks(12) + 
                FrameRate.FPS_25.frameToTicks(1) / 2));
        tl.tracks().add(v1);
        for (String name : List.of("tone-out.mp4", "tone-out.webm")) {
            Path out = dir.resolve(name);
            ExportResult r = exporter.start(tl, dir, ExportSettings.to(out), ExportListener.none()).await();
            var probed = media.probe(out);
            assertEquals(1, probed.audio().size(), name + ": " + probed);
            assertEquals(name.endsWith(".mp4") ? "aac" : "opus", probed.audio().get(0).codec());
            assertEquals(2, probed.audio().get(0).channels());
            try (var a = media.openAudio(out)) {
                float[] l = new float[48000 * 3];
                float[] rr = new float[48000 * 3];
                a.read(0, l, rr, 0, l.length);
                double silence = rms(l, 2400, 21600); // 0.05 .. 0.45 s
                double tone = rms(l, 36000, 108000); // 0.75 .. 2.25 s
                int cross = crossings(l, 48000, 96000); // 1 s of a 440 Hz tone: 880 crossings
                System.out.println(name + ": silence rms " + silence + " tone rms " + tone + " crossings " + cross
                        + " in " + r.seconds() + " s");
                assertTrue(silence < 0.002, name + " silence rms " + silence);
                assertEquals(sourceRms, tone, sourceRms * 0.05, name + " tone rms vs the source's");
                assertEquals(880, cross, 6, name + " zero crossings");
            }
        }
        noTemporaryFiles();
    }

    @Test
    void gifGetsAPalettePerFrameAndKeepsOddSizes() throws Exception {
        Timeline tl = timeline(161, 91, 10);
        Path out = dir.resolve("anim.gif");
        ExportResult r = exporter.start(tl, dir, ExportSettings.to(out), ExportListener.none()).await();
        assertEquals("gif", r.encoder());
        assertEquals(161, r.width(), "GIF keeps odd sizes");
        VideoStreamInfo v = media.probe(out).firstVideo();
        assertEquals("gif", v.codec());
        assertEquals(161, v.width());
        TimelineRenderer renderer = new TimelineRenderer(engine, tl, dir);
        try (VideoSource src = media.openVideo(out, 161, 91, Fit.STRETCH, engine.pool(), 2);
                Frame decoded = engine.pool().lease(FrameKey.rgba(161, 91))) {
            for (int i : new int[] {1, 8}) {
                src.read(tl.format().rate().frameToTicks(i), decoded);
                try (RenderResult ref = renderer.renderFrame(i, 161, 91)) {
                    double q = Pictures.psnrY(ref.frame(), decoded);
                    System.out.println("gif frame " + i + " PSNR-Y " + q);
                    assertTrue(q >= 30, "gif frame " + i + ": " + q + " dB");
                }
            }
        }
        noTemporaryFiles();
    }
}
