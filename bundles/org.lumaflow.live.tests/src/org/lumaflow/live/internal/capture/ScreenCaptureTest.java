package org.lumaflow.live.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveSource;
import org.lumaflow.live.SourceInfo;
import org.lumaflow.live.SourceOptions;

/**
 * The {@code screen} source on a private 1920x1080 Xvfb display showing known content (red left half, blue right half,
 * a green box, a frame stamp), drawn by a separate AWT client: sizes, colours, the stamp, the frame rate, heap
 * allocation and CPU per frame of the capture thread.
 */
class ScreenCaptureTest {

    private static final int W = 1920;
    private static final int H = 1080;
    private static final long STAMP = 0x1234ABCDL;

    @TempDir
    static Path dir;
    private static Xvfb x;
    private static FramePool pool;
    private final ScreenSourceProvider provider = new ScreenSourceProvider();

    @BeforeAll
    static void display() throws Exception {
        x = Xvfb.start(W, H, dir);
        List<String> rects = new ArrayList<>(List.of("0", "0", "960", "1080", "ff0000", "960", "0", "960", "1080",
                "0000ff", "800", "700", "320", "200", "00ff00"));
        int band = FrameStamp.bandHeight(W);
        for (int i = 0; i < FrameStamp.CELLS; i++) {
            int l = FrameStamp.cellLeft(i, W);
            rects.addAll(List.of(Integer.toString(l), "0", Integer.toString(FrameStamp.cellLeft(i + 1, W) - l),
                    Integer.toString(band), FrameStamp.white(i, STAMP) ? "ffffff" : "000000"));
        }
        x.draw(W, H, rects);
        pool = new FramePool();
    }

    @AfterAll
    static void stop() throws Exception {
        if (x != null) {
            x.close();
        }
        if (pool != null) {
            pool.close();
        }
    }

    private static SourceOptions options(int w, int h) {
        return new SourceOptions(w, h, FrameRate.FPS_30, Map.of("cursor", "0"));
    }

    /** Captures for {@code seconds} after a warm-up; returns the window's figures, the sink still holding pictures. */
    private static Meter.Result capture(LiveSource s, BufferedSink sink, double seconds) throws Exception {
        FFmpegSource src = (FFmpegSource) s;
        s.start(sink);
        Thread.sleep(700);
        Meter m = new Meter(src.thread(), src::frames);
        long until = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < until) {
            sink.video().take(); // a consumer at 50 Hz
            Thread.sleep(20);
        }
        Meter.Result r = m.stop();
        s.close();
        assertNull(sink.failure(), "no failure while capturing");
        return r;
    }

    @Test
    void wholeScreenAt1080p30() throws Exception {
        try (LiveSource s = provider.open(x.display, options(0, 0)); BufferedSink sink = new BufferedSink(pool)) {
            assertEquals(W, s.width());
            assertEquals(H, s.height());
            assertEquals(FrameRate.FPS_30, s.rate());
            assertTrue(s.hasVideo());
            assertFalse(s.hasAudio());
            assertTrue(s.name().startsWith("screen " + x.display), s.name());
            Meter.Result r = capture(s, sink, 3);
            System.out.println("screen 1920x1080@30 (x11grab bgr0 -> RGBA8): " + r);
            assertTrue(Math.abs(r.fps() - 30) < 4.5, "about 30 frames a second: " + r);
            assertTrue(r.bytesPerFrame() < 1024, "no per-frame allocation on the capture thread: " + r);
            Frame f = sink.video().current();
            assertNotNull(f);
            assertEquals(PixelFormat.RGBA8, f.format());
            assertEquals(W, f.width());
            assertColour(f, 480, 540, 255, 0, 0);
            assertColour(f, 1440, 300, 0, 0, 255);
            assertColour(f, 960, 800, 0, 255, 0);
            assertEquals(STAMP, FrameStamp.read(f), "the stamp the client drew");
        }
    }

    @Test
    void regionAt720p30() throws Exception {
        try (LiveSource s = provider.open(x.display + "+100,200 1280x720", options(0, 0));
                BufferedSink sink = new BufferedSink(pool)) {
            assertEquals(1280, s.width());
            assertEquals(720, s.height());
            Meter.Result r = capture(s, sink, 2.5);
            System.out.println("screen 1280x720@30 region (x11grab bgr0 -> RGBA8): " + r);
            assertTrue(Math.abs(r.fps() - 30) < 4.5, "about 30 frames a second: " + r);
            assertTrue(r.bytesPerFrame() < 1024, "no per-frame allocation on the capture thread: " + r);
            Frame f = sink.video().current();
            assertColour(f, 0, 300, 255, 0, 0); // screen (100, 500)
            assertColour(f, 900, 100, 0, 0, 255); // screen (1000, 300)
            assertColour(f, 800, 600, 0, 255, 0); // screen (900, 800)
        }
    }

    @Test
    void wholeScreenScaledToTheAskedSize() throws Exception {
        try (LiveSource s = provider.open(x.display, options(640, 360)); BufferedSink sink = new BufferedSink(pool)) {
            assertEquals(640, s.width());
            assertEquals(360, s.height());
            capture(s, sink, 0.5);
            Frame f = sink.video().current();
            assertEquals(640, f.width());
            assertColour(f, 160, 180, 255, 0, 0);
            assertColour(f, 480, 100, 0, 0, 255);
            assertColour(f, 320, 266, 0, 255, 0);
            assertEquals(STAMP, FrameStamp.read(f), "the stamp reads at a third of the size");
        }
    }

    @Test
    void listedWhileTheDisplayRunsAndAMissingDisplayIsNamed() throws Exception {
        List<SourceInfo> list = provider.list();
        assertTrue(list.stream().anyMatch(i -> i.spec().equals(x.display) && i.description().contains(W + "x" + H)
                && i.video()), "the private display is listed with its size: " + list);
        LiveException e = assertThrows(LiveException.class, () -> provider.open(":239", options(0, 0)));
        assertEquals("screen :239: display not available (no X server runs on :239)", e.getMessage());
        e = assertThrows(LiveException.class, () -> provider.open(x.display + "+10,10", SourceOptions.defaults()));
        assertTrue(e.getMessage().contains("needs a size"), e.getMessage());
        e = assertThrows(LiveException.class, () -> provider.open(x.display + "+1800,0 640x480", options(0, 0)));
        assertTrue(e.getMessage().startsWith("screen " + x.display + "+1800,0 640x480: "), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        System.out.println("region outside the screen: " + e.getMessage());
    }

    static void assertColour(Frame f, int x, int y, int r, int g, int b) {
        int i = (y * f.width() + x) * 4;
        int pr = f.buffer().get(i) & 0xFF;
        int pg = f.buffer().get(i + 1) & 0xFF;
        int pb = f.buffer().get(i + 2) & 0xFF;
        int pa = f.buffer().get(i + 3) & 0xFF;
        String what = "pixel " + x + "," + y + " = " + pr + "," + pg + "," + pb + "," + pa + ", expected " + r + ","
                + g + "," + b;
        assertTrue(Math.abs(pr - r) <= 12 && Math.abs(pg - g) <= 12 && Math.abs(pb - b) <= 12, what);
        assertEquals(255, pa, "opaque: " + what);
    }
}
