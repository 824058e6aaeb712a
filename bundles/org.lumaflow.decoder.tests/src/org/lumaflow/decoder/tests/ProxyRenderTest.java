package org.lumaflow.decoder.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.proxy.Proxies;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/**
 * Which file {@code media.video} reads: a preview thread with proxies on reads the proxy (frame for frame, at the
 * preview size the original would give); any other thread (an export's, a command-line render's, quality control's)
 * reads the original, whatever the switch says.
 */
class ProxyRenderTest {

    @TempDir
    static Path dir;
    static Engine engine;
    static MediaService media;
    static Proxies proxies;
    static Proxies before;

    @BeforeAll
    static void setUp() throws Exception {
        BundleContext bc = OsgiTests.startAll(ProxyRenderTest.class);
        engine = OsgiTests.service(bc, Engine.class);
        media = OsgiTests.service(bc, MediaService.class);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (engine.registry().snapshot().type("media.video") == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        proxies = new Proxies(dir.resolve("cache"), Long.MAX_VALUE);
        before = Proxies.setShared(proxies);
    }

    @AfterAll
    static void tearDown() {
        Proxies.setEnabled(false);
        Proxies.previewThread(false);
        Proxies.setShared(before);
        proxies.close();
    }

    /** A 2560x1440 10-bit counter clip (frame N: luma {@code 16 + 4N}, or {@code 235 - 4N} when {@code down}). */
    static Path counter(String name, boolean down) throws Exception {
        Path out = dir.resolve(name);
        TestClips.ffmpeg("-f", "lavfi", "-i", "nullsrc=s=64x36:r=25,format=yuv420p,geq=lum='"
                + (down ? "235-4*N" : "16+4*N") + "':cb=128:cr=128,scale=2560:1440:flags=neighbor,format=yuv420p10le",
                "-frames:v", "30", "-c:v", "ffv1", out.toString());
        return out;
    }

    static int red(RenderResult r) {
        var f = r.frame();
        return f.buffer().get(((f.height() / 2) * f.width() + f.width() / 2) * 4) & 0xFF;
    }

    @Test
    void aPreviewReadsTheProxyFrameForFrameAndEverythingElseTheOriginal() throws Exception {
        Path a = counter("a.mkv", false);
        Timeline tl = MediaClips.timeline(media.probe(a));
        assertEquals(2560, tl.format().width());
        proxies.request(a).get(120, TimeUnit.SECONDS);
        Proxies.setEnabled(true);
        Proxies.previewThread(true);
        long opened = Proxies.proxyReaders();
        TimelineRenderer preview = new TimelineRenderer(engine, tl, dir);
        for (int i = 0; i < 30; i++) {
            try (RenderResult res = preview.renderFrame(i, 640, 360)) {
                assertTrue(res.clean(), res.messages().toString());
                assertEquals(640, res.frame().width());
                assertEquals(360, res.frame().height());
                assertEquals(i, TestClips.counterIndex(red(res)), "proxy frame " + i);
            }
        }
        assertEquals(opened + 1, Proxies.proxyReaders(), "the preview opened the proxy once");

        // another thread (an export's) with the switch still on: the original, never the proxy
        long proxyReads = Proxies.proxyReaders();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread export = new Thread(() -> {
            try {
                TimelineRenderer r = new TimelineRenderer(engine, tl, dir);
                for (int i = 0; i < 30; i += 7) {
                    try (RenderResult res = r.renderFrame(i, 640, 360)) {
                        assertEquals(i, TestClips.counterIndex(red(res)), "original frame " + i);
                    }
                }
            } catch (Throwable t) {
                failed.set(t);
            }
        }, "export");
        export.start();
        export.join();
        if (failed.get() != null) {
            throw new AssertionError(failed.get());
        }
        assertEquals(proxyReads, Proxies.proxyReaders(), "an export thread opened no proxy");
    }

    @Test
    void whichFileIsReadDependsOnTheThreadAndTheSwitch() throws Exception {
        Path c = counter("c.mkv", false);
        Path b = counter("b.mkv", true);
        // c's proxy is made, then replaced by b's: a render that reads it shows b's pictures
        Path pc = proxies.request(c).get(120, TimeUnit.SECONDS);
        Path pb = proxies.request(b).get(120, TimeUnit.SECONDS);
        Files.copy(pb, pc, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(c, Files.getLastModifiedTime(c)); // unchanged original: c's proxy stays current
        Timeline tl = MediaClips.timeline(media.probe(c));
        int frame = 5;
        int original;
        int proxy;
        Proxies.setEnabled(true);
        Proxies.previewThread(false); // not a preview thread: the switch alone changes nothing
        try (RenderResult res = new TimelineRenderer(engine, tl, dir).renderFrame(frame, 640, 360)) {
            original = red(res);
        }
        assertEquals(frame, TestClips.counterIndex(original));
        Proxies.previewThread(true);
        Proxies.setEnabled(false); // a preview thread with the switch off: the original
        try (RenderResult res = new TimelineRenderer(engine, tl, dir).renderFrame(frame, 640, 360)) {
            assertEquals(original, red(res));
        }
        Proxies.setEnabled(true); // both: the proxy (here b's pictures)
        try (RenderResult res = new TimelineRenderer(engine, tl, dir).renderFrame(frame, 640, 360)) {
            proxy = red(res);
            assertEquals(640, res.frame().width());
        }
        assertNotEquals(original, proxy);
        Proxies.setEnabled(false);
        Proxies.previewThread(false);
        try (RenderResult res = new TimelineRenderer(engine, tl, dir).renderFrame(frame, 640, 360)) {
            assertEquals(original, red(res), "back to the original");
        }
        // the proxy shows what b shows at that frame
        Timeline tb = MediaClips.timeline(media.probe(b));
        try (RenderResult res = new TimelineRenderer(engine, tb, dir).renderFrame(frame, 640, 360)) {
            assertTrue(Math.abs(red(res) - proxy) <= 2, red(res) + " vs " + proxy);
        }
    }
}
