package org.lumaflow.live.internal.pipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;

/** The triple buffer, the drop-oldest channel and the latency window. */
class PipeTest {

    @Test
    void tripleBufferHandsTheNewestAndCountsOverwrites() {
        try (FramePool pool = new FramePool(FramePool.Config.defaults().withLeakTracking(true))) {
            TripleBuffer tb = new TripleBuffer(pool);
            assertNull(tb.take(), "nothing published yet");
            for (int i = 1; i <= 3; i++) {
                Frame f = tb.begin(4, 2, PixelFormat.RGBA8);
                f.buffer().put(0, (byte) i);
                tb.publish(i);
            }
            Frame got = tb.take();
            assertNotNull(got);
            assertEquals(3, got.buffer().get(0), "the newest picture");
            assertEquals(3, tb.currentCaptureNanos());
            assertEquals(2, tb.dropped(), "two pictures overwritten before the take");
            assertNull(tb.take(), "no new picture");
            assertSame(got, tb.current());
            // the writer never writes into the frame the reader holds
            for (int i = 0; i < 10; i++) {
                assertNotSame(got, tb.begin(4, 2, PixelFormat.RGBA8));
                tb.publish(10 + i);
            }
            // a picture the reader retained (handed on by reference) is never written into again
            Frame kept = tb.take();
            kept.retain();
            for (int i = 0; i < 6; i++) {
                assertNotSame(kept, tb.begin(4, 2, PixelFormat.RGBA8));
                tb.publish(30 + i);
                tb.take();
            }
            kept.release();
            tb.close();
            pool.checkNoLeaks();
        }
    }

    @Test
    void tripleBufferUnderTwoThreadsNeverTearsAFrame() throws Exception {
        try (FramePool pool = new FramePool()) {
            TripleBuffer tb = new TripleBuffer(pool);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong torn = new AtomicLong();
            Thread writer = new Thread(() -> {
                byte v = 0;
                while (!stop.get()) {
                    Frame f = tb.begin(64, 64, PixelFormat.RGBA8);
                    v++;
                    for (int i = 0; i < f.buffer().capacity(); i++) {
                        f.buffer().put(i, v);
                    }
                    tb.publish(System.nanoTime());
                }
            });
            writer.start();
            long taken = 0;
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < until) {
                Frame f = tb.take();
                if (f == null) {
                    continue;
                }
                taken++;
                byte first = f.buffer().get(0);
                for (int i = 0; i < f.buffer().capacity(); i += 61) {
                    if (f.buffer().get(i) != first) {
                        torn.incrementAndGet();
                        break;
                    }
                }
            }
            stop.set(true);
            writer.join();
            assertEquals(0, torn.get(), "a frame changed while the reader held it");
            assertTrue(taken > 10, "reader took " + taken);
            assertEquals(tb.published(), tb.dropped() + taken + (tb.take() != null ? 1 : 0),
                    "every published picture is either taken or counted as dropped");
            tb.close();
        }
    }

    @Test
    void channelDropsTheOldestAndNeverBlocks() throws Exception {
        List<Integer> evicted = new ArrayList<>();
        DropOldestChannel<Integer> ch = new DropOldestChannel<>(2, evicted::add);
        for (int i = 1; i <= 5; i++) {
            assertTrue(ch.offer(i));
        }
        assertEquals(List.of(1, 2, 3), evicted);
        assertEquals(3, ch.dropped());
        assertEquals(4, ch.poll(1, TimeUnit.SECONDS));
        assertEquals(5, ch.poll(1, TimeUnit.SECONDS));
        assertNull(ch.poll(10, TimeUnit.MILLISECONDS));
        ch.offer(6);
        ch.close();
        assertFalse(ch.offer(7));
        assertEquals(List.of(1, 2, 3, 7), evicted);
        assertEquals(6, ch.poll(1, TimeUnit.SECONDS), "queued items drain after close");
        assertNull(ch.poll(1, TimeUnit.SECONDS));
    }

    @Test
    void latencyPercentiles() {
        LatencyWindow w = new LatencyWindow(1000);
        double[] p = new double[2];
        w.percentiles(p, false);
        assertEquals(-1, p[0]);
        for (int i = 1; i <= 100; i++) {
            w.add(i);
        }
        w.percentiles(p, true);
        assertEquals(51, p[0], 1);
        assertEquals(95, p[1], 1);
        w.percentiles(p, false);
        assertEquals(-1, p[1], "reset");
    }
}
