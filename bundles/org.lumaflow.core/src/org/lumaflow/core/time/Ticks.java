package org.lumaflow.core.time;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Media time as a plain {@code long} count of ticks ("flicks", {@value #PER_SECOND} per second).
 *
 * <p>Every frame rate 24, 25, 30, 48, 50, 60, 120 and their /1.001 NTSC variants, and every audio rate
 * 8 kHz to 192 kHz of the 8000/11025/12000 families, lasts a whole number of ticks per frame or sample,
 * so summing durations never drifts. Finer or coarser bases fail: 1/60000 s (or 1/90000 s) cannot
 * represent a 24000/1001 frame. Any other frame rate (2997/125, 1000000/33333...) works too: {@link FrameRate}
 * rounds each frame boundary to a tick once, from the frame index. The tick arithmetic ({@link #add}, {@link #samples}, {@link #ofSamples},
 * ...) never allocates; overflow throws {@link ArithmeticException}.
 */
public final class Ticks {

    /** Ticks per second (705,600,000; the "flick"). */
    public static final long PER_SECOND = 705_600_000L;

    private static final long PER_MILLI = PER_SECOND / 1000;

    private Ticks() {
    }

    /** Returns {@code seconds} whole seconds in ticks; throws ArithmeticException on overflow. */
    public static long ofSeconds(long seconds) {
        return Math.multiplyExact(seconds, PER_SECOND);
    }

    /** Returns {@code millis} milliseconds in ticks; throws ArithmeticException on overflow. */
    public static long ofMillis(long millis) {
        return Math.multiplyExact(millis, PER_MILLI);
    }

    /** Returns ticks as (approximate) seconds; for display only, never feed it back into arithmetic. */
    public static double toSeconds(long ticks) {
        return ticks / (double) PER_SECOND;
    }

    /**
     * Converts seconds to ticks, rounded as {@code mode} says. The double is taken at its shortest
     * decimal spelling ({@link Double#toString}), so {@code 0.1} is exactly one tenth. Edge use only:
     * allocates.
     *
     * @throws IllegalArgumentException if {@code seconds} is NaN or infinite
     * @throws ArithmeticException if out of range, or {@code mode} is UNNECESSARY and rounding is needed
     */
    public static long fromSeconds(double seconds, RoundingMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (!Double.isFinite(seconds)) {
            throw new IllegalArgumentException("seconds must be finite: " + seconds);
        }
        return BigDecimal.valueOf(seconds).multiply(BigDecimal.valueOf(PER_SECOND))
                .setScale(0, mode).longValueExact();
    }

    /**
     * Converts exact seconds to ticks, rounded as {@code mode} says (exact whenever the denominator
     * divides {@link #PER_SECOND}).
     *
     * @throws ArithmeticException if out of range, or {@code mode} is UNNECESSARY and the value is not a
     *         whole number of ticks (the message names the value)
     */
    public static long fromRational(Rational seconds, RoundingMode mode) {
        Objects.requireNonNull(mode, "mode");
        long n = seconds.num();
        long d = seconds.den();
        if (PER_SECOND % d == 0) {
            return Math.multiplyExact(n, PER_SECOND / d);
        }
        if (mode == RoundingMode.UNNECESSARY) {
            throw new ArithmeticException(seconds + " s is not a whole number of ticks (1/" + PER_SECOND + " s)");
        }
        long g = TickMath.gcd(PER_SECOND, d);
        return TickMath.mulDivRound(n, PER_SECOND / g, d / g, mode);
    }

    /**
     * Converts {@code units} units of {@code num/den} seconds (a stream time base such as 1/90000 or 125/2997) to
     * ticks, rounded as {@code mode} says. Exact and allocation-free for every int time base.
     *
     * @throws IllegalArgumentException if {@code num} or {@code den} is not positive
     * @throws ArithmeticException if out of range, or {@code mode} is UNNECESSARY and rounding is needed
     */
    public static long fromUnits(long units, int num, int den, RoundingMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (num <= 0 || den <= 0) {
            throw new IllegalArgumentException("time base " + num + "/" + den + " must be positive");
        }
        long per = PER_SECOND * num; // ticks in den units, < 2^61
        long q = per / den;
        long r = per - q * den;
        long a = Math.floorDiv(units, den);
        long b = units - a * den; // 0 <= b < den
        long frac = b * r; // < den^2 < 2^62
        long whole = Math.addExact(Math.addExact(Math.multiplyExact(a, per), b * q), frac / den);
        return TickMath.round(whole, frac % den, den, mode);
    }

    /** Returns ticks as exact seconds. */
    public static Rational toRational(long ticks) {
        return Rational.of(ticks, PER_SECOND);
    }

    /** Returns {@code a + b}; throws ArithmeticException on overflow. */
    public static long add(long a, long b) {
        return Math.addExact(a, b);
    }

    /** Returns {@code a - b}; throws ArithmeticException on overflow. */
    public static long sub(long a, long b) {
        return Math.subtractExact(a, b);
    }

    /**
     * Returns the sample count at {@code sampleRate} Hz covering {@code ticks}, rounded as {@code mode} says
     * (FLOOR: index of the sample playing at that time). Allocation-free for every rate dividing
     * {@link #PER_SECOND}.
     *
     * @throws IllegalArgumentException if {@code sampleRate <= 0}
     * @throws ArithmeticException if {@code mode} is UNNECESSARY and rounding is needed
     */
    public static long samples(long ticks, int sampleRate, RoundingMode mode) {
        checkRate(sampleRate);
        if (PER_SECOND % sampleRate == 0) {
            return TickMath.divRound(ticks, PER_SECOND / sampleRate, mode);
        }
        long g = TickMath.gcd(PER_SECOND, sampleRate);
        return TickMath.mulDivRound(ticks, sampleRate / g, PER_SECOND / g, mode);
    }

    /**
     * Returns the exact duration of {@code samples} samples at {@code sampleRate} Hz in ticks.
     *
     * @throws IllegalArgumentException if {@code sampleRate <= 0}
     * @throws ArithmeticException if the duration is not a whole number of ticks, or on overflow
     */
    public static long ofSamples(long samples, int sampleRate) {
        checkRate(sampleRate);
        if (PER_SECOND % sampleRate == 0) {
            return Math.multiplyExact(samples, PER_SECOND / sampleRate);
        }
        long g = TickMath.gcd(PER_SECOND, sampleRate);
        long rate = sampleRate / g;
        if (samples % rate != 0) {
            throw new ArithmeticException(samples + " samples at " + sampleRate + " Hz is not a whole number of ticks");
        }
        return Math.multiplyExact(samples / rate, PER_SECOND / g);
    }

    /** Formats ticks as seconds rounded to the nearest millisecond (half away from zero), e.g. "12.345s". */
    public static String format(long ticks) {
        long millis = TickMath.divRound(ticks, PER_MILLI, RoundingMode.HALF_UP);
        long abs = Math.abs(millis); // |millis| <= 1.4e13: no overflow
        long frac = abs % 1000;
        StringBuilder sb = new StringBuilder(16);
        if (millis < 0) {
            sb.append('-');
        }
        sb.append(abs / 1000).append('.');
        if (frac < 100) {
            sb.append(frac < 10 ? "00" : "0");
        }
        return sb.append(frac).append('s').toString();
    }

    private static void checkRate(int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
    }
}
