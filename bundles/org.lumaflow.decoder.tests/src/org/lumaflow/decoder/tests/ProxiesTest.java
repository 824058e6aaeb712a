package org.lumaflow.decoder.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.PictureSource;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.decoder.proxy.Proxies;
import org.lumaflow.decoder.proxy.ProxyStatus;
import org.lumaflow.testsupport.OsgiTests;

/**
 * Proxies made by the real FFmpeg from clips made on the spot: timing equal to the original's, pictures that resemble
 * it, the cache (hit, invalidation, atomic writes under cancel) and the rule. Renders: see {@link ProxyRenderTest}.
 */
class ProxiesTest {

    @TempDir
    static Path dir;
    static MediaService media;
    static Proxies proxies;
    /** 2560x1440, 10-bit AV1 (long GOP), 2 s at 25 fps, a moving procedural pattern. */
    static Path heavy;

    @BeforeAll
    static void setUp() throws Exception {
        media = OsgiTests.service(OsgiTests.startAll(ProxiesTest.class), MediaService.class);
        proxies = new Proxies(dir.resolve("cache"), Long.MAX_VALUE);
        heavy = pattern(dir, "heavy.mp4", 2560, 1440, 50, "yuv420p10le", "-c:v", "libsvtav1", "-preset", "12",
                "-crf", "30", "-g", "50");
    }

    @AfterAll
    static void tearDown() {
        proxies.close();
    }

