package org.lumaflow.export.internal;

import org.lumaflow.core.internal.NativeMemory;

/**
 * Depth of the queues between export stages: deeper with plenty of memory (stages absorb each other's jitter),
 * shallower for big frames on small machines. Each queue may hold 1/512 of the memory available to frames, 2..4
 * frames: the stages are CPU-bound, so depth beyond a few frames only adds resident memory (measured: 8-deep queues
 * cost ~100 MB at 1080p and gained nothing).
 */
public final class QueueDepth {

    static final int MIN = 2;
    static final int MAX = 4;

    private QueueDepth() {
    }

    static int forFrame(long frameBytes) {
        long memory = Math.min(NativeMemory.maxDirectMemory(), NativeMemory.physicalMemory() / 2);
        return depth(memory, frameBytes);
    }

    /** Queue depth for frames of {@code frameBytes} with {@code memory} bytes available to frames. */
    public static int depth(long memory, long frameBytes) {
        long n = memory / 512 / Math.max(1, frameBytes);
        return (int) Math.max(MIN, Math.min(MAX, n));
    }
}
