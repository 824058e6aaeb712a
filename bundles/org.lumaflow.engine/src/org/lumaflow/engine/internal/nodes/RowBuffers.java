package org.lumaflow.engine.internal.nodes;

import java.util.ArrayDeque;

/**
 * A small per-node-instance pool of blur work buffers ({@link BlurPass.Work}), shared by the worker bands of one
 * pass: each band takes one and gives it back, so a warm node allocates none per frame.
 */
final class RowBuffers {

    private final ArrayDeque<BlurPass.Work> free = new ArrayDeque<>();

    /** A work buffer (contents undefined). */
    BlurPass.Work take() {
        synchronized (free) {
            BlurPass.Work w = free.pollLast();
            if (w != null) {
                return w;
            }
        }
        return new BlurPass.Work();
    }

    /** Returns a buffer taken from this pool. */
    void give(BlurPass.Work w) {
        synchronized (free) {
            free.addLast(w);
        }
    }
}
