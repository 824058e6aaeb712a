package org.lumaflow.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

class TicksTest {

    /** {num, den} of every frame rate the tick base must represent exactly. */
    static final int[][] FRAME_RATES = {
        {24, 1}, {25, 1}, {30, 1}, {48, 1}, {50, 1}, {60, 1}, {120, 1},
        {24000, 1001}, {30000, 1001}, {60000, 1001}, {120000, 1001}};

    static final int[] AUDIO_RATES = {
        8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 64000, 88200, 96000, 176400, 192000};

    @Test
    void everyFrameRateIsAWholeNumberOfTicks() {
        for (int[] r : FRAME_RATES) {
            assertEquals(0, Ticks.PER_SECOND * r[1] % r[0], r[0] + "/" + r[1]);
            FrameRate rate = new FrameRate(r[0], r[1]);
            assertEquals(Ticks.PER_SECOND * r[1], rate.ticksPerFrame() * r[0], rate.toString());
        }
    }

    @Test
    void everyAudioRateIsAWholeNumberOfTicks() {
        for (int rate : AUDIO_RATES) {
            assertEquals(0, Ticks.PER_SECOND % rate, "rate " + rate);
            assertEquals(Ticks.PER_SECOND, Ticks.ofSamples(rate, rate));
            assertEquals(Ticks.PER_SECOND / rate, Ticks.ofSamples(1, rate));
            assertEquals(rate, Ticks.samples(Ticks.PER_SECOND, rate, RoundingMode.UNNECESSARY));
        }
    }

    /**
     * Why flicks: simpler bases cannot represent a 24000/1001 frame (1001/24000 s) or a 44.1 kHz sample
     * as a whole number of ticks, so durations would have to be rounded and would drift.
     */
    @Test
    void simplerTickBasesFailAndFlicksDoNot() {
        long[] bases = {1_000, 1_000_000, 60_000, 90_000, 48_000};
        for (long base : bases) {
            boolean ntscFilmExact = base * 1001 % 24000 == 0;
            boolean cdAudioExact = base % 44100 == 0;
            assertTrue(!ntscFilmExact || !cdAudioExact, "base " + base);
        }
        assertNotEquals(0, 60_000L * 1001 % 24000, "1/60000 s cannot represent a 23.976 frame");
        assertNotEquals(0, 90_000L % 44100, "1/90000 s cannot represent a 44.1 kHz sample");
        assertEquals(0, Ticks.PER_SECOND * 1001 % 24000);
        assertEquals(0, Ticks.PER_SECOND % 44100);
    }

    @Test
    void secondsAndMillis() {
        assertEquals(705_600_000L, Ticks.ofSeconds(1));
        assertEquals(-2 * 705_600_000L, Ticks.ofSeconds(-2));
        assertEquals(705_600L, Ticks.ofMillis(1));
        assertEquals(Ticks.ofSeconds(12) + 345 * 705_600L, Ticks.ofMillis(12_345));
        assertEquals(1.5, Ticks.toSeconds(Ticks.ofMillis(1500)));
        assertThrows(ArithmeticException.class, () -> Ticks.ofSeconds(Long.MAX_VALUE / 1000));
        assertThrows(ArithmeticException.class, () -> Ticks.ofMillis(Long.MIN_VALUE / 1000));
    }

    @Test
    void fromSeconds() {
        assertEquals(Ticks.PER_SECOND / 2, Ticks.fromSeconds(0.5, RoundingMode.UNNECESSARY));
        assertEquals(70_560_000L, Ticks.fromSeconds(0.1, RoundingMode.UNNECESSARY));
        assertEquals(-70_560_000L, Ticks.fromSeconds(-0.1, RoundingMode.UNNECESSARY));
        assertEquals(0, Ticks.fromSeconds(1e-9, RoundingMode.FLOOR));
        assertEquals(1, Ticks.fromSeconds(1e-9, RoundingMode.CEILING));
        assertEquals(-1, Ticks.fromSeconds(-1e-9, RoundingMode.FLOOR));
        assertThrows(ArithmeticException.class, () -> Ticks.fromSeconds(1e-9, RoundingMode.UNNECESSARY));
        assertThrows(IllegalArgumentException.class, () -> Ticks.fromSeconds(Double.NaN, RoundingMode.FLOOR));
        assertThrows(IllegalArgumentException.class,
                () -> Ticks.fromSeconds(Double.POSITIVE_INFINITY, RoundingMode.FLOOR));
        assertThrows(ArithmeticException.class, () -> Ticks.fromSeconds(1e12, RoundingMode.FLOOR));
    }

