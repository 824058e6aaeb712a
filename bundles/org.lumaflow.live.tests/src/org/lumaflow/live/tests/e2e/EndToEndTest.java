package org.lumaflow.live.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.cli.CliCommand;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.live.DropStrategy;
import org.lumaflow.live.Layout;
import org.lumaflow.live.LiveConfig;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveListener;
import org.lumaflow.live.LiveService;
import org.lumaflow.live.LiveSession;
import org.lumaflow.live.LiveSource;
import org.lumaflow.live.LiveSourceProvider;
import org.lumaflow.live.LiveStats;
import org.lumaflow.live.OutputStats;
import org.lumaflow.live.SourceOptions;
import org.lumaflow.live.internal.probe.StampReader;
import org.lumaflow.live.tests.receivers.NginxRtmp;
import org.lumaflow.live.tests.receivers.Receiver;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/**
 * The whole chain with the real services: the test source -> the session (composition, the real encoder) -> a
 * recording and streams -> received by the url source and read by the probe's {@link StampReader} (frame numbers
 * consecutive, latency from wall-clock stamps), and the {@code live-probe} command.
 */
class EndToEndTest {

    static BundleContext bc;
    static LiveService live;
    static LiveSourceProvider url;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        bc = OsgiTests.startAll(EndToEndTest.class);
        live = OsgiTests.service(bc, LiveService.class);
        url = OsgiTests.service(bc, LiveSourceProvider.class, p -> p.kind().equals("url"), "url source");
    }

    static LiveConfig config(String source, Path record, List<String> streams, double seconds) {
        return new LiveConfig(List.of(source), Layout.full(), null, record, streams, 640, 360, new FrameRate(30, 1),
                Duration.ofMillis((long) (seconds * 1000)), DropStrategy.ADAPTIVE, "auto", 1_500_000, 1, "cpu",
                Map.of());
    }

    /** Reads a stream or file through the url source into a stamp reader until it ends or {@code seconds} pass. */
    static StampReader.Result receive(LiveSource source, StampReader reader, double seconds) throws Exception {
        source.start(reader);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (!reader.done() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        source.close();
        return reader.result();
    }

    @Test
    void recordingAndRtmpCarryEveryPictureInOrder() throws Exception {
        Path mp4 = dir.resolve("program.mp4");
        try (NginxRtmp nginx = NginxRtmp.create(dir)) {
            nginx.start();
            String rtmp = "rtmp://127.0.0.1:" + nginx.port() + "/live/e2ekey42";
            LiveSession s = live.start(config("test", mp4, List.of(rtmp), 3), new LiveListener() {
            });
            assertTrue(s.await(Duration.ofSeconds(20)), "the session did not end after its duration");
            s.stop();
            assertNull(s.failure());
            LiveStats st = s.stats();
            System.out.println("e2e record+rtmp: " + st.line());
            assertTrue(st.encodedFrames() >= 85, "encoded " + st.line());
            for (OutputStats o : st.outputs()) {
                assertFalse(o.name().contains("e2ekey42"), "stream key in statistics: " + o.name());
                assertEquals(0, o.dropped(), o.name());
            }
            Thread.sleep(500); // nginx closes its recording when the publisher leaves
            for (Path file : List.of(mp4, nginx.recording("e2ekey42"))) {
                assertTrue(Files.size(file) > 10_000, file + " is empty");
                try (StampReader r = new StampReader(false)) {
                    StampReader.Result res = receive(url.open(file.toString(),
                            new SourceOptions(0, 0, null, Map.of("realtime", "0"))), r, 20);
                    assertNull(r.failure(), file + ": " + r.failure());
                    assertTrue(res.frames() >= 85 && res.frames() <= 95, file + ": " + res.line());
                    assertTrue(res.first() <= 3, file + ": the program starts with the source's first pictures: "
                            + res.line());
                    // one unreadable stamp in 90 was seen a few times in CI and not explained yet (closing note)
                    assertTrue(res.stamped() >= res.frames() - 1, file + ": unreadable stamps: " + res.line());
                    // every missing picture is one the statistics counted (a fresh JVM on a loaded 2-core CI
                    // machine may be late for a tick or two at the start)
                    long counted = st.droppedCapture() + st.droppedProcess() + st.droppedEncode() + st.droppedSend();
                    // (a late tick is counted at process and its overwritten picture again at capture; a picture
                    // arriving just after its tick is shown twice and its successor counted at capture)
                    assertTrue(res.missing() <= counted && counted <= 6, file + ": " + res.line() + " / " + st.line());
                    assertTrue(res.repeated() <= st.droppedCapture(), file + ": " + res.line() + " / " + st.line());
                }
            }
            assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().contains(".recording.")),
                    "a temporary recording was left behind");
        }
        // that recording as a paced network-like source: one source, full layout, no effects = passthrough (NV12
        // from the source's conversion pass straight to the encoder)
        Path copy = dir.resolve("copy.mkv");
        LiveSession s = live.start(config("url:" + mp4, copy, List.of(), 2.5), new LiveListener() {
        });
        assertTrue(s.await(Duration.ofSeconds(20)));
        s.stop();
        System.out.println("e2e passthrough: " + s.stats().line());
        try (StampReader r = new StampReader(false)) {
            StampReader.Result res = receive(url.open(copy.toString(),
                    new SourceOptions(0, 0, null, Map.of("realtime", "0"))), r, 20);
            // a second generation (1.5 Mb/s recording re-encoded): one picture may lose its stamp
            assertTrue(res.frames() >= 70, res.line());
            assertTrue(res.stamped() >= res.frames() - 1, res.line());
            // (a paced file against the tick clock: a picture late by more than a quarter tick is shown twice and its
            // successor skipped)
            assertTrue(res.missing() <= 2 && res.repeated() <= 2, res.line());
        }
    }

    @Test
    void srtGlassToGlassLatencyIsMeasuredAtTheReceiver() throws Exception {
        int port = Receiver.freeUdpPort();
        try (StampReader reader = new StampReader(true)) {
            // a listener's open waits for the caller and probes its stream: open it beside the session
            CompletableFuture<LiveSource> opened = CompletableFuture.supplyAsync(() -> {
                try {
                    LiveSource in = url.open("srt://127.0.0.1:" + port + "?mode=listener",
                            new SourceOptions(0, 0, null, Map.of("timeout", "8", "latency", "80000")));
                    in.start(reader);
                    return in;
                } catch (LiveException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            Thread.sleep(300);
            LiveSession s = live.start(config("test:clock", null,
                    List.of("srt://127.0.0.1:" + port + "?mode=caller&latency=80"), 4), new LiveListener() {
                    });
            LiveSource in = opened.get(15, TimeUnit.SECONDS);
            assertTrue(s.await(Duration.ofSeconds(20)));
            s.stop();
            Thread.sleep(300);
            in.close();
            StampReader.Result r = reader.result();
            System.out.println("e2e SRT 640x360@30, test:clock -> session -> srt -> url source: " + r.line());
            assertTrue(r.frames() >= 75, r.line()); // 120 sent; the listener joins and probes first
            assertTrue(r.stamped() >= r.frames() - 2, r.line());
            // loopback, SRT latency 80 ms: generous bounds for a loaded 2-core CI machine
            assertTrue(r.p50() > 0 && r.p50() < 600, r.line());
            assertTrue(r.p95() < 1500, r.line());
        }
    }

    /** Two sources as picture-in-picture composed on the GPU backend (lavapipe in CI), NV12 converted before readback. */
    @Test
    void pictureInPictureOnTheGpuBackend() throws Exception {
        Engine engine = OsgiTests.service(bc, Engine.class);
        Path mkv = dir.resolve("gpu.mkv");
        LiveConfig c = new LiveConfig(List.of("test:640x360", "test:320x180"), Layout.pip(), null, mkv, List.of(), 640, 360,
                new FrameRate(30, 1), Duration.ofMillis(1500), DropStrategy.ADAPTIVE, "auto", 1_500_000, 1, "gpu",
                Map.of());
        String backend;
        LiveStats st;
        try {
            LiveSession s = live.start(c, new LiveListener() {
            });
            backend = engine.backend();
            assertTrue(s.await(Duration.ofSeconds(30)));
            s.stop();
            assertNull(s.failure());
            st = s.stats();
        } finally {
            engine.preferBackend("auto");
        }
        System.out.println("e2e pip on " + backend + ": " + st.line());
        assertTrue(st.encodedFrames() >= 30, st.line());
        try (StampReader r = new StampReader(false)) {
            StampReader.Result res = receive(url.open(mkv.toString(),
                    new SourceOptions(0, 0, null, Map.of("realtime", "0"))), r, 20);
            assertEquals(st.encodedFrames(), res.frames(), res.line());
            assertTrue(res.stamped() >= res.frames() - 1, "the main source's stamp survives the GPU path: "
                    + res.line());
        }
        assertFalse("cpu".equals(backend), "the session did not render on a GPU backend");

    }

    @Test
    void liveProbeCommandReportsClearly() throws Exception {
        CliCommand probe = OsgiTests.service(bc, CliCommand.class, c -> c.name().equals("live-probe"), "live-probe");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int port = Receiver.freeUdpPort();
        int code = probe.run(List.of("udp://127.0.0.1:" + port, "--duration", "1", "--timeout", "1"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, text);
        assertTrue(text.contains("no answer or no data") && text.contains("udp://127.0.0.1:" + port), text);
        assertFalse(text.contains("Exception"), text);
    }
}
