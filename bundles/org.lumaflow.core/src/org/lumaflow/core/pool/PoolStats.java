package org.lumaflow.core.pool;

/**
 * A snapshot of {@link FramePool} counters.
 *
 * @param hits        leases served from idle frames
 * @param misses      leases that found no idle frame of their key
 * @param allocations frames whose memory was allocated
 * @param evictions   idle frames freed to stay under the byte budget or the per-key cap
 * @param outstanding leases not yet released
 * @param liveBytes   bytes of leased frames
 * @param idleBytes   bytes of frames waiting in the pool
 * @param peakLiveBytes highest {@code liveBytes} seen
 * @param budgetBytes the configured byte budget
 */
public record PoolStats(long hits, long misses, long allocations, long evictions, long outstanding, long liveBytes,
        long idleBytes, long peakLiveBytes, long budgetBytes) {

    /** Fraction of leases served without allocating, 0..1 (1 when nothing was leased yet). */
    public double hitRate() {
        long total = hits + misses;
        return total == 0 ? 1.0 : (double) hits / total;
    }

    /** Counters accumulated since {@code earlier} (gauges are taken from this snapshot). */
    public PoolStats since(PoolStats earlier) {
        return new PoolStats(hits - earlier.hits, misses - earlier.misses, allocations - earlier.allocations,
                evictions - earlier.evictions, outstanding, liveBytes, idleBytes, peakLiveBytes, budgetBytes);
    }

    @Override
    public String toString() {
        return String.format("hits=%d misses=%d hitRate=%.4f allocations=%d evictions=%d outstanding=%d live=%.1fMB idle=%.1fMB peak=%.1fMB budget=%.0fMB",
                hits, misses, hitRate(), allocations, evictions, outstanding, liveBytes / 1e6, idleBytes / 1e6,
                peakLiveBytes / 1e6, budgetBytes / 1e6);
    }
}
