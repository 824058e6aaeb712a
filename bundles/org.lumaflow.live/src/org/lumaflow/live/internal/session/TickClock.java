package org.lumaflow.live.internal.session;

import java.math.RoundingMode;
import java.util.concurrent.locks.LockSupport;

import org.lumaflow.core.time.FrameRate;

/**
 * A clock of fixed ticks: tick {@code n} is due at the start time plus {@code rate.frameToTicks(n)} (exact, in
 * engine ticks), so waiting never accumulates drift however late single ticks are.
 */
final class TickClock {

    private final long startNanos;
    private final FrameRate rate;

    TickClock(long startNanos, FrameRate rate) {
        this.startNanos = startNanos;
        this.rate = rate;
    }

    /** Engine ticks to nanoseconds (705,600,000 ticks a second: 625/441 ns a tick). */
    static long nanos(long ticks) {
        return Math.multiplyExact(ticks, 625L) / 441L;
    }

    /** Engine ticks of tick {@code n} (its presentation time). */
    long time(long n) {
        return rate.frameToTicks(n);
    }

    /** {@link System#nanoTime()} when tick {@code n} is due. */
    long deadline(long n) {
        return startNanos + nanos(rate.frameToTicks(n));
    }

    /** The newest tick due at {@code nanoTime} (-1 before the start). */
    long tickAt(long nanoTime) {
        long elapsed = nanoTime - startNanos;
        if (elapsed < 0) {
            return -1;
        }
        return rate.ticksToFrame(Math.multiplyExact(elapsed, 441L) / 625L, RoundingMode.FLOOR);
    }

    /** Presentation time of tick {@code n} in microseconds. */
    long micros(long n) {
        return nanos(rate.frameToTicks(n)) / 1000;
    }

    /** The tick period in nanoseconds (average). */
    long periodNanos() {
        return 1_000_000_000L * rate.den() / rate.num();
    }

    long startNanos() {
        return startNanos;
    }

    /**
     * Waits until {@code deadline}; returns early (false) when {@code stop} becomes true. Parks in short slices so a
     * stop is seen within a millisecond or two.
     */
    static boolean waitUntil(long deadline, java.util.function.BooleanSupplier stop) {
        while (true) {
            if (stop.getAsBoolean()) {
                return false;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            LockSupport.parkNanos(Math.min(left, 2_000_000L));
        }
    }
}
