package org.lumaflow.core.pool;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.lumaflow.core.internal.NativeMemory;

/**
 * A pool of off-heap {@link Frame}s keyed by {@link FrameKey}.
 * <p>
 * Life cycle, per frame: leased ({@link #lease}) with one reference, shared with {@link Frame#retain()}, recycled
 * into the pool when the last reference is released, reused by the next lease of the same key. Idle frames are kept
 * up to a per-key cap and within a global byte budget (leased + idle bytes); when a new allocation would exceed the
 * budget, the least recently used idle frames of any key are freed first. The budget is soft for leases: a lease
 * never fails for lack of budget, it is counted instead ({@link PoolStats#liveBytes()}).
 * <p>
 * {@link #flush()} frees every idle frame; {@link #close()} also makes every later release free its memory.
 * With leak tracking on, {@link #checkNoLeaks()} names where each outstanding frame was leased.
 * Thread-safe; leases and releases allocate nothing once the pool is warm.
 */
public final class FramePool implements AutoCloseable {

    /**
     * Pool settings.
     *
     * @param budgetBytes  global byte budget for leased plus idle frames
     * @param maxIdlePerKey idle frames kept per key
     * @param trackLeaks   record the lease site of every frame (tests, debugging; allocates per lease)
     */
    public record Config(long budgetBytes, int maxIdlePerKey, boolean trackLeaks) {
        /** Validates the settings. */
        public Config {
            if (budgetBytes <= 0 || maxIdlePerKey < 0) {
                throw new IllegalArgumentException("budget must be > 0 and the per-key cap >= 0");
            }
        }

        /**
         * Defaults sized from the machine: a quarter of physical memory, at most three quarters of the JVM's direct
         * memory limit; 8 idle frames per key; leak tracking when {@code -Dlumaflow.pool.trackLeaks=true}.
         */
        public static Config defaults() {
            long budget = Math.min(NativeMemory.physicalMemory() / 4, NativeMemory.maxDirectMemory() / 4 * 3);
            return new Config(Math.max(budget, 64L << 20), 8, Boolean.getBoolean("lumaflow.pool.trackLeaks"));
        }

        /** The same settings with another budget. */
        public Config withBudget(long bytes) {
            return new Config(bytes, maxIdlePerKey, trackLeaks);
        }

        /** The same settings with another per-key cap. */
        public Config withMaxIdlePerKey(int cap) {
            return new Config(budgetBytes, cap, trackLeaks);
        }

