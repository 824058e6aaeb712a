package org.lumaflow.perception.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.lumaflow.core.concurrent.TaskType;
import org.lumaflow.core.concurrent.WorkerPools;

/**
 * The analysis threads shared by the face and object analyzers: {@code WorkerPools.threads(ANALYSIS)} daemon threads
 * ({@code -Dlumaflow.workers.analysis=N}) at low priority, so face and object analyses together never use more. Made
 * by the first user, stopped when the last one releases them.
 */
final class AnalysisWorkers {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static ExecutorService executor;
    private static int users;

    private AnalysisWorkers() {
    }

    /** The shared executor; call {@link #release()} once for every call. */
    static synchronized ExecutorService acquire() {
        if (executor == null) {
            int n = Math.max(1, WorkerPools.threads(TaskType.ANALYSIS));
            executor = Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "lumaflow-analysis-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                t.setPriority(Thread.NORM_PRIORITY - 1);
                return t;
            });
        }
        users++;
        return executor;
    }

    /** Gives the executor back; the last user stops its threads. */
    static synchronized void release() {
        if (users > 0 && --users == 0) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /** Number of threads analyses run on. */
    static int threads() {
        return Math.max(1, WorkerPools.threads(TaskType.ANALYSIS));
    }
}
