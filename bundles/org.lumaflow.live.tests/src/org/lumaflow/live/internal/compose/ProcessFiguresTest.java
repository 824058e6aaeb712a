package org.lumaflow.live.internal.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.live.Layout;
import org.lumaflow.live.internal.session.LiveFixture;

/**
 * The process stage's render (composition + RGBA to NV12) per frame on the CPU backend, full and pip at 720p and
 * 1080p, with its heap allocation per frame; prints the figures (the README quotes them) and checks the output.
 */
class ProcessFiguresTest {

    private static LiveFixture fx;

    @BeforeAll
    static void setUp() throws Exception {
        fx = LiveFixture.get();
        fx.engine.preferBackend("cpu");
    }

    @Test
    void processStageFigures() throws Exception {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
            for (Layout layout : List.of(Layout.full(), Layout.pip())) {
                int w = size[0];
                int h = size[1];
                String id = "figures-" + System.nanoTime();
                LiveSlots.Slot[] slots = LiveSlots.open(id, 2);
                for (int i = 0; i < 2; i++) {
                    Frame f = fx.engine.pool().lease(w, h, PixelFormat.RGBA8, Usage.DECODE);
                    for (int p = 0; p < w * h * 4; p += 4) {
                        f.buffer().putInt(p, i == 0 ? 0xFF2040C0 : 0xFFC04020);
                    }
                    slots[i].set(f, 1);
                    f.release();
                }
                try (Composer c = new Composer(fx.engine, fx.converters, layout, id, w, h, List.of(), null, null)) {
                    for (int i = 0; i < 20; i++) {
                        c.render(i, w, h).release();
                    }
                    int n = 60;
                    long a0 = mx.getCurrentThreadAllocatedBytes();
                    long t0 = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        Frame f = c.render(i, w, h);
                        assertEquals(w * h * 3 / 2, f.buffer().capacity());
                        f.release();
                    }
                    double ms = (System.nanoTime() - t0) / 1e6 / n;
                    long alloc = (mx.getCurrentThreadAllocatedBytes() - a0) / n;
                    System.out.printf("process stage %s %dx%d on %s: %.2f ms/frame, %d heap bytes/frame%n",
                            layout.kind(), w, h, c.backend(), ms, alloc);
                } finally {
                    LiveSlots.close(id);
                }
            }
        }
    }
}