        /** The same settings with leak tracking on or off. */
        public Config withLeakTracking(boolean on) {
            return new Config(budgetBytes, maxIdlePerKey, on);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<FrameKey, ArrayDeque<Frame>> idle = new HashMap<>();
    private final Map<Frame, Boolean> leased;
    private final Config config;
    // LRU list of idle frames: head = least recently used
    private Frame lruHead;
    private Frame lruTail;
    private long hits;
    private long misses;
    private long allocations;
    private long evictions;
    private long outstanding;
    private long liveBytes;
    private long idleBytes;
    private long peakLiveBytes;
    private boolean closed;

    /** A pool with {@link Config#defaults()}. */
    public FramePool() {
        this(Config.defaults());
    }

    /** A pool with the given settings. */
    public FramePool(Config config) {
        this.config = config;
        this.leased = config.trackLeaks() ? new IdentityHashMap<>() : null;
    }

    /** The settings. */
    public Config config() {
        return config;
    }

    /** Leases a frame of {@code key} with one reference. Its pixels are undefined (recycled memory). */
    public Frame lease(FrameKey key) {
        long bytes = key.bytes();
        Frame frame = null;
        boolean allocate;
        lock.lock();
        try {
            ArrayDeque<Frame> q = idle.get(key);
            if (q != null && !q.isEmpty()) {
                frame = q.pollLast();
                unlink(frame);
                idleBytes -= bytes;
                hits++;
                allocate = false;
            } else {
                misses++;
                allocations++;
                allocate = true;
                evictFor(bytes);
            }
            outstanding++;
            liveBytes += bytes;
            if (liveBytes > peakLiveBytes) {
                peakLiveBytes = liveBytes;
            }
        } finally {
            lock.unlock();
        }
        if (allocate) {
            try {
                frame = new Frame(this, key, NativeMemory.allocate(bytes));
            } catch (OutOfMemoryError e) {
                lock.lock();
                try {
                    outstanding--;
                    liveBytes -= bytes;
                } finally {
                    lock.unlock();
                }
                throw new OutOfMemoryError("cannot allocate a " + key + " frame (" + bytes + " bytes); pool: "
                        + stats());
            }
        }
        frame.reset();
        if (leased != null) {
            frame.leaseSite = new Throwable("leased " + key + " on " + Thread.currentThread().getName());
            lock.lock();
            try {
                leased.put(frame, Boolean.TRUE);
            } finally {
                lock.unlock();
            }
        }
        return frame;
    }

    /** Leases a frame of the given size, format and usage. Prefer {@link #lease(FrameKey)} with a cached key. */
    public Frame lease(int width, int height, PixelFormat format, Usage usage) {
        return lease(new FrameKey(width, height, format, usage));
    }

    /** Allocates idle frames ahead of time so the first {@code count} leases of {@code key} are hits. */
    public void prewarm(FrameKey key, int count) {
        long hits0;
        long misses0;
        lock.lock();
        try {
            hits0 = hits;
            misses0 = misses;
        } finally {
            lock.unlock();
        }
        Frame[] frames = new Frame[count];
        for (int i = 0; i < count; i++) {
            frames[i] = lease(key);
        }
        lock.lock();
        try {
            // prewarming is not a use: it does not count as hits or misses
            hits = hits0;
            misses = misses0;
        } finally {
            lock.unlock();
        }
        for (Frame f : frames) {
            f.release();
        }
    }

    /** Frees every idle frame (leased frames are untouched and return to the pool as usual). */
    public void flush() {
        lock.lock();
        try {
            while (lruHead != null) {
                Frame f = lruHead;
                removeIdle(f);
                NativeMemory.free(f.buffer());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Frees idle frames and frees every frame released from now on. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        flush();
    }

    /** A snapshot of the counters. */
    public PoolStats stats() {
        lock.lock();
        try {
            return new PoolStats(hits, misses, allocations, evictions, outstanding, liveBytes, idleBytes,
                    peakLiveBytes, config.budgetBytes());
        } finally {
            lock.unlock();
        }
    }

    /** Number of leases not yet released. */
    public long outstanding() {
        lock.lock();
        try {
            return outstanding;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fails with a report of every outstanding lease (and, with leak tracking, where it was leased) if any frame is
     * still leased.
     */
    public void checkNoLeaks() {
        lock.lock();
        try {
            if (outstanding == 0) {
                return;
            }
            StringBuilder sb = new StringBuilder(outstanding + " frame lease(s) outstanding");
            if (leased != null) {
                for (Frame f : leased.keySet()) {
                    StringWriter sw = new StringWriter();
                    f.leaseSite.printStackTrace(new PrintWriter(sw));
                    sb.append("\n - ").append(f).append(" ").append(sw.toString().strip());
                }
            } else {
                sb.append(" (set -Dlumaflow.pool.trackLeaks=true to see where they were leased)");
            }
            throw new IllegalStateException(sb.toString());
        } finally {
            lock.unlock();
        }
    }

    void recycle(Frame frame) {
        long bytes = frame.key().bytes();
        ByteBuffer toFree = null;
        lock.lock();
        try {
            outstanding--;
            liveBytes -= bytes;
            if (leased != null) {
                leased.remove(frame);
                frame.leaseSite = null;
            }
            ArrayDeque<Frame> q = idle.get(frame.key());
            int queued = q == null ? 0 : q.size();
            if (closed || queued >= config.maxIdlePerKey()
                    || liveBytes + idleBytes + bytes > config.budgetBytes()) {
                toFree = frame.buffer();
                evictions++;
            } else {
                if (q == null) {
                    q = new ArrayDeque<>(Math.max(2, config.maxIdlePerKey()));
                    idle.put(frame.key(), q);
                }
                q.addLast(frame);
                linkTail(frame);
                idleBytes += bytes;
            }
        } finally {
            lock.unlock();
        }
        if (toFree != null) {
            NativeMemory.free(toFree);
        }
    }

    private void evictFor(long bytes) {
        while (lruHead != null && liveBytes + idleBytes + bytes > config.budgetBytes()) {
            Frame victim = lruHead;
            removeIdle(victim);
            evictions++;
            NativeMemory.free(victim.buffer());
        }
    }

    private void removeIdle(Frame f) {
        ArrayDeque<Frame> q = idle.get(f.key());
        q.remove(f);
        unlink(f);
        idleBytes -= f.key().bytes();
    }

    private void linkTail(Frame f) {
        f.lruPrev = lruTail;
        f.lruNext = null;
        if (lruTail != null) {
            lruTail.lruNext = f;
        } else {
            lruHead = f;
        }
        lruTail = f;
    }

    private void unlink(Frame f) {
        if (f.lruPrev != null) {
            f.lruPrev.lruNext = f.lruNext;
        } else {
            lruHead = f.lruNext;
        }
        if (f.lruNext != null) {
            f.lruNext.lruPrev = f.lruPrev;
        } else {
            lruTail = f.lruPrev;
        }
        f.lruPrev = null;
        f.lruNext = null;
    }
}
