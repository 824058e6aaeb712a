package org.lumaflow.engine.internal.render;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reusable thread that runs one plugin call at a time under a timeout. Workers are pooled process-wide; a call
 * hands its task over and waits on the worker's monitor (no allocation per call). A worker whose call times out is
 * abandoned: interrupted, never reused, and it ends once the call returns (if ever). Idle workers end after a minute.
 */
final class GuardWorker extends Thread {

    /** A call that may throw anything. */
    interface Task {
        void run() throws Exception;
    }

    /** Returned by {@link #call} when the task did not finish in time. */
    static final Throwable TIMED_OUT = new Throwable("timed out", null, false, false) {
    };

    private static final long IDLE_MS = 60_000;
    private static final ArrayDeque<GuardWorker> IDLE = new ArrayDeque<>();
    private static final AtomicInteger COUNT = new AtomicInteger();

    private Task task;
    private boolean done;
    private Throwable error;
    private boolean abandoned;

    private GuardWorker() {
        super("lumaflow-extension-guard-" + COUNT.incrementAndGet());
        setDaemon(true);
    }

    /**
     * Runs {@code t} on an idle worker (started when none is idle) and waits at most {@code timeoutMs}. Returns null
     * when it returned, what it threw, or {@link #TIMED_OUT} (the worker is then abandoned and interrupted). An
     * interrupt of the calling thread does not cut the wait short; it is restored afterwards.
     */
    static Throwable call(Task t, long timeoutMs) {
        GuardWorker w;
        synchronized (IDLE) {
            w = IDLE.pollLast();
        }
        if (w == null) {
            w = new GuardWorker();
            w.start();
        }
        Throwable result = w.run(t, timeoutMs);
        if (result != TIMED_OUT) {
            synchronized (IDLE) {
                IDLE.addLast(w);
            }
        }
        return result;
    }

    private synchronized Throwable run(Task t, long timeoutMs) {
        task = t;
        done = false;
        error = null;
        notifyAll();
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        boolean interrupted = false;
        while (!done) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                wait(left / 1_000_000L, (int) (left % 1_000_000L));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!done) {
            abandoned = true;
            interrupt();
            return TIMED_OUT;
        }
        Throwable e = error;
        error = null;
        return e;
    }

    @Override
    public void run() {
        for (;;) {
            Task t;
            synchronized (this) {
                while (task == null) {
                    try {
                        wait(IDLE_MS);
                    } catch (InterruptedException e) {
                        // stray interrupt from a finished call: ignore
                    }
                    if (task == null && retire()) {
                        return;
                    }
                }
                t = task;
                task = null;
            }
            Throwable err = null;
            try {
                t.run();
            } catch (Throwable e) {
                err = e;
            }
            synchronized (this) {
                error = err;
                done = true;
                notifyAll();
                if (abandoned) {
                    return;
                }
            }
            Thread.interrupted(); // an interrupt meant for the finished call must not hit the next one
        }
    }

    /** Leaves the idle list; false when a caller has just taken this worker (a task is coming). */
    private boolean retire() {
        synchronized (IDLE) {
            return IDLE.remove(this);
        }
    }
}
