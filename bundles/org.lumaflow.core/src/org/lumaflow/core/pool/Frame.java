package org.lumaflow.core.pool;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reference-counted image in off-heap memory, leased from a {@link FramePool}.
 * <p>
 * A lease starts with one reference. Every extra consumer calls {@link #retain()} and later {@link #release()}; the
 * last release hands the memory back to the pool. {@link #close()} is {@link #release()}, so a lease can be held in
 * try-with-resources. Pixel memory is a direct {@link ByteBuffer} in native byte order: use absolute get/put only
 * (the buffer is shared, its position is meaningless). Recycled frames are not cleared: a producer writes every
 * pixel (or calls {@link #clear()}).
 */
public final class Frame implements AutoCloseable {

    private final FramePool pool;
    private final FrameKey key;
    private final ByteBuffer buffer;
    private final AtomicInteger refs = new AtomicInteger();
    private long time;

    // pool bookkeeping, guarded by the pool's lock
    Frame lruPrev;
    Frame lruNext;
    Throwable leaseSite;

    Frame(FramePool pool, FrameKey key, ByteBuffer buffer) {
        this.pool = pool;
        this.key = key;
        this.buffer = buffer;
    }

    /**
     * A frame owned by no pool, with one reference: its memory is a plain direct buffer freed by the garbage collector
     * once the frame is unreachable, and it is not counted among any pool's leases. For long-lived caches (a graph's
     * static outputs) that must not look like leaks or hold pool budget.
     */
    public static Frame detached(FrameKey key) {
        Frame f = new Frame(null, key, ByteBuffer.allocateDirect(Math.toIntExact(key.bytes()))
                .order(java.nio.ByteOrder.nativeOrder()));
        f.reset();
        return f;
    }

    /** Whether this frame belongs to no pool ({@link #detached}). */
    public boolean isDetached() {
        return pool == null;
    }

    /** The pool key (size, format, usage). */
    public FrameKey key() {
        return key;
    }

    /** Width in pixels. */
    public int width() {
        return key.width();
    }

    /** Height in pixels. */
    public int height() {
        return key.height();
    }

    /** Pixel layout. */
    public PixelFormat format() {
        return key.format();
    }

    /** The pixel memory (direct, native order, capacity = {@link FrameKey#bytes()}). Use absolute access only. */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Bytes per row of plane 0. */
    public int stride() {
        return key.format().stride(0, key.width());
    }

    /** Presentation time of the content, in ticks (set by the producer). */
    public long time() {
        return time;
    }

    /** Sets the presentation time in ticks. */
    public void setTime(long ticks) {
        this.time = ticks;
    }

    /** Current reference count (0 once handed back). */
    public int refCount() {
        return refs.get();
    }

    /** Adds a reference for another consumer; fails on a frame that was already handed back. */
    public Frame retain() {
        int r;
        do {
            r = refs.get();
            if (r <= 0) {
                throw new IllegalStateException("retain() on a released frame " + key);
            }
        } while (!refs.compareAndSet(r, r + 1));
        return this;
    }

    /** Drops one reference; the last one returns the frame to its pool. */
    public void release() {
        int r;
        do {
            r = refs.get();
            if (r <= 0) {
                throw new IllegalStateException("release() on a frame that is not leased: " + key);
            }
        } while (!refs.compareAndSet(r, r - 1));
        if (r == 1 && pool != null) {
            pool.recycle(this);
        }
    }

    /** Same as {@link #release()}. */
    @Override
    public void close() {
        release();
    }

    /** Sets every byte to zero (transparent black for RGBA8). */
    public void clear() {
        fill((byte) 0);
    }

    /** Sets every byte of the frame to {@code value}. */
    public void fill(byte value) {
        int n = buffer.capacity();
        long v8 = (value & 0xFFL) * 0x0101010101010101L;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            buffer.putLong(i, v8);
        }
        for (; i < n; i++) {
            buffer.put(i, value);
        }
    }

    /** Copies all pixels of {@code other} (same key size and format) into this frame. */
    public void copyFrom(Frame other) {
        if (other.width() != width() || other.height() != height() || other.format() != format()) {
            throw new IllegalArgumentException("cannot copy " + other.key + " into " + key);
        }
        buffer.put(0, other.buffer, 0, buffer.capacity());
    }

    void reset() {
        refs.set(1);
        time = 0;
    }

    @Override
    public String toString() {
        return "Frame[" + key + ", refs=" + refs.get() + "]";
    }
}
