package org.lumaflow.decoder.internal;

import java.math.RoundingMode;

import org.bytedeco.ffmpeg.avutil.AVRational;
import org.lumaflow.core.time.Rational;
import org.lumaflow.core.time.Ticks;

/** Exact conversion between a stream's timestamps (units of {@code num/den} seconds) and ticks. */
final class TimeBase {

    private final int num;
    private final int den;
    /** Ticks per timestamp unit when that is a whole number (the common case: 1/90000, 1/1000, 1/30000...), else 0. */
    private final long ticksPerUnit;

    TimeBase(AVRational tb) {
        this(tb.num(), tb.den());
    }

    TimeBase(int num, int den) {
        this.num = num;
        this.den = den;
        long t = Ticks.PER_SECOND * num;
        this.ticksPerUnit = t % den == 0 ? t / den : 0;
    }

    int num() {
        return num;
    }

    int den() {
        return den;
    }

    /** One timestamp unit in ticks (rounded up): the resolution stored timestamps were rounded to. */
    long unitTicks() {
        return ticksPerUnit != 0 ? ticksPerUnit : Ticks.fromRational(Rational.of(num, den), RoundingMode.CEILING);
    }

    /**
     * Timestamp -> ticks, rounded to the nearest tick (ties later) as
     * {@link org.lumaflow.core.time.FrameRate#frameToTicks} rounds: in a frame-rate time base (125/2997 for a 2997/125
     * fps AVI) picture N lands on frame boundary N. Allocation-free for any time base.
     */
    long toTicks(long ts) {
        if (ticksPerUnit != 0) {
            return Math.multiplyExact(ts, ticksPerUnit);
        }
        return Ticks.fromUnits(ts, num, den, RoundingMode.HALF_UP);
    }

    /** True if a frame at {@code rate} fps lasts a whole number of timestamp units (frames are stamped exactly). */
    boolean divides(Rational rate) {
        if (rate.num() <= 0) {
            return false;
        }
        // frame / unit = (rate.den / rate.num) / (num / den) = rate.den * den / (rate.num * num)
        java.math.BigInteger f = java.math.BigInteger.valueOf(rate.den()).multiply(java.math.BigInteger.valueOf(den));
        return f.mod(java.math.BigInteger.valueOf(rate.num()).multiply(java.math.BigInteger.valueOf(num))).signum() == 0;
    }

    /** Ticks -> timestamp, rounded down (the timestamp at or before the time: {@code toTicks} of it is not later). */
    long fromTicks(long ticks) {
        if (ticksPerUnit != 0) {
            return Math.floorDiv(ticks, ticksPerUnit);
        }
        return Rational.of(Math.multiplyExact(ticks, (long) den), Math.multiplyExact(Ticks.PER_SECOND, num)).floor();
    }
}
