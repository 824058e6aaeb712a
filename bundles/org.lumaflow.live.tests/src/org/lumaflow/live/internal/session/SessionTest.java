package org.lumaflow.live.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.live.DropStrategy;
import org.lumaflow.live.Layout;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveListener;
import org.lumaflow.live.LiveStats;

/** The session: fixed-tick cadence, drop strategies, sources failing, audio, previews, clean release. */
class SessionTest {

    private static LiveFixture fx;

    @BeforeAll
    static void setUp() throws Exception {
        fx = LiveFixture.get();
    }

    /** Collects events and statistics. */
    static final class Events implements LiveListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<LiveStats> stats = new CopyOnWriteArrayList<>();

        @Override
        public void stats(LiveStats s) {
            stats.add(s);
        }

        @Override
        public void event(Level level, String message) {
            events.add(level + " " + message);
        }

        boolean has(String text) {
            return events.stream().anyMatch(e -> e.contains(text));
        }
    }

    @Test
    void fixedTicksDoNotDriftAndEveryTickIsEncoded() throws Exception {
        long before = fx.engine.pool().outstanding();
        Events ev = new Events();
        LiveSessionImpl s = (LiveSessionImpl) fx.service().start(LiveFixture.config(List.of("solid:ff0000@320x180"),
                Layout.full(), 3, DropStrategy.ADAPTIVE, null, Map.of()), ev);
        assertTrue(s.await(Duration.ofSeconds(10)), "the session ends after its duration");
        TestEncoder.Stage st = fx.encoder.last;
        assertTrue(st.problems.isEmpty(), st.problems.toString());
        assertEquals(90, st.frames(), "3 s at 30 fps");
        long t0 = st.wall.get(0);
        double maxLate = 0;
        double lateEnd = 0;
        for (int n = 0; n < st.frames(); n++) {
            assertEquals(Math.round(n * 1e6 / 30) / 1 , st.pts.get(n), 1, "pts of tick " + n);
            double late = (st.wall.get(n) - t0) / 1e6 - n * 1000.0 / 30;
            maxLate = Math.max(maxLate, Math.abs(late));
            if (n >= 80) {
                lateEnd = Math.max(lateEnd, Math.abs(late));
            }
        }
        System.out.printf("cadence: max deviation %.2f ms, over the last 10 ticks %.2f ms, process %.2f ms/frame%n",
                maxLate, lateEnd, s.processMillis());
        assertTrue(lateEnd < 12, "no drift: the last ticks are on their deadlines (" + lateEnd + " ms)");
        assertTrue(st.closed, "the encode stage was closed");
        LiveStats last = s.stats();
        assertEquals(90, last.encodedFrames());
        assertEquals(0, last.droppedProcess());
        assertTrue(last.captured() >= 80, "captured " + last.captured());
        assertFalse(ev.stats.isEmpty(), "statistics once a second");
        assertNull(s.failure());
        // the last picture is the red source in NV12
        int y = st.lastPicture[90 * 320 + 160] & 255;
        assertEquals(63, y, 2, "luma of red");
        assertEquals(before, fx.engine.pool().outstanding(), "every pooled frame returned");
    }

    @Test
    void adaptiveSkipsLateTicksAndNeverRendersEveryTickLate(@TempDir Path dir) throws Exception {
        Path slow = LiveFixture.effects(dir, "livetest.slow");
        SlowNode.millisAtFull = 50; // 1.5 ticks at 30 fps
        try {
            LiveSessionImpl a = (LiveSessionImpl) fx.service().start(LiveFixture.config(List.of(
                    "solid:00ff00@320x180"), Layout.full(), 1.5, DropStrategy.ADAPTIVE, slow, Map.of()), null);
            assertTrue(a.await(Duration.ofSeconds(10)));
            LiveStats sa = a.stats();
            System.out.printf("adaptive: rendered %d, skipped %d%n", a.rendered(), sa.droppedProcess());
            assertTrue(sa.droppedProcess() >= 10, "late ticks skipped and counted: " + sa.droppedProcess());
            assertEquals(45, a.rendered() + sa.droppedProcess(), 1, "every tick rendered or skipped");
            long[] pts = fx.encoder.last.pts.stream().mapToLong(Long::longValue).toArray();
            for (int i = 1; i < pts.length; i++) {
                assertTrue(pts[i] > pts[i - 1], "pts increase");
            }

            LiveSessionImpl n = (LiveSessionImpl) fx.service().start(LiveFixture.config(List.of(
                    "solid:00ff00@320x180"), Layout.full(), 0.5, DropStrategy.NEVER, slow, Map.of()), null);
            assertTrue(n.await(Duration.ofSeconds(10)));
            assertEquals(0, n.stats().droppedProcess(), "never skips");
            assertEquals(15, fx.encoder.last.frames(), "every tick rendered, late");
        } finally {
            SlowNode.millisAtFull = 0;
        }
    }

    @Test
    void aggressiveLowersTheRenderSizeAndRaisesItAgain(@TempDir Path dir) throws Exception {
        Path slow = LiveFixture.effects(dir, "livetest.slow");
        SlowNode.millisAtFull = 60; // needs 50% (15 ms) to keep up with 33 ms ticks
        Events ev = new Events();
        var s = (LiveSessionImpl) fx.service().start(LiveFixture.config(List.of("solid:0000ff@320x180"),
                Layout.full(), 0, DropStrategy.AGGRESSIVE, slow, Map.of()), ev);
        try {
            long deadline = System.nanoTime() + 8_000_000_000L;
            while (s.stats().renderWidth() > 160 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(160, s.stats().renderWidth(), "lowered to 50%: " + ev.events);
            assertEquals(90, s.stats().renderHeight());
            assertTrue(ev.has("render size lowered to 75%") && ev.has("render size lowered to 50%"),
                    ev.events.toString());
            int y = fx.encoder.last.lastPicture[90 * 320 + 160] & 255;
            assertEquals(32, y, 3, "blue, scaled up to the encode size");
            assertEquals(320 * 180 * 3 / 2, fx.encoder.last.lastPicture.length, "encoded at the output size");
            SlowNode.millisAtFull = 4; // the effect got cheap
            deadline = System.nanoTime() + 10_000_000_000L;
            while (s.stats().renderWidth() < 320 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(320, s.stats().renderWidth(), "raised back to 100%: " + ev.events);
            assertTrue(ev.has("render size raised to 100%"), ev.events.toString());
        } finally {
            SlowNode.millisAtFull = 0;
            s.stop();
        }
    }

    @Test
    void memoryManagerStepsDownUnderPressureAndBackUp() throws Exception {
        long live = fx.engine.pool().stats().liveBytes();
        long budget = live + (32L << 20);
        Events ev = new Events();
        var s = (LiveSessionImpl) fx.service().start(LiveFixture.config(List.of("solid:ff0000@320x180"),
                Layout.full(), 0, DropStrategy.ADAPTIVE, null, Map.of("pool_budget", Long.toString(budget),
                        "memory_interval_ms", "50")), ev);
        List<org.lumaflow.core.pool.Frame> hog = new java.util.ArrayList<>();
        try {
            Thread.sleep(300);
            assertEquals(0, s.stats().qualityStep(), "no pressure yet: " + ev.events);
            for (int i = 0; i < 8; i++) { // 8 x 4 MB over the budget's 32 MB headroom
                hog.add(fx.engine.pool().lease(1024, 1024, org.lumaflow.core.pool.PixelFormat.RGBA8,
                        org.lumaflow.core.pool.Usage.SCRATCH));
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while ((s.stats().qualityStep() < MemoryManager.MAX_STEP || s.stats().renderWidth() != 160)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            LiveStats st = s.stats();
            assertEquals(3, st.qualityStep(), ev.events.toString());
            assertEquals(160, st.renderWidth(), "step 3 renders at 50%");
            assertTrue(ev.has("WARNING memory: frame pool at") && ev.has("lowered to step 1")
                    && ev.has("lowered to step 3"), ev.events.toString());
            ByteBuffer preview = ByteBuffer.allocateDirect(32 * 18 * 4);
            assertTrue(s.preview(0, 32, 18, preview), "source preview");
            assertEquals(255, preview.get(0) & 255, "red preview");
            assertTrue(s.preview(-1, 32, 18, preview), "program preview");
            assertTrue((preview.get(4 * 100) & 255) > 200 && (preview.get(4 * 100 + 2) & 255) < 40,
                    "red program preview");
            for (var f : hog) {
                f.release();
            }
            hog.clear();
            deadline = System.nanoTime() + 5_000_000_000L;
            while ((s.stats().qualityStep() > 0 || s.stats().renderWidth() != 320) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, s.stats().qualityStep(), ev.events.toString());
            assertEquals(320, s.stats().renderWidth());
            assertTrue(ev.has("INFO memory: memory pressure down") && ev.has("raised to step 0"),
                    ev.events.toString());
        } finally {
            for (var f : hog) {
                f.release();
            }
            s.stop();
        }
    }

    @Test
    void aFailingSourceEndsTheSessionWithAClearError() throws Exception {
        long before = fx.engine.pool().outstanding();
        Events ev = new Events();
        var s = fx.service().start(LiveFixture.config(List.of("solid:ff0000@320x180,fail=10",
                "solid:000000@320x180,audio-only"), Layout.full(), 0, DropStrategy.ADAPTIVE, null, Map.of()), ev);
        assertTrue(s.await(Duration.ofSeconds(5)), "the session ends by itself");
        assertNotNull(s.failure());
        assertTrue(s.failure().contains("solid ff0000@320x180,fail=10") && s.failure().contains("unplugged"),
                s.failure());
        assertTrue(ev.has("ERROR source solid ff0000"), ev.events.toString());
        assertTrue(fx.encoder.last.closed, "outputs finalised");
        assertTrue(fx.encoder.last.audioSamples > 0, "the audio source was pumped");
        assertFalse(s.running());
        assertEquals(0, SolidSources.OPEN.get(), "sources closed");
        assertEquals(before, fx.engine.pool().outstanding(), "every pooled frame returned");
    }

    @Test
    void audioIsPumpedByTheClockAndMixed() throws Exception {
        var s = fx.service().start(LiveFixture.config(List.of("solid:ff0000@320x180,tone",
                "solid:000000@320x180,audio-only"), Layout.full(), 1.2, DropStrategy.ADAPTIVE, null, Map.of()),
                null);
        assertTrue(s.await(Duration.ofSeconds(5)));
        TestEncoder.Stage st = fx.encoder.last;
        assertTrue(st.problems.isEmpty(), st.problems.toString());
        assertEquals(48000, st.format().sampleRate());
        // about 1.2 s minus the pump's 100 ms lag, in 10 ms steps
        assertTrue(st.audioSamples > 48000 * 0.9 && st.audioSamples < 48000 * 1.2, "samples " + st.audioSamples);
        assertTrue(st.audioPeak > 14000 && st.audioPeak < 17000, "two 8000-peak tones mixed: " + st.audioPeak);
    }

    @Test
    void badStartsNameTheProblemAndLeaveNothingOpen(@TempDir Path dir) throws Exception {
        long before = fx.engine.pool().outstanding();
        LiveException e = assertThrows(LiveException.class, () -> fx.service().start(LiveFixture.config(List.of(
                "webcam:/dev/video9"), Layout.full(), 1, DropStrategy.ADAPTIVE, null, Map.of()), null));
        assertTrue(e.getMessage().contains("unknown source kind 'webcam'") && e.getMessage().contains("solid"),
                e.getMessage());
        e = assertThrows(LiveException.class, () -> fx.service().start(LiveFixture.config(List.of(
                "solid:ff0000@320x180"), Layout.pip(), 1, DropStrategy.ADAPTIVE, null, Map.of()), null));
        assertTrue(e.getMessage().contains("layout pip needs 2 video sources"), e.getMessage());
        var withTarget = new org.lumaflow.live.LiveConfig(List.of("solid:ff0000@320x180"), Layout.full(), null,
                null, List.of("rtmp://example.invalid/live/SECRETKEY123"), 320, 180,
                new org.lumaflow.core.time.FrameRate(30, 1), null, DropStrategy.ADAPTIVE, "auto", 0, 2, "cpu",
                Map.of());
        e = assertThrows(LiveException.class, () -> fx.service().start(withTarget, null));
        assertTrue(e.getMessage().contains("no output handles rtmp://example.invalid/live/****"), e.getMessage());
        assertFalse(e.getMessage().contains("SECRETKEY123"), "stream key masked");
        Path missing = dir.resolve("nofx.json");
        e = assertThrows(LiveException.class, () -> fx.service().start(LiveFixture.config(List.of(
                "solid:ff0000@320x180"), Layout.full(), 1, DropStrategy.ADAPTIVE, missing, Map.of()), null));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertEquals(0, SolidSources.OPEN.get(), "no source left open");
        assertEquals(before, fx.engine.pool().outstanding(), "no pooled frame left leased");
    }
}
