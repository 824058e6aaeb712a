package org.lumaflow.core.concurrent;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Shared worker pools, one per {@link TaskType}, with daemon threads named {@code lumaflow-<type>-N}. Sizes come from
 * the core count unless overridden (system property {@code lumaflow.workers.<type>} or {@link #setThreads}).
 */
public final class WorkerPools {

    private static final Map<TaskType, Integer> OVERRIDES = new EnumMap<>(TaskType.class);
    private static final Map<TaskType, ThreadPoolExecutor> POOLS = new EnumMap<>(TaskType.class);
    /** Resolved worker counts (0 = not yet resolved), read without locking on hot paths. */
    private static final AtomicIntegerArray RESOLVED = new AtomicIntegerArray(TaskType.values().length);
    /** Created executors, read without locking on hot paths. */
    private static final AtomicReferenceArray<ThreadPoolExecutor> CREATED =
            new AtomicReferenceArray<>(TaskType.values().length);

    private WorkerPools() {
    }

    /**
     * Worker count for {@code type}: override, system property, or the default for this machine's cores. Resolved
     * once (the property is read on first use); {@link #setThreads} changes it.
     */
    public static int threads(TaskType type) {
        int n = RESOLVED.get(type.ordinal());
        if (n == 0) {
            // a concurrent setThreads wins over the value resolved here
            RESOLVED.compareAndSet(type.ordinal(), 0, resolve(type));
            n = RESOLVED.get(type.ordinal());
        }
        return n;
    }

    private static synchronized int resolve(TaskType type) {
        Integer o = OVERRIDES.get(type);
        if (o != null) {
            return o;
        }
        String prop = System.getProperty("lumaflow.workers." + type.id());
        if (prop != null) {
            try {
                int n = Integer.parseInt(prop.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the default
            }
            System.err.println("lumaflow: ignoring lumaflow.workers." + type.id() + "=" + prop + " (need an integer >= 1)");
        }
        return type.defaultThreads(Runtime.getRuntime().availableProcessors());
    }

    /** Overrides the worker count for {@code type} (takes effect for the shared pool immediately). */
    public static synchronized void setThreads(TaskType type, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("worker count must be >= 1, got " + threads);
        }
        OVERRIDES.put(type, threads);
        RESOLVED.set(type.ordinal(), threads);
        ThreadPoolExecutor pool = POOLS.get(type);
        if (pool != null) {
            if (threads > pool.getMaximumPoolSize()) {
                pool.setMaximumPoolSize(threads);
                pool.setCorePoolSize(threads);
            } else {
                pool.setCorePoolSize(threads);
                pool.setMaximumPoolSize(threads);
            }
        }
    }

    /** The shared executor for {@code type} (created on first use). */
    public static ExecutorService executor(TaskType type) {
        ThreadPoolExecutor ex = CREATED.get(type.ordinal());
        return ex != null ? ex : create(type);
    }

    private static synchronized ExecutorService create(TaskType type) {
        ThreadPoolExecutor created = POOLS.computeIfAbsent(type, t -> {
            int n = threads(t);
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor ex = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    r -> {
                        Thread th = new WorkerThread(r, "lumaflow-" + t.id() + "-" + count.incrementAndGet(), t);
                        th.setDaemon(true);
                        return th;
                    });
            ex.allowCoreThreadTimeOut(true);
            return ex;
        });
        CREATED.set(type.ordinal(), created);
        return created;
    }

    /** Whether the current thread is a worker of {@code type} (used to run nested work inline, not deadlock). */
    public static boolean isWorker(TaskType type) {
        return Thread.currentThread() instanceof WorkerThread w && w.type == type;
    }

    private static final class WorkerThread extends Thread {
        final TaskType type;

        WorkerThread(Runnable r, String name, TaskType type) {
            super(r, name);
            this.type = type;
        }
    }
}
