package org.lumaflow.core.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class FramePoolTest {

    private static final FrameKey HD = FrameKey.rgba(64, 36);
    private static final long HD_BYTES = 64 * 36 * 4;

    private static FramePool pool(long budget, int perKey) {
        return new FramePool(new FramePool.Config(budget, perKey, true));
    }

    @Test
    void leaseIsReusedAfterLastRelease() {
        try (FramePool p = pool(1 << 20, 4)) {
            Frame a = p.lease(HD);
            assertEquals(1, a.refCount());
            a.retain();
            a.release();
            assertEquals(1, p.outstanding(), "still one reference");
            a.release();
            assertEquals(0, p.outstanding());
            Frame b = p.lease(HD);
            assertSame(a, b, "recycled frame is handed out again");
            b.close();
            PoolStats s = p.stats();
            assertEquals(1, s.hits());
            assertEquals(1, s.misses());
            assertEquals(1, s.allocations());
        }
    }

    @Test
    void tryWithResourcesReleases() {
        try (FramePool p = pool(1 << 20, 4)) {
            try (Frame f = p.lease(HD)) {
                f.fill((byte) 7);
                assertEquals(7, f.buffer().get(100));
            }
            p.checkNoLeaks();
        }
    }

    @Test
    void doubleReleaseAndRetainAfterReleaseFail() {
        try (FramePool p = pool(1 << 20, 4)) {
            Frame f = p.lease(HD);
            f.release();
            assertThrows(IllegalStateException.class, f::release);
            assertThrows(IllegalStateException.class, f::retain);
        }
    }

    @Test
    void keysDoNotMix() {
        try (FramePool p = pool(1 << 20, 4)) {
            Frame a = p.lease(HD);
            a.release();
            Frame b = p.lease(HD.withUsage(Usage.SCRATCH));
            assertNotSame(a, b);
            Frame c = p.lease(new FrameKey(64, 36, PixelFormat.GRAY8, Usage.RENDER));
            assertEquals(64 * 36, c.buffer().capacity());
            b.release();
            c.release();
        }
    }

    @Test
    void perKeyCapFreesExtraFrames() {
        try (FramePool p = pool(1 << 24, 2)) {
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                frames.add(p.lease(HD));
            }
            frames.forEach(Frame::release);
            PoolStats s = p.stats();
            assertEquals(2 * HD_BYTES, s.idleBytes(), "only two idle frames kept");
            assertEquals(3, s.evictions());
        }
    }

    @Test
    void budgetEvictsLeastRecentlyUsedIdleFrames() {
        FrameKey other = FrameKey.rgba(32, 36);
        try (FramePool p = pool(3 * HD_BYTES, 8)) {
            Frame a = p.lease(HD);
            Frame b = p.lease(other);
            a.release(); // idle, least recently used
            b.release(); // idle
            // a new 64x36 lease hits the idle a; then two more need room
            Frame c = p.lease(HD);
            assertSame(a, c);
            Frame d = p.lease(HD);
            Frame e = p.lease(HD); // budget: c+d+e = 3*HD -> b must be evicted
            PoolStats s = p.stats();
            assertEquals(0, s.idleBytes(), "the idle 32x36 frame was evicted to stay within budget");
            assertTrue(s.evictions() >= 1);
            assertTrue(s.liveBytes() <= 3 * HD_BYTES);
            c.release();
            d.release();
            e.release();
            assertTrue(p.stats().idleBytes() + p.stats().liveBytes() <= 3 * HD_BYTES);
        }
    }

    @Test
    void leaseOverBudgetStillSucceedsAndIsCounted() {
        try (FramePool p = pool(HD_BYTES, 8)) {
            Frame a = p.lease(HD);
            Frame b = p.lease(HD);
            assertEquals(2 * HD_BYTES, p.stats().liveBytes());
            assertEquals(2 * HD_BYTES, p.stats().peakLiveBytes());
            a.release();
            b.release();
            assertTrue(p.stats().idleBytes() <= HD_BYTES);
        }
    }

    @Test
    void prewarmMakesFirstLeasesHits() {
        try (FramePool p = pool(1 << 24, 8)) {
            p.prewarm(HD, 3);
            assertEquals(0, p.stats().misses());
            Frame a = p.lease(HD);
            Frame b = p.lease(HD);
            Frame c = p.lease(HD);
            assertEquals(3, p.stats().hits());
            assertEquals(0, p.stats().misses());
            a.release();
            b.release();
            c.release();
        }
    }

    @Test
    void flushFreesIdleButNotLeased() {
        try (FramePool p = pool(1 << 24, 8)) {
            Frame a = p.lease(HD);
            p.lease(HD).release();
            p.flush();
            assertEquals(0, p.stats().idleBytes());
            assertEquals(HD_BYTES, p.stats().liveBytes());
            a.buffer().putInt(0, 42); // still usable
            a.release();
            assertEquals(HD_BYTES, p.stats().idleBytes(), "released after flush: back in the pool");
        }
    }

    @Test
    void closedPoolFreesOnRelease() {
        FramePool p = pool(1 << 24, 8);
        Frame a = p.lease(HD);
        p.close();
        a.release();
        assertEquals(0, p.stats().idleBytes());
        assertEquals(0, p.outstanding());
    }

    @Test
    void leakReportNamesTheLeaseSite() {
        try (FramePool p = pool(1 << 24, 8)) {
            Frame leaked = p.lease(HD);
            IllegalStateException e = assertThrows(IllegalStateException.class, p::checkNoLeaks);
            assertTrue(e.getMessage().contains("1 frame lease(s) outstanding"), e.getMessage());
            assertTrue(e.getMessage().contains("leakReportNamesTheLeaseSite"), "stack names this test: " + e.getMessage());
            leaked.release();
            p.checkNoLeaks();
        }
    }

    @Test
    void oddSizesRejectedFor420() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FrameKey(63, 36, PixelFormat.NV12, Usage.ENCODE));
        assertTrue(e.getMessage().contains("even"), e.getMessage());
        assertEquals(64 * 36 * 3 / 2, new FrameKey(64, 36, PixelFormat.NV12, Usage.ENCODE).bytes());
        assertEquals(64 * 36, PixelFormat.I420.planeOffset(1, 64, 36));
        assertEquals(64 * 36 + 32 * 18, PixelFormat.I420.planeOffset(2, 64, 36));
    }

    @Test
    void thousandsOfConcurrentLeasesBalance() throws Exception {
        try (FramePool p = pool(1 << 26, 16)) {
            ExecutorService ex = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                fs.add(ex.submit(() -> {
                    go.await();
                    for (int i = 0; i < 2500; i++) {
                        Frame f = p.lease(HD);
                        f.retain();
                        f.release();
                        f.release();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : fs) {
                f.get();
            }
            ex.shutdown();
            p.checkNoLeaks();
            PoolStats s = p.stats();
            assertEquals(10_000, s.hits() + s.misses());
            assertTrue(s.allocations() <= 4 + 16, "frames are reused, allocations=" + s.allocations());
        }
    }
}
