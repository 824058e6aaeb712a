package org.lumaflow.live.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveSource;
import org.lumaflow.live.SourceOptions;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * The {@code url} source as a camera stand-in: the bundled ffmpeg program encodes stamped test-pattern pictures (fed
 * raw on its stdin, paced by {@code -re}) with libopenh264 and pushes them over UDP or SRT on loopback; the source
 * reads them through the same reader as the devices. Content (every picture's stamp), rate, allocation, the sender
 * killed mid-stream, a file's normal end, and unreachable addresses.
 */
class UrlCaptureTest {

    @TempDir
    static Path dir;
    private static FramePool pool;
    private final UrlSourceProvider provider = new UrlSourceProvider();

    @BeforeAll
    static void setUp() {
        pool = new FramePool();
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    /** The bundled ffmpeg encoding stamped 640x360 pattern pictures from its stdin to {@code out}. */
    static final class Pusher implements AutoCloseable {
        final Process process;
        private final Thread feeder;

        Pusher(String log, String... outArgs) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(FFmpeg.commandLine().toString(), "-hide_banner", "-loglevel",
                    "error", "-re", "-f", "rawvideo", "-pix_fmt", "rgba", "-s", "640x360", "-r", "30", "-i", "-",
                    "-c:v", "libopenh264", "-b:v", "1M", "-g", "15"));
            cmd.addAll(List.of(outArgs));
            process = new ProcessBuilder(cmd).redirectError(dir.resolve(log).toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            feeder = new Thread(() -> {
                try (FramePool p = new FramePool(); Frame f = p.lease(640, 360, PixelFormat.RGBA8, Usage.RENDER);
                        OutputStream out = process.getOutputStream()) {
                    byte[] bytes = new byte[640 * 360 * 4];
                    for (long n = 0; n < 30 * 60; n++) {
                        TestPattern.draw(f, n);
                        f.buffer().get(0, bytes);
                        out.write(bytes);
                    }
                } catch (IOException e) {
                    // the pusher was killed
                }
            }, "pusher feed");
            feeder.setDaemon(true);
            feeder.start();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        @Override
        public void close() throws InterruptedException {
            kill();
            feeder.join(5000);
        }
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Reads for 3 s, checks content and rate, kills the sender and expects a failure naming the source. */
    private void captureThenLoseTheSender(Pusher pusher, LiveSource s, String name) throws Exception {
        FFmpegSource src = (FFmpegSource) s;
        try (BufferedSink buffered = new BufferedSink(pool)) {
            RecordingSink sink = new RecordingSink(buffered);
            assertEquals(640, s.width());
            assertEquals(360, s.height());
            assertTrue(s.hasVideo());
            s.start(sink);
            Thread.sleep(600);
            Meter m = new Meter(src.thread(), src::frames);
            int first = sink.count;
            Thread.sleep(3000);
            Meter.Result r = m.stop();
            System.out.println(name + " 640x360@30 (H.264 -> RGBA8): " + r);
            assertTrue(Math.abs(r.fps() - 30) < 5, "about 30 pictures a second: " + r);
            assertTrue(r.bytesPerFrame() < 1024, "no per-frame allocation on the capture thread: " + r);
            int got = sink.count - first;
            int ok = sink.consecutive(first + 1);
            assertTrue(ok >= got - 4, "every picture carries the next frame number: " + ok + " of " + got);
            Frame f = buffered.video().current() != null ? buffered.video().current() : buffered.video().take();
            if (buffered.video().take() != null) {
                f = buffered.video().current();
            }
            assertNotNull(f);
            long n = FrameStamp.read(f);
            assertTrue(n > 0, "the newest picture's stamp");
            int y = 200;
            for (int x = 20; x < 640; x += 80) {
                int bar = TestPattern.BARS[TestPattern.bar(x, 640, n)];
                int center = TestPattern.bar(x - 12, 640, n) == TestPattern.bar(x + 12, 640, n) ? 1 : 0;
                if (center == 1) {
                    assertNear(f, x, y, bar, 24);
                }
            }
            assertNull(buffered.failure());
            long killed = System.nanoTime();
            pusher.kill();
            while (buffered.failure() == null && System.nanoTime() - killed < 6_000_000_000L) {
                Thread.sleep(10);
            }
            double after = (System.nanoTime() - killed) / 1e9;
            String failure = buffered.failure();
            assertNotNull(failure, "the lost sender is reported");
            System.out.println(name + " sender killed -> failed after " + String.format("%.2f s", after) + ": "
                    + failure);
            assertTrue(after < 3.5, "reported within 3.5 s, took " + after);
            assertTrue(failure.startsWith(s.name() + ": "), failure);
            assertTrue(failure.contains("no data for 2 s") || failure.contains("ended"), failure);
            assertFalse(failure.contains("Exception"), failure);
            s.close();
        }
    }

    private static void assertNear(Frame f, int x, int y, int rgba, int tol) {
        int i = (y * f.width() + x) * 4;
        for (int c = 0; c < 3; c++) {
            int want = (rgba >>> (8 * c)) & 0xFF;
            int got = f.buffer().get(i + c) & 0xFF;
            assertTrue(Math.abs(want - got) <= tol, "pixel " + x + "," + y + " channel " + c + ": " + got + " vs "
                    + want);
        }
    }

    @Test
    void udpStreamAndItsSenderKilled() throws Exception {
        int port = freeUdpPort();
        try (Pusher p = new Pusher("udp-push.log", "-f", "mpegts", "udp://127.0.0.1:" + port + "?pkt_size=1316")) {
            LiveSource s = provider.open("udp://127.0.0.1:" + port, SourceOptions.defaults());
            assertEquals("url udp://127.0.0.1:" + port + " 640x360@30", s.name());
            captureThenLoseTheSender(p, s, "udp");
        }
    }

    @Test
    void closeReturnsAtOnceWhileTheReadWaitsForData() throws Exception {
        int port = freeUdpPort();
        try (Pusher p = new Pusher("close-push.log", "-f", "mpegts", "udp://127.0.0.1:" + port + "?pkt_size=1316");
                BufferedSink sink = new BufferedSink(pool)) {
            LiveSource s = provider.open("udp://127.0.0.1:" + port, SourceOptions.defaults());
            s.start(sink);
            Thread.sleep(300);
            p.kill();
            Thread.sleep(300); // the reader now waits for data that will not come
            long t0 = System.nanoTime();
            s.close();
            double took = (System.nanoTime() - t0) / 1e9;
            assertTrue(took < 0.5, "close interrupts the blocked read: " + took + " s");
            assertTrue(sink.video().published() > 0);
            assertNull(sink.failure(), "a close is not a failure");
            assertFalse(((FFmpegSource) s).thread().isAlive());
        }
    }

    @Test
    void srtCallerToAListeningSenderWithAPassphrase() throws Exception {
        int port = freeUdpPort();
        String pass = "capture-secret-9876";
        try (Pusher p = new Pusher("srt-push.log", "-f", "mpegts", "srt://127.0.0.1:" + port
                + "?mode=listener&passphrase=" + pass)) {
            SourceOptions o = new SourceOptions(0, 0, null, Map.of("passphrase", pass));
            LiveSource s = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            LiveException last = null;
            while (s == null && System.nanoTime() < until) {
                try {
                    s = provider.open("srt://127.0.0.1:" + port, o);
                } catch (LiveException e) {
                    last = e; // the sender is not listening yet
                    assertFalse(e.getMessage().contains(pass), e.getMessage());
                    Thread.sleep(200);
                }
            }
            assertNotNull(s, "connected to the SRT sender: " + (last == null ? "" : last.getMessage()) + " "
                    + Files.readString(dir.resolve("srt-push.log")));
            assertFalse(s.name().contains(pass));
            captureThenLoseTheSender(p, s, "srt");
        }
    }

    @Test
    void aFileIsReadAtItsOwnPaceAndEndsNormally() throws Exception {
        Path file = dir.resolve("clip.ts");
        try (Pusher p = new Pusher("file-push.log", "-frames:v", "45", "-y", file.toString())) {
            assertTrue(p.process.waitFor(20, TimeUnit.SECONDS));
        }
        try (LiveSource s = provider.open(file.toString(), SourceOptions.defaults());
                BufferedSink buffered = new BufferedSink(pool)) {
            RecordingSink sink = new RecordingSink(buffered);
            long t0 = System.nanoTime();
            s.start(sink);
            while (!buffered.done() && System.nanoTime() - t0 < 10_000_000_000L) {
                Thread.sleep(10);
            }
            double took = (System.nanoTime() - t0) / 1e9;
            assertTrue(buffered.isEnded(), "ended normally: " + buffered.failure());
            assertEquals(45, sink.count);
            for (int i = 0; i < 45; i++) {
                assertEquals(i, sink.stamps[i], "picture " + i);
            }
            assertTrue(took > 1.2 && took < 3, "paced like the camera it stands for: " + took + " s");
        }
        // I420 asked for and native (yuv420p H.264): plane copies into the pooled frame; unpaced
        try (LiveSource s = provider.open(file.toString(), new SourceOptions(0, 0, null, Map.of("format", "i420",
                "realtime", "0"))); BufferedSink buffered = new BufferedSink(pool)) {
            assertEquals(PixelFormat.I420, ((FFmpegSource) s).layout());
            RecordingSink sink = new RecordingSink(buffered);
            long t0 = System.nanoTime();
            s.start(sink);
            while (!buffered.done() && System.nanoTime() - t0 < 10_000_000_000L) {
                Thread.sleep(5);
            }
            assertTrue(buffered.isEnded());
            assertEquals(45, sink.count);
            for (int i = 0; i < 45; i++) {
                assertEquals(i, sink.stamps[i], "I420 picture " + i);
            }
            assertEquals(PixelFormat.I420, buffered.video().take().format());
            assertTrue((System.nanoTime() - t0) / 1e9 < 1.2, "not paced");
        }
        LiveException e = assertThrows(LiveException.class, () -> provider.open(dir.resolve("none.ts").toString(),
                SourceOptions.defaults()));
        assertEquals("url " + dir.resolve("none.ts") + ": no such file", e.getMessage());
    }

    @Test
    void nothingSentOrNobodyListeningIsAClearError() throws Exception {
        int port = freeUdpPort();
        long t0 = System.nanoTime();
        LiveException e = assertThrows(LiveException.class, () -> provider.open("udp://127.0.0.1:" + port,
                SourceOptions.defaults()));
        double took = (System.nanoTime() - t0) / 1e9;
        System.out.println("udp, nothing sent (" + String.format("%.1f s", took) + "): " + e.getMessage());
        assertTrue(e.getMessage().startsWith("url udp://127.0.0.1:" + port + ": no answer or no data within 2 s"), e.getMessage());
        assertTrue(took < 4, "gave up after the timeout: " + took);
        e = assertThrows(LiveException.class, () -> provider.open("srt://127.0.0.1:" + freeUdpPort()
                + "?passphrase=hidden-pass-1234", SourceOptions.defaults()));
        System.out.println("srt, nobody listening: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("url srt://127.0.0.1:"), e.getMessage());
        assertFalse(e.getMessage().contains("hidden-pass-1234"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        e = assertThrows(LiveException.class, () -> provider.open("gopher://x", SourceOptions.defaults()));
        assertTrue(e.getMessage().contains("unsupported protocol gopher"), e.getMessage());
    }
}
