package org.lumaflow.decoder.internal;

import java.math.RoundingMode;

import org.bytedeco.ffmpeg.avutil.AVRational;
import org.lumaflow.core.time.Rational;
import org.lumaflow.core.time.Ticks;

/** Exact conversion between a stream's timestamps (units of {@code num/den} seconds) and ticks. */
final class TimeBase {

    private final long num;
    private final long den;
    /** Ticks per timestamp unit when that is a whole number (the common case: 1/90000, 1/1000, 1/30000...), else 0. */
    private final long ticksPerUnit;

    TimeBase(AVRational tb) {
        this(tb.num(), tb.den());
    }

    TimeBase(long num, long den) {
        this.num = num;
        this.den = den;
        long t = Ticks.PER_SECOND * num;
        this.ticksPerUnit = t % den == 0 ? t / den : 0;
    }

    /** One timestamp unit in ticks (rounded up): the resolution stored timestamps were rounded to. */
    long unitTicks() {
        return ticksPerUnit != 0 ? ticksPerUnit : Ticks.fromRational(Rational.of(num, den), RoundingMode.CEILING);
    }

    /** Timestamp -> ticks, rounded down. */
    long toTicks(long ts) {
        if (ticksPerUnit != 0) {
            return Math.multiplyExact(ts, ticksPerUnit);
        }
        return Ticks.fromRational(Rational.of(Math.multiplyExact(ts, num), den), RoundingMode.FLOOR);
    }

    /** Ticks -> timestamp, rounded down (the timestamp at or before the time). */
    long fromTicks(long ticks) {
        if (ticksPerUnit != 0) {
            return Math.floorDiv(ticks, ticksPerUnit);
        }
        return Rational.of(Math.multiplyExact(ticks, den), Math.multiplyExact(Ticks.PER_SECOND, num)).floor();
    }
}
