package org.lumaflow.engine.internal.nodes;

import java.util.ArrayDeque;

/**
 * A small per-node-instance pool of equally sized {@code long[]} work rows, shared by the worker bands of one pass:
 * each band takes one and gives it back, so a warm node allocates none per frame.
 */
final class RowBuffers {

    private final int length;
    private final ArrayDeque<long[]> free = new ArrayDeque<>();

    RowBuffers(int length) {
        this.length = length;
    }

    /** Length of each buffer, in longs. */
    int length() {
        return length;
    }

    /** A buffer of {@link #length} longs (contents undefined). */
    long[] take() {
        synchronized (free) {
            long[] b = free.pollLast();
            if (b != null) {
                return b;
            }
        }
        return new long[length];
    }

    /** Returns a buffer taken from this pool. */
    void give(long[] b) {
        synchronized (free) {
            free.addLast(b);
        }
    }
}
