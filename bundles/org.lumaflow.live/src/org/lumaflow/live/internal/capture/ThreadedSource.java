package org.lumaflow.live.internal.capture;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.CaptureSink;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveSource;

/**
 * What the built-in sources share: a name, the picture size and rate they deliver, and one capture thread started by
 * {@link #start} running {@link #run()} into the sink.
 */
abstract class ThreadedSource implements LiveSource {

    protected String name;
    protected int width;
    protected int height;
    protected FrameRate rate;
    protected CaptureThread thread;
    protected CaptureSink sink;
    protected volatile long frames;

    @Override
    public String name() {
        return name;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public FrameRate rate() {
        return rate;
    }

    /** Pictures delivered so far. */
    long frames() {
        return frames;
    }

    /** The capture thread (null before {@link #start}). */
    Thread thread() {
        return thread;
    }

    /** Fails when the source cannot start (e.g. closed already). */
    protected void checkStartable() throws LiveException {
    }

    @Override
    public synchronized void start(CaptureSink target) throws LiveException {
        checkStartable();
        if (thread != null) {
            throw new LiveException(name + ": already started");
        }
        sink = target;
        thread = new CaptureThread(name, this::run);
        thread.start();
    }

    /** The capture loop, on the capture thread; ends when {@code thread.halted()}. */
    protected abstract void run();

    /** Frees what the source holds when it was never started ({@link #close()} before {@link #start}). */
    protected void freeUnstarted() {
    }

    /** Halts the capture thread and waits for it to end (the thread frees the device itself). Idempotent. */
    @Override
    public void close() {
        CaptureThread t;
        synchronized (this) {
            t = thread;
            if (t == null) {
                freeUnstarted();
                return;
            }
        }
        t.halt();
        java.util.concurrent.locks.LockSupport.unpark(t);
        if (t != Thread.currentThread()) {
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
