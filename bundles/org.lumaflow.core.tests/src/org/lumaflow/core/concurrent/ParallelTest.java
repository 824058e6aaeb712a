package org.lumaflow.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void everyRowExactlyOnce() {
        for (int h : new int[] {1, 7, 100, 1080}) {
            AtomicIntegerArray seen = new AtomicIntegerArray(h);
            Parallel.rows(1920, h, (y0, y1) -> {
                for (int y = y0; y < y1; y++) {
                    seen.incrementAndGet(y);
                }
            });
            for (int y = 0; y < h; y++) {
                assertEquals(1, seen.get(y), "row " + y + " of " + h);
            }
        }
    }

    @Test
    void exceptionsReachTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.rows(1920, 1080,
                (y0, y1) -> {
                    if (y0 > 0) {
                        throw new IllegalStateException("band " + y0);
                    }
                }));
        assertTrue(e.getMessage().startsWith("band"));
    }

    @Test
    void defaultsFollowCores() {
        assertEquals(8, TaskType.PIXEL.defaultThreads(8));
        assertEquals(4, TaskType.ENCODE.defaultThreads(8));
        assertEquals(16, TaskType.IO.defaultThreads(8));
        assertEquals(4, TaskType.IO.defaultThreads(1));
        assertEquals(1, TaskType.ANALYSIS.defaultThreads(2));
        assertTrue(WorkerPools.threads(TaskType.PIXEL) >= 1);
    }
}
