package org.lumaflow.live.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.live.LiveSource;
import org.lumaflow.live.SourceOptions;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * The {@code url} source with sound (44.1 kHz mono AAC resampled to 48 kHz stereo s16) and at 720p30 and 1080p30
 * (lavfi {@code testsrc2} encoded by libopenh264, pushed over UDP by the bundled ffmpeg): rate, allocation and CPU per
 * picture of the capture thread (printed as figures).
 */
class UrlSoundAndLoadTest {

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

    private static Process push(String log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(FFmpeg.commandLine().toString(), "-hide_banner", "-loglevel",
                "error", "-nostdin", "-re"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(dir.resolve(log).toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void soundIsResampledTo48kStereo() throws Exception {
        int port = UrlCaptureTest.freeUdpPort();
        Process p = push("sound.log", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=1000:sample_rate=44100", "-ac", "1", "-c:v", "libopenh264", "-g", "12", "-c:a", "aac",
                "-b:a", "96k", "-f", "mpegts", "udp://127.0.0.1:" + port + "?pkt_size=1316");
        try (LiveSource s = provider.open("udp://127.0.0.1:" + port, SourceOptions.defaults());
                BufferedSink sink = new BufferedSink(pool)) {
            assertTrue(s.hasAudio(), s.name());
            assertTrue(s.hasVideo(), s.name());
            assertEquals(320, s.width());
            s.start(sink);
            Thread.sleep(500);
            AudioRing ring = sink.audio();
            ring.read(ByteBuffer.allocateDirect(ring.available() * 4), Integer.MAX_VALUE); // drop the start
            long w0 = ring.written();
            long t0 = System.nanoTime();
            ByteBuffer pcm = ByteBuffer.allocateDirect(48_000 * 4 * 3).order(ByteOrder.LITTLE_ENDIAN);
            while (System.nanoTime() - t0 < 2_000_000_000L) {
                ring.read(pcm, Integer.MAX_VALUE);
                Thread.sleep(20);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            ring.read(pcm, Integer.MAX_VALUE);
            double rate = (ring.written() - w0) / secs;
            assertNull(sink.failure());
            assertTrue(Math.abs(rate - 48_000) < 4_000, "48 kHz sample frames a second: " + rate);
            pcm.flip();
            int n = pcm.remaining() / 4;
            int crossings = 0;
            int peak = 0;
            short prev = pcm.getShort(0);
            for (int i = 0; i < n; i++) {
                short l = pcm.getShort(i * 4);
                short r = pcm.getShort(i * 4 + 2);
                assertEquals(l, r, "mono spread to both channels");
                peak = Math.max(peak, Math.abs(l));
                if (prev < 0 && l >= 0) {
                    crossings++;
                }
                prev = l;
            }
            double hz = crossings / (n / 48_000.0);
            System.out.println("url sound: " + n + " sample frames, " + String.format("%.1f", hz) + " Hz, peak " + peak);
            assertTrue(Math.abs(hz - 1000) < 15, "the 1 kHz tone at 48 kHz: " + hz);
            assertTrue(peak > 1000, "not silent: " + peak);
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void figuresAt720pAnd1080p() throws Exception {
        for (String size : new String[] {"1280x720", "1920x1080"}) {
            int port = UrlCaptureTest.freeUdpPort();
            Process p = push("load.log", "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=30", "-c:v",
                    "libopenh264", "-b:v", size.startsWith("1920") ? "6M" : "3M", "-g", "30", "-f", "mpegts",
                    "udp://127.0.0.1:" + port + "?pkt_size=1316");
            try (LiveSource s = provider.open("udp://127.0.0.1:" + port, SourceOptions.defaults());
                    BufferedSink sink = new BufferedSink(pool)) {
                FFmpegSource src = (FFmpegSource) s;
                s.start(sink);
                Thread.sleep(1000);
                Meter m = new Meter(src.thread(), src::frames);
                Thread.sleep(2500);
                Meter.Result r = m.stop();
                System.out.println("url udp H.264 " + size + "@30 -> RGBA8: " + r);
                assertNull(sink.failure());
                assertTrue(r.fps() > 24, "keeps up with the stream: " + r);
                assertTrue(r.bytesPerFrame() < 1024, "no per-frame allocation: " + r);
            } finally {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
