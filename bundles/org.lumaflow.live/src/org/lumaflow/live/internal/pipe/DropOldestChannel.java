package org.lumaflow.live.internal.pipe;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A small bounded channel between two stages that never blocks the producer: when it is full, {@link #offer} evicts
 * the oldest item (handed to the evictor, e.g. to release a pooled frame) and counts a drop. The consumer blocks in
 * {@link #poll} with a timeout. A fixed ring: nothing is allocated per item.
 *
 * @param <T> item type
 */
public final class DropOldestChannel<T> {

    private final Object[] ring;
    private final Consumer<? super T> evictor;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    private int head;
    private int size;
    private boolean closed;

    /** A channel of {@code capacity} items (2 between live stages); {@code evictor} gets every dropped item. */
    public DropOldestChannel(int capacity, Consumer<? super T> evictor) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        this.ring = new Object[capacity];
        this.evictor = evictor;
    }

    /**
     * Adds {@code item}, evicting the oldest when full. Returns false (and evicts {@code item} itself) after
     * {@link #close()}.
     */
    public boolean offer(T item) {
        T evicted = null;
        boolean accepted;
        lock.lock();
        try {
            if (closed) {
                evicted = item;
                accepted = false;
            } else {
                if (size == ring.length) {
                    evicted = removeFirst();
                    dropped.incrementAndGet();
                }
                ring[(head + size) % ring.length] = item;
                size++;
                offered.incrementAndGet();
                notEmpty.signal();
                accepted = true;
            }
        } finally {
            lock.unlock();
        }
        if (evicted != null) {
            evictor.accept(evicted);
        }
        return accepted;
    }

    /** The oldest item, waiting up to {@code timeout}; null on timeout or when closed and empty. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (size == 0) {
                if (closed || nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return removeFirst();
        } finally {
            lock.unlock();
        }
    }

    @SuppressWarnings("unchecked")
    private T removeFirst() {
        T item = (T) ring[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        size--;
        return item;
    }

    /** Items queued now. */
    public int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /** Items dropped because the channel was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Items accepted so far. */
    public long offered() {
        return offered.get();
    }

    /** No more offers; the consumer drains what is queued, then polls return null. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Hands every queued item to the evictor (without counting drops); for shutdown after the consumer stopped. */
    public void drain() {
        while (true) {
            T item;
            lock.lock();
            try {
                if (size == 0) {
                    return;
                }
                item = removeFirst();
            } finally {
                lock.unlock();
            }
            evictor.accept(item);
        }
    }
}
