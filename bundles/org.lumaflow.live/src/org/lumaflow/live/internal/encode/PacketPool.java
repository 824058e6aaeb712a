package org.lumaflow.live.internal.encode;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Off-heap encoded packets in size classes (4 KiB to 8 MiB, powers of two), recycled when their last reference is
 * released: in steady state nothing is allocated per packet. Larger packets get a one-off buffer. Thread-safe
 * (packets are released from the send threads).
 */
public final class PacketPool {

    private static final int MIN_SHIFT = 12;
    private static final int CLASSES = 12;
    private static final int PER_CLASS = 512;

    private final PooledPacket[][] free = new PooledPacket[CLASSES][PER_CLASS];
    private final int[] count = new int[CLASSES];
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong outstanding = new AtomicLong();

    /** A packet of at least {@code size} bytes, not yet filled. */
    public PooledPacket acquire(int size) {
        int cls = sizeClass(size);
        outstanding.incrementAndGet();
        if (cls < CLASSES) {
            synchronized (free[cls]) {
                int n = count[cls];
                if (n > 0) {
                    PooledPacket p = free[cls][n - 1];
                    free[cls][n - 1] = null;
                    count[cls] = n - 1;
                    return p;
                }
            }
            created.incrementAndGet();
            return new PooledPacket(this, 1 << (cls + MIN_SHIFT), cls);
        }
        created.incrementAndGet();
        return new PooledPacket(this, size, CLASSES);
    }

    static int sizeClass(int size) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(size, 1 << MIN_SHIFT) - 1);
        return bits - MIN_SHIFT;
    }

    void recycle(PooledPacket p) {
        outstanding.decrementAndGet();
        int cls = p.sizeClass;
        if (cls >= CLASSES) {
            return;
        }
        synchronized (free[cls]) {
            if (count[cls] < PER_CLASS) {
                free[cls][count[cls]++] = p;
            }
        }
    }

    /** Packets created so far (stops growing once the pool is warm). */
    public long created() {
        return created.get();
    }

    /** Packets handed out and not yet released. */
    public long outstanding() {
        return outstanding.get();
    }

    /** Drops the idle packets (their memory goes with the garbage collector). */
    public void clear() {
        for (int c = 0; c < CLASSES; c++) {
            synchronized (free[c]) {
                java.util.Arrays.fill(free[c], null);
                count[c] = 0;
            }
        }
    }
}
