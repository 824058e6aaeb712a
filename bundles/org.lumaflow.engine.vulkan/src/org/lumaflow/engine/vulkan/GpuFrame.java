package org.lumaflow.engine.vulkan;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pooled GPU frame: a storage buffer holding one picture of its {@link GpuFrameKey}, reference counted like the CPU
 * pool's frames. {@link #release()} (or close) returns it to its pool when the count reaches zero.
 */
public final class GpuFrame implements AutoCloseable {

    private final GpuFramePool pool;
    private final GpuFrameKey key;
    private final GpuBuffer buffer;
    private final AtomicInteger refs = new AtomicInteger();
    long lastUse;

    GpuFrame(GpuFramePool pool, GpuFrameKey key, GpuBuffer buffer) {
        this.pool = pool;
        this.key = key;
        this.buffer = buffer;
    }

    public GpuFrameKey key() {
        return key;
    }

    /** The storage buffer (mapped when the key is host-visible). */
    public GpuBuffer buffer() {
        return buffer;
    }

    /** Adds a reference. */
    public GpuFrame retain() {
        if (refs.getAndIncrement() <= 0) {
            refs.decrementAndGet();
            throw new IllegalStateException("retain of a released GPU frame " + key);
        }
        return this;
    }

    /** Drops a reference; the last one returns the frame to the pool. */
    public void release() {
        int n = refs.decrementAndGet();
        if (n == 0) {
            pool.giveBack(this);
        } else if (n < 0) {
            refs.incrementAndGet();
            throw new IllegalStateException("GPU frame " + key + " released more often than leased");
        }
    }

    @Override
    public void close() {
        release();
    }

    void lease() {
        refs.set(1);
    }

    int refCount() {
        return refs.get();
    }
}
