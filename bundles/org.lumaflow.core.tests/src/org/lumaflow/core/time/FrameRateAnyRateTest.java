package org.lumaflow.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.math.BigInteger;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

/** Frame rates whose frame is not a whole number of ticks: exact, drift-free, invertible, allocation-free. */
class FrameRateAnyRateTest {

    private static final long DAY_SECONDS = 86_400;
    private static final BigInteger PER_SECOND = BigInteger.valueOf(Ticks.PER_SECOND);

    /** Odd rates (none a whole number of ticks per frame) walked frame by frame over 24 hours. */
    private static final FrameRate[] ODD = {new FrameRate(2997, 125), new FrameRate(1_000_000, 33_333),
        new FrameRate(2997, 100), new FrameRate(11, 1), new FrameRate(90_001, 3000), new FrameRate(13, 7)};

    /** {@code round(frame * PER_SECOND * den / num)}, ties toward +infinity, in BigInteger. */
    private static long exact(FrameRate rate, long frame) {
        BigInteger n = BigInteger.valueOf(frame).multiply(PER_SECOND).multiply(BigInteger.valueOf(rate.den()))
                .shiftLeft(1).add(BigInteger.valueOf(rate.num()));
        BigInteger d = BigInteger.valueOf(rate.num()).shiftLeft(1);
        BigInteger[] qr = n.divideAndRemainder(d);
        return (qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0]).longValueExact();
    }

    /** Every frame of 24 h (and the hour before 0) round-trips exactly, in every rounding mode. */
    @Test
    void everyFrameOf24HoursRoundTrips() {
        for (FrameRate rate : ODD) {
            long frames = DAY_SECONDS * rate.num() / rate.den();
            long min = rate.ticksPerFrame();
            long first = -3600L * rate.num() / rate.den();
            long t = rate.frameToTicks(first);
            for (long f = first; f <= frames; f++) {
                long next = rate.frameToTicks(f + 1);
                long d = next - t;
                if (d != min && d != min + 1) {
                    fail(rate + " frame " + f + " lasts " + d + " ticks, not " + min + " or " + (min + 1));
                }
                if (f % 101 == 0 || f < 3) {
                    assertEquals(exact(rate, f), t, rate + " frame " + f);
                }
                check(rate, f, t, next);
                t = next;
            }
            long end = rate.frameToTicks(frames); // no drift: the 24-hour frame is within half a tick of exact
            BigInteger twice = BigInteger.valueOf(frames).multiply(PER_SECOND).multiply(BigInteger.valueOf(rate.den()))
                    .shiftLeft(1).subtract(BigInteger.valueOf(end).multiply(BigInteger.valueOf(rate.num())).shiftLeft(1));
            assertTrue(twice.abs().compareTo(BigInteger.valueOf(rate.num())) <= 0, rate + " drifted at 24 h");
            assertEquals(frames, rate.ticksToFrame(Ticks.ofSeconds(DAY_SECONDS), RoundingMode.FLOOR), rate.toString());
        }
    }

    private static void check(FrameRate rate, long f, long t, long next) {
        if (rate.ticksToFrame(t, RoundingMode.UNNECESSARY) != f || rate.ticksToFrame(t, RoundingMode.FLOOR) != f
                || rate.ticksToFrame(t, RoundingMode.CEILING) != f || rate.ticksToFrame(t, RoundingMode.HALF_UP) != f
                || rate.ticksToFrame(next - 1, RoundingMode.FLOOR) != f
                || rate.ticksToFrame(t - 1, RoundingMode.FLOOR) != f - 1
                || rate.ticksToFrame(t + 1, RoundingMode.CEILING) != f + 1
                || rate.ticksToFrame(t + (next - t - 1) / 2, RoundingMode.HALF_UP) != f
                || rate.ticksToFrame(t + (next - t) / 2 + 1, RoundingMode.HALF_UP) != f + 1) {
            fail(rate + " frame " + f + " at " + t + " ticks does not round-trip");
        }
    }

    /** Rates with huge numerators, and frames near the long range, sampled. */
    @Test
    void extremeRatesAndIndicesSampled() {
        FrameRate[] rates = {new FrameRate(Integer.MAX_VALUE, 1000), new FrameRate(705_599_999, 1),
            new FrameRate(999_983, 1), new FrameRate(1, Integer.MAX_VALUE), new FrameRate(2997, 125)};
        for (FrameRate rate : rates) {
            long limit = rate.ticksToFrame(Long.MAX_VALUE / 2, RoundingMode.FLOOR);
            for (long f = -limit; f <= limit; f += limit / 5000 + 1) {
                for (long g = f; g < f + 3; g++) {
                    long t = rate.frameToTicks(g);
                    assertEquals(exact(rate, g), t, rate + " frame " + g);
                    long next = rate.frameToTicks(g + 1);
                    assertTrue(next > t, rate + " frame " + g);
                    check(rate, g, t, next);
                }
            }
        }
        assertThrows(ArithmeticException.class, () -> new FrameRate(2997, 125).frameToTicks(Long.MAX_VALUE / 1000));
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> new FrameRate(2997, 125).ticksToFrame(1, RoundingMode.UNNECESSARY));
        assertEquals("1 ticks is not a frame boundary at 2997/125 fps", e.getMessage());
    }

    /** Ties between two boundaries follow the rounding mode, as for whole-tick rates. */
    @Test
    void tiesAndDirectedModes() {
        FrameRate avi = new FrameRate(2997, 125); // frame 1 spans [29,429,429, 58,858,859): 29,429,430 ticks
        long mid = 29_429_429L + 29_429_430L / 2;
        assertEquals(2, avi.ticksToFrame(mid, RoundingMode.HALF_UP));
        assertEquals(1, avi.ticksToFrame(mid, RoundingMode.HALF_DOWN));
        assertEquals(2, avi.ticksToFrame(mid, RoundingMode.HALF_EVEN));
        assertEquals(1, avi.ticksToFrame(mid, RoundingMode.DOWN));
        assertEquals(2, avi.ticksToFrame(mid, RoundingMode.UP));
        assertEquals(-1, avi.ticksToFrame(-1, RoundingMode.FLOOR));
        assertEquals(0, avi.ticksToFrame(-1, RoundingMode.DOWN));
        assertEquals(-1, avi.ticksToFrame(-1, RoundingMode.UP));
    }

    @Test
    void fromUnitsIsExactForAnyTimeBase() {
        assertEquals(avi(7), Ticks.fromUnits(7, 125, 2997, RoundingMode.FLOOR));
        assertEquals(Ticks.PER_SECOND / 90_000 * 12_345, Ticks.fromUnits(12_345, 1, 90_000, RoundingMode.UNNECESSARY));
        for (long u = -5000; u < 5000; u += 7) {
            for (RoundingMode m : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING, RoundingMode.HALF_UP,
                RoundingMode.HALF_DOWN, RoundingMode.DOWN, RoundingMode.UP}) {
                long want = Ticks.fromRational(Rational.of(u * 125, 2997), m);
                assertEquals(want, Ticks.fromUnits(u, 125, 2997, m), u + " " + m);
                assertEquals(Ticks.fromRational(Rational.of(u, 1001), m), Ticks.fromUnits(u, 1, 1001, m), u + " " + m);
            }
        }
        assertThrows(ArithmeticException.class, () -> Ticks.fromUnits(1, 125, 2997, RoundingMode.UNNECESSARY));
    }

    private static long avi(long frame) {
        return Ticks.fromRational(Rational.of(frame * 125, 2997), RoundingMode.FLOOR);
    }

    /** frameToTicks/ticksToFrame/fromUnits at odd rates allocate nothing (measured on this thread). */
    @Test
    void conversionsAllocateNothing() throws Exception {
        Object bean = java.lang.management.ManagementFactory.getThreadMXBean();
        Method allocated = ClassLoader.getPlatformClassLoader().loadClass("com.sun.management.ThreadMXBean")
                .getMethod("getCurrentThreadAllocatedBytes");
        FrameRate avi = new FrameRate(2997, 125);
        FrameRate odd = new FrameRate(1_000_000, 33_333);
        long sum = 0;
        for (int round = 0; round < 3; round++) { // the first rounds warm up (and JIT-compile) the code
            long before = (Long) allocated.invoke(bean);
            long empty = (Long) allocated.invoke(bean) - before; // the probe's own cost
            before = (Long) allocated.invoke(bean);
            for (long f = 0; f < 200_000; f++) {
                long t = avi.frameToTicks(f) + odd.frameToTicks(-f);
                sum += avi.ticksToFrame(t + 17, RoundingMode.FLOOR) + odd.ticksToFrame(t, RoundingMode.HALF_UP)
                        + Ticks.fromUnits(f, 125, 2997, RoundingMode.FLOOR);
            }
            long used = (Long) allocated.invoke(bean) - before - empty;
            if (round == 2) {
                assertTrue(used < 1024, used + " bytes allocated for 200,000 conversions (" + sum + ")");
            }
        }
    }
}
