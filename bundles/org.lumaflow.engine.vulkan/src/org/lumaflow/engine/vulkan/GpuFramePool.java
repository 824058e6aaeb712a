package org.lumaflow.engine.vulkan;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import org.lumaflow.core.pool.PoolStats;

/**
 * GPU frames (storage buffers) reused across nodes and frames, keyed by {@link GpuFrameKey}: a lease takes an idle
 * frame of the key or allocates one; the last release puts it back. A byte budget over leased + idle frames evicts
 * the least recently used idle frames first (GPU memory is freed, not kept). Statistics are the CPU pool's
 * {@link PoolStats}. Thread-safe.
 */
public final class GpuFramePool implements AutoCloseable {

    private final VulkanContext ctx;
    private final long budget;
    private final Map<GpuFrameKey, ArrayDeque<GpuFrame>> idle = new HashMap<>();
    private long hits;
    private long misses;
    private long allocations;
    private long evictions;
    private long outstanding;
    private long liveBytes;
    private long idleBytes;
    private long peakLiveBytes;
    private long clock;
    private boolean closed;

    /** A pool on {@code ctx} keeping leased + idle frames under {@code budgetBytes} where it can. */
    public GpuFramePool(VulkanContext ctx, long budgetBytes) {
        this.ctx = ctx;
        this.budget = budgetBytes;
    }

    /** A frame of {@code key} with one reference. */
    public synchronized GpuFrame lease(GpuFrameKey key) {
        if (closed) {
            throw new IllegalStateException("GPU frame pool closed");
        }
        ArrayDeque<GpuFrame> q = idle.get(key);
        GpuFrame f = q == null ? null : q.pollLast();
        long bytes = key.bytes();
        if (f != null) {
            hits++;
            idleBytes -= bytes;
        } else {
            misses++;
            evictFor(bytes);
            GpuBuffer buffer = key.hostVisible() ? ctx.buffer(bytes) : ctx.deviceBuffer(bytes);
            f = new GpuFrame(this, key, buffer);
            allocations++;
        }
        f.lease();
        outstanding++;
        liveBytes += bytes;
        peakLiveBytes = Math.max(peakLiveBytes, liveBytes);
        return f;
    }

    synchronized void giveBack(GpuFrame f) {
        long bytes = f.key().bytes();
        outstanding--;
        liveBytes -= bytes;
        if (closed) {
            f.buffer().close();
            return;
        }
        f.lastUse = ++clock;
        idle.computeIfAbsent(f.key(), k -> new ArrayDeque<>()).addLast(f);
        idleBytes += bytes;
        evictFor(0);
    }

    /** Frees least recently used idle frames until {@code extra} more bytes fit in the budget (or none is idle). */
    private void evictFor(long extra) {
        while (liveBytes + idleBytes + extra > budget && idleBytes > 0) {
            GpuFrame oldest = null;
            for (ArrayDeque<GpuFrame> q : idle.values()) {
                GpuFrame f = q.peekFirst();
                if (f != null && (oldest == null || f.lastUse < oldest.lastUse)) {
                    oldest = f;
                }
            }
            if (oldest == null) {
                return;
            }
            idle.get(oldest.key()).pollFirst();
            idleBytes -= oldest.key().bytes();
            oldest.buffer().close();
            evictions++;
        }
    }

    /** Frees every idle frame (e.g. after an export). */
    public synchronized void flush() {
        for (Iterator<ArrayDeque<GpuFrame>> it = idle.values().iterator(); it.hasNext();) {
            for (GpuFrame f : it.next()) {
                f.buffer().close();
                evictions++;
            }
            it.remove();
        }
        idleBytes = 0;
    }

    public synchronized PoolStats stats() {
        return new PoolStats(hits, misses, allocations, evictions, outstanding, liveBytes, idleBytes, peakLiveBytes,
                budget);
    }

    /** Frees the idle frames; frames still leased are freed when released. */
    @Override
    public synchronized void close() {
        flush();
        closed = true;
    }
}