    @Test
    void fromRationalExactAndRounded() {
        assertEquals(235_200_000L, Ticks.fromRational(Rational.of(1, 3), RoundingMode.UNNECESSARY));
        assertEquals(100_800_000L, Ticks.fromRational(Rational.of(1, 7), RoundingMode.UNNECESSARY));
        assertEquals(29_429_400L, Ticks.fromRational(Rational.of(1001, 24000), RoundingMode.UNNECESSARY));
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> Ticks.fromRational(Rational.of(1, 11), RoundingMode.UNNECESSARY));
        assertTrue(e.getMessage().contains("1/11"), e.getMessage());
        // 705600000 / 11 = 64145454.545...
        assertEquals(64_145_454L, Ticks.fromRational(Rational.of(1, 11), RoundingMode.FLOOR));
        assertEquals(64_145_455L, Ticks.fromRational(Rational.of(1, 11), RoundingMode.CEILING));
        assertEquals(64_145_455L, Ticks.fromRational(Rational.of(1, 11), RoundingMode.HALF_UP));
        assertEquals(-64_145_455L, Ticks.fromRational(Rational.of(-1, 11), RoundingMode.FLOOR));
        assertEquals(-64_145_454L, Ticks.fromRational(Rational.of(-1, 11), RoundingMode.DOWN));
    }

    @Test
    void fromRationalWithOverflowingIntermediate() {
        long den = 1_000_000_007L; // prime, so num * PER_SECOND must be formed before dividing
        Rational seconds = Rational.of(Long.MAX_VALUE, den);
        BigInteger[] qr = BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(Ticks.PER_SECOND))
                .divideAndRemainder(BigInteger.valueOf(den));
        long floor = qr[0].longValueExact();
        assertEquals(floor, Ticks.fromRational(seconds, RoundingMode.FLOOR));
        assertEquals(floor + 1, Ticks.fromRational(seconds, RoundingMode.CEILING));
        assertThrows(ArithmeticException.class,
                () -> Ticks.fromRational(Rational.of(Long.MAX_VALUE, 3), RoundingMode.FLOOR));
    }

    @Test
    void toRationalIsExact() {
        assertEquals(Rational.of(1, 3), Ticks.toRational(Ticks.PER_SECOND / 3));
        assertEquals(Rational.of(1001, 30000), Ticks.toRational(FrameRate.FPS_29_97.ticksPerFrame()));
        for (long t : new long[] {0, 1, -1, 29_429_400L, Long.MAX_VALUE, Long.MIN_VALUE + 1}) {
            assertEquals(t, Ticks.fromRational(Ticks.toRational(t), RoundingMode.UNNECESSARY));
        }
    }

    @Test
    void addAndSubAreExact() {
        assertEquals(7, Ticks.add(3, 4));
        assertEquals(-1, Ticks.sub(3, 4));
        assertThrows(ArithmeticException.class, () -> Ticks.add(Long.MAX_VALUE, 1));
        assertThrows(ArithmeticException.class, () -> Ticks.sub(Long.MIN_VALUE, 1));
    }

    @Test
    void samplesRounding() {
        assertEquals(0, Ticks.samples(1, 48000, RoundingMode.FLOOR));
        assertEquals(1, Ticks.samples(1, 48000, RoundingMode.CEILING));
        assertEquals(-1, Ticks.samples(-1, 48000, RoundingMode.FLOOR));
        assertEquals(1, Ticks.samples(14_700 / 2, 48000, RoundingMode.HALF_UP)); // 14700 ticks per sample
        assertEquals(0, Ticks.samples(14_700 / 2, 48000, RoundingMode.HALF_DOWN));
        assertThrows(ArithmeticException.class, () -> Ticks.samples(1, 48000, RoundingMode.UNNECESSARY));
        // 24 h at 192 kHz: ticks * rate would overflow a long, the result must not
        long day = Ticks.ofSeconds(86_400);
        assertEquals(86_400L * 192_000, Ticks.samples(day, 192_000, RoundingMode.UNNECESSARY));
        assertEquals(day, Ticks.ofSamples(86_400L * 192_000, 192_000));
        assertThrows(IllegalArgumentException.class, () -> Ticks.samples(0, 0, RoundingMode.FLOOR));
        assertThrows(IllegalArgumentException.class, () -> Ticks.ofSamples(0, -1));
    }

    @Test
    void samplesAtRateNotDividingTicks() {
        int rate = 37_800; // 705600000 / 37800 = 18666.67 ticks per sample
        assertEquals(rate, Ticks.samples(Ticks.PER_SECOND, rate, RoundingMode.UNNECESSARY));
        assertEquals(Ticks.PER_SECOND, Ticks.ofSamples(rate, rate));
        assertEquals(56_000, Ticks.ofSamples(3, rate));
        assertEquals(1, Ticks.samples(18_667, rate, RoundingMode.FLOOR));
        assertEquals(0, Ticks.samples(18_666, rate, RoundingMode.FLOOR));
        assertThrows(ArithmeticException.class, () -> Ticks.ofSamples(1, rate));
    }

    @Test
    void format() {
        assertEquals("12.345s", Ticks.format(Ticks.ofMillis(12_345)));
        assertEquals("0.000s", Ticks.format(0));
        assertEquals("-0.500s", Ticks.format(-Ticks.ofMillis(500)));
        assertEquals("0.050s", Ticks.format(Ticks.ofMillis(50)));
        assertEquals("3661.007s", Ticks.format(Ticks.ofSeconds(3661) + Ticks.ofMillis(7)));
        assertEquals("0.001s", Ticks.format(705_600 / 2)); // half a millisecond rounds away from zero
        assertEquals("0.000s", Ticks.format(705_600 / 2 - 1));
        assertEquals("0.042s", Ticks.format(FrameRate.FPS_24.ticksPerFrame()));
    }
}
