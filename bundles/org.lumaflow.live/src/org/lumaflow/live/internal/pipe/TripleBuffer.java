package org.lumaflow.live.internal.pipe;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;

/**
 * A lock-free triple buffer of pooled frames between one capture thread (writer) and one consumer (reader). Each of
 * the three slots is, at any time, being written, ready (the newest published picture) or in use by the reader; the
 * writer never waits. Publishing over a ready picture that the reader has not taken counts it as dropped at capture.
 * Nothing is allocated per frame: the slots' frames are leased once and re-leased only when the size or format
 * changes or when the reader kept a reference to one (it may {@link Frame#retain()} what it took and hand it on
 * without a copy; the writer then leases another frame from the pool for that slot).
 */
public final class TripleBuffer {

    private static final int FRESH = 4;
    private static final int INDEX = 3;

    private final FramePool pool;
    private final Frame[] slots = new Frame[3];
    private final long[] captured = new long[3];
    /** The ready slot's index, with {@link #FRESH} while the reader has not taken it. */
    private final AtomicInteger middle = new AtomicInteger(2);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private int writing;
    private int reading = 1;
    private volatile boolean closed;

    /** A triple buffer leasing its three frames from {@code pool}. */
    public TripleBuffer(FramePool pool) {
        this.pool = pool;
    }

    /** Writer: the frame to write the next picture into (its pixels are whatever the slot held before). */
    public Frame begin(int width, int height, PixelFormat format) {
        Frame f = slots[writing];
        // a picture the reader passed on by reference (retained, e.g. to the encoder) is left to its holders
        if (f == null || f.refCount() > 1 || f.width() != width || f.height() != height || f.format() != format) {
            if (f != null) {
                f.release();
            }
            f = pool.lease(new FrameKey(width, height, format, Usage.DECODE));
            slots[writing] = f;
        }
        return f;
    }

    /** Writer: makes the frame from {@link #begin} the newest ready picture. */
    public void publish(long captureNanos) {
        if (slots[writing] == null) {
            throw new IllegalStateException("publish without begin");
        }
        captured[writing] = captureNanos;
        int old = middle.getAndSet(writing | FRESH);
        if ((old & FRESH) != 0) {
            dropped.incrementAndGet();
        }
        writing = old & INDEX;
        published.incrementAndGet();
    }

    /**
     * Reader: takes the newest ready picture if one was published since the last take, else null (the previous
     * picture stays valid through {@link #current()}). The frame stays the reader's until its next successful take.
     */
    public Frame take() {
        if ((middle.get() & FRESH) == 0) {
            return null;
        }
        int old = middle.getAndSet(reading);
        reading = old & INDEX;
        return slots[reading];
    }

    /** Reader: whether a picture was published since the last take. */
    public boolean fresh() {
        return (middle.get() & FRESH) != 0;
    }

    /** Reader: the picture taken last (null before the first take). */
    public Frame current() {
        return slots[reading];
    }

    /** Reader: the capture time of {@link #current()}. */
    public long currentCaptureNanos() {
        return captured[reading];
    }

    /** Pictures published so far. */
    public long published() {
        return published.get();
    }

    /** Pictures overwritten before the reader took them. */
    public long dropped() {
        return dropped.get();
    }

    /** Releases the three frames; call after both threads have stopped. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null) {
                slots[i].release();
                slots[i] = null;
            }
        }
    }
}