    /** Smooth moving gradients with a ring: detail a proxy should keep (no noise). */
    static Path pattern(Path dir, String name, int w, int h, int frames, String pixFmt, String... codec)
            throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i",
                "nullsrc=s=160x90:r=25,format=yuv420p,geq=lum='128+100*sin(X/9+N/5)*cos(Y/7)':"
                        + "cb='128+60*sin((X+Y)/13+N/7)':cr='128+60*cos(X/11-N/9)',scale=" + w + ":" + h
                        + ":flags=bicubic,format=" + pixFmt,
                "-frames:v", String.valueOf(frames)));
        args.addAll(List.of(codec));
        args.add(out.toString());
        TestClips.ffmpeg(args.toArray(String[]::new));
        return out;
    }

    @Test
    void theRuleNamesHeavyFilesOnly() throws Exception {
        MediaInfo big = media.probe(heavy);
        assertEquals("2560x1440 is larger than 1920x1080", Proxies.reason(big));
        Path tenBit = pattern(dir, "ten.mkv", 320, 180, 5, "yuv420p10le", "-c:v", "ffv1");
        assertEquals("10-bit yuv420p10le", Proxies.reason(media.probe(tenBit)));
        Path light = pattern(dir, "light.mp4", 320, 180, 5, "yuv420p", "-c:v", "libopenh264");
        assertNull(Proxies.reason(media.probe(light)));
        Path still = pattern(dir, "still.png", 3840, 2160, 1, "rgb24");
        assertNull(Proxies.reason(media.probe(still)), "a still image is never proxied");
    }

    @Test
    void theProxyHasTheOriginalsFramesAndTimesAndResemblesIt() throws Exception {
        Path proxy = proxies.request(heavy).get(120, TimeUnit.SECONDS);
        assertEquals(proxies.cacheDir(), proxy.getParent());
        assertTrue(proxy.getFileName().toString().endsWith("-2560x1440.mov"), proxy.toString());
        VideoStreamInfo pv = media.probe(proxy).firstVideo();
        assertEquals("mjpeg", pv.codec());
        assertEquals(1280, pv.width());
        assertEquals(720, pv.height());
        List<Long> original = times(heavy);
        List<Long> copy = times(proxy);
        assertEquals(50, original.size());
        assertEquals(original, copy, "same pictures at the same times");
        assertEquals(media.probe(heavy).firstVideo().durationTicks(), pv.durationTicks(), "same duration");
        // the proxy against the original scaled to the proxy's size, the same way
        try (FramePool pool = new FramePool();
                VideoSource a = media.openVideo(heavy, 1280, 720, MediaService.Fit.FIT, pool, 2);
                VideoSource b = media.openVideo(proxy, 1280, 720, MediaService.Fit.FIT, pool, 2)) {
            for (int i : new int[] {0, 17, 49}) {
                long t = original.get(i);
                Frame fa = a.frame(t);
                Frame fb = b.frame(t);
                try {
                    assertEquals(t, fa.time());
                    assertEquals(t, fb.time());
                    double psnr = psnr(fa, fb);
                    assertTrue(psnr > 30, "frame " + i + ": " + psnr + " dB");
                    System.out.printf("proxy frame %d: %.1f dB%n", i, psnr);
                } finally {
                    fa.release();
                    fb.release();
                }
            }
        }
        assertEquals(ProxyStatus.State.READY, proxies.status(heavy).state());
        System.out.printf("proxy of %s: %d bytes (original %d)%n", heavy.getFileName(), Files.size(proxy),
                Files.size(heavy));
    }

    @Test
    void aSecondRequestIsACacheHit() throws Exception {
        Path clip = Files.copy(heavy, dir.resolve("hit.mp4"));
        Path first = proxies.request(clip).get(120, TimeUnit.SECONDS);
        long written = proxies.written();
        FileTime made = Files.getLastModifiedTime(first);
        var again = proxies.request(clip);
        assertTrue(again.isDone(), "served from the cache at once");
        assertEquals(first, again.get());
        assertEquals(written, proxies.written(), "nothing written again");
        assertEquals(first, proxies.ready(clip));
        // a new instance on the same folder (the next session) finds it too
        try (Proxies next = new Proxies(proxies.cacheDir(), Long.MAX_VALUE)) {
            assertEquals(first, next.ready(clip));
            assertEquals(0, next.written());
        }
        assertTrue(Files.getLastModifiedTime(first).compareTo(made) >= 0);
    }

    @Test
    void anEditedFileGetsANewProxyAndTheOldOneGoes() throws Exception {
        Path clip = Files.copy(heavy, dir.resolve("edited.mp4"));
        Path first = proxies.request(clip).get(120, TimeUnit.SECONDS);
        Files.setLastModifiedTime(clip, FileTime.fromMillis(Files.getLastModifiedTime(clip).toMillis() - 60_000));
        assertNull(proxies.ready(clip), "a changed file has no current proxy");
        assertEquals(ProxyStatus.State.NONE, proxies.status(clip).state());
        Path second = proxies.request(clip).get(120, TimeUnit.SECONDS);
        assertNotEquals(first, second);
        assertFalse(Files.exists(first), "the old version's proxy is removed");
        assertEquals(second, proxies.ready(clip));
    }

    @Test
    void aCancelLeavesNoPartialFile() throws Exception {
        Path cache = dir.resolve("cancel-cache");
        Path clip = pattern(dir, "long.mp4", 3840, 2160, 125, "yuv420p", "-c:v", "libopenh264", "-b:v", "4M");
        try (Proxies p = new Proxies(cache, Long.MAX_VALUE)) {
            CountDownLatch started = new CountDownLatch(1);
            List<ProxyStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            p.addListener(s -> {
                seen.add(s);
                if (s.state() == ProxyStatus.State.RUNNING && s.progress() > 0) {
                    started.countDown();
                }
            });
            var f = p.request(clip);
            assertTrue(started.await(60, TimeUnit.SECONDS), "no progress: " + seen);
            try (Stream<Path> s = Files.list(cache)) {
                assertTrue(s.anyMatch(x -> x.getFileName().toString().endsWith(".partial")), "writing a temporary");
            }
            assertTrue(p.cancel(clip));
            assertThrows(CancellationException.class, () -> f.get(60, TimeUnit.SECONDS));
            try (Stream<Path> s = Files.list(cache)) {
                assertEquals(List.of(), s.toList(), "no partial file, no lock, no proxy");
            }
            ProxyStatus st = p.status(clip);
            assertEquals(ProxyStatus.State.FAILED, st.state());
            assertEquals("failed: cancelled", st.label());
            assertTrue(seen.stream().anyMatch(x -> x.state() == ProxyStatus.State.QUEUED), seen.toString());
        }
    }

    @Test
    void aFileThatCannotBeReadFailsWithItsName() throws Exception {
        Path bad = Files.writeString(dir.resolve("notvideo.mp4"), "not a video");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> proxies.request(bad).get(60, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().startsWith(bad.toString()), e.getCause().getMessage());
        ProxyStatus s = proxies.status(bad);
        assertEquals(ProxyStatus.State.FAILED, s.state());
        assertNotNull(s.message());
        assertSame(null, s.proxy());
    }

    static List<Long> times(Path file) throws Exception {
        List<Long> out = new ArrayList<>();
        try (PictureSource s = media.openPictures(file, 2)) {
            while (s.next()) {
                out.add(s.time());
            }
        }
        return out;
    }

    /** PSNR over R, G and B of two RGBA8 frames of one size. */
    static double psnr(Frame a, Frame b) {
        assertEquals(a.width(), b.width());
        var pa = a.buffer();
        var pb = b.buffer();
        double se = 0;
        long n = 0;
        for (int i = 0, len = a.width() * a.height() * 4; i < len; i += 4) {
            for (int c = 0; c < 3; c++) {
                int d = (pa.get(i + c) & 0xFF) - (pb.get(i + c) & 0xFF);
                se += d * d;
                n++;
            }
        }
        return se == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / (se / n));
    }
}
