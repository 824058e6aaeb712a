package org.lumaflow.engine.graph;

/**
 * How a node's local time follows graph time, in exact integer arithmetic on ticks:
 * {@code local = clamp(base + floor((t - origin) * num / den), min, max)}, then, when {@code period > 0},
 * {@code floorMod(local, period)}. The plain clip offset is {@code num = den = 1}; a speed change of rate
 * {@code num/den} scales; a negative {@code num} runs backwards from {@code origin}; {@code num = 0} holds
 * {@code base} (a freeze frame). The floor makes a mapped time fall at or before the exact one, so a source shows
 * the frame at or before it, and no error builds up over long clips. Allocation-free.
 *
 * @param origin graph time mapped to {@code base}
 * @param base   local time at {@code origin}
 * @param num    rate numerator (any sign; |num| <= 2^31 keeps every product of clip-length times exact)
 * @param den    rate denominator, positive
 * @param min    lowest local time (before the wrap)
 * @param max    highest local time (before the wrap)
 * @param period when positive, the local time wraps into {@code [0, period)} (a phase within a source frame)
 * @since 1.3
 */
public record TimeMap(long origin, long base, long num, long den, long min, long max, long period) {

    /** Validates. */
    public TimeMap {
        if (den <= 0) {
            throw new IllegalArgumentException("time map denominator must be positive");
        }
        if (min > max) {
            throw new IllegalArgumentException("time map range is empty");
        }
    }

    /** {@code local = t - offset}: a clip's plain offset. */
    public static TimeMap offset(long offset) {
        return new TimeMap(offset, 0, 1, 1, Long.MIN_VALUE, Long.MAX_VALUE, 0);
    }

    /** {@code local = base + floor((t - origin) * num / den)}, unclamped. */
    public static TimeMap linear(long origin, long base, long num, long den) {
        return new TimeMap(origin, base, num, den, Long.MIN_VALUE, Long.MAX_VALUE, 0);
    }

    /** This map with local times clamped to {@code [min, max]}. */
    public TimeMap clamp(long lo, long hi) {
        return new TimeMap(origin, base, num, den, lo, hi, period);
    }

    /** This map shifted by {@code ticks} of local time (the clamp range unchanged). */
    public TimeMap shift(long ticks) {
        return new TimeMap(origin, base + ticks, num, den, min, max, period);
    }

    /** This map wrapped into {@code [0, period)}. */
    public TimeMap wrap(long p) {
        return new TimeMap(origin, base, num, den, min, max, p);
    }

    /** Local time at graph time {@code t}. */
    public long apply(long t) {
        long d = t - origin;
        long v;
        if (num == den) {
            v = base + d;
        } else if (num == 0) {
            v = base;
        } else {
            // floor(d * num / den) without overflow: d = q * den + r, 0 <= r < den
            long q = Math.floorDiv(d, den);
            long r = Math.floorMod(d, den);
            v = base + q * num + Math.floorDiv(r * num, den);
        }
        v = v < min ? min : v > max ? max : v;
        return period > 0 ? Math.floorMod(v, period) : v;
    }

    /**
     * {@code rate} as a fraction {@code {num, den}} with {@code den <= 1_000_000}: exact for rates written with up to
     * six decimals and for the ratios of common frame rates (continued fractions, relative error below 1e-12 or the
     * best approximation within the bound).
     */
    public static long[] fraction(double rate) {
        if (!Double.isFinite(rate)) {
            throw new IllegalArgumentException("rate " + rate + " is not finite");
        }
        double x = Math.abs(rate);
        long sign = rate < 0 ? -1 : 1;
        long h0 = 0, h1 = 1, k0 = 1, k1 = 0;
        double f = x;
        for (int i = 0; i < 40; i++) {
            long a = (long) Math.floor(f);
            long h2 = a * h1 + h0;
            long k2 = a * k1 + k0;
            if (k2 > 1_000_000) {
                break;
            }
            h0 = h1;
            h1 = h2;
            k0 = k1;
            k1 = k2;
            double err = Math.abs((double) h1 / k1 - x);
            if (err <= 1e-12 * Math.max(1, x) || f - a < 1e-15) {
                break;
            }
            f = 1 / (f - a);
        }
        if (k1 == 0) {
            return new long[] {sign * Math.round(x), 1};
        }
        return new long[] {sign * h1, k1};
    }
}
