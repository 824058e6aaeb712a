package org.lumaflow.core.parallel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.lumaflow.core.concurrent.TaskType;
import org.lumaflow.core.concurrent.WorkerPools;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs row bands of an image on the product's pixel workers (one thread per core), the way the built-in nodes do:
 * call it from {@code NodeType.render} to process a frame on all cores. The calling thread takes the first band
 * itself and returns when every band is done; a call from a pixel worker (a nested call) and small images (under
 * 16 Ki pixels a band) run on the calling thread. An exception from any band is rethrown to the caller (checked ones
 * wrapped in {@link IllegalStateException}).
 * <p>
 * Bands run concurrently: each must write only its own rows and share no mutable state with the others.
 */
public final class Parallel {

    /** Work on rows {@code [y0, y1)}. */
    @FunctionalInterface
    @ConsumerType
    public interface Rows {
        /** Processes rows {@code y0} (inclusive) to {@code y1} (exclusive). */
        void run(int y0, int y1);
    }

    /** Below this many pixels per band the work runs on one thread. */
    private static final int MIN_PIXELS_PER_BAND = 16 * 1024;

    private Parallel() {
    }

    /**
     * Runs {@code rows} over {@code [0, height)} split into bands, at most one per pixel worker, each at least 16 Ki
     * pixels of {@code width}-pixel rows; returns when all are done.
     *
     * @param width  pixels per row (only used to size the bands)
     * @param height number of rows
     * @param rows   the work on rows {@code [y0, y1)}
     */
    public static void rows(int width, int height, Rows rows) {
        int threads = WorkerPools.threads(TaskType.PIXEL);
        long pixels = (long) width * height;
        int bands = (int) Math.min(threads, Math.max(1, pixels / MIN_PIXELS_PER_BAND));
        bands = Math.min(bands, height);
        if (bands <= 1 || WorkerPools.isWorker(TaskType.PIXEL)) {
            rows.run(0, height);
            return;
        }
        ExecutorService ex = WorkerPools.executor(TaskType.PIXEL);
        Join join = new Join(bands - 1, Thread.currentThread());
        for (int b = 1; b < bands; b++) {
            int y0 = (int) ((long) height * b / bands);
            int y1 = (int) ((long) height * (b + 1) / bands);
            ex.execute(() -> {
                try {
                    rows.run(y0, y1);
                } catch (Throwable t) {
                    join.fail(t);
                } finally {
                    join.done();
                }
            });
        }
        Throwable own = null;
        try {
            rows.run(0, (int) ((long) height / bands));
        } catch (Throwable t) {
            own = t;
        }
        join.await();
        Throwable failure = own != null ? own : join.failure;
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private static final class Join {
        private final AtomicInteger remaining;
        private final Thread waiter;
        volatile Throwable failure;

        Join(int count, Thread waiter) {
            this.remaining = new AtomicInteger(count);
            this.waiter = waiter;
        }

        void fail(Throwable t) {
            failure = t;
        }

        void done() {
            if (remaining.decrementAndGet() == 0) {
                LockSupport.unpark(waiter);
            }
        }

        void await() {
            while (remaining.get() > 0) {
                LockSupport.park(this);
            }
        }
    }
}
