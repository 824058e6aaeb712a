package org.lumaflow.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

class FrameRateTest {

    private static final long DAY_SECONDS = 86_400;

    @Test
    void constants() {
        assertEquals(new FrameRate(24000, 1001), FrameRate.FPS_23_976);
        assertEquals(new FrameRate(30000, 1001), FrameRate.FPS_29_97);
        assertEquals(new FrameRate(60000, 1001), FrameRate.FPS_59_94);
        assertEquals(new FrameRate(120000, 1001), FrameRate.FPS_119_88);
        assertEquals(29_400_000L, FrameRate.FPS_24.ticksPerFrame());
        assertEquals(28_224_000L, FrameRate.FPS_25.ticksPerFrame());
        assertEquals(29_429_400L, FrameRate.FPS_23_976.ticksPerFrame());
        assertEquals(23_543_520L, FrameRate.FPS_29_97.ticksPerFrame());
        assertEquals(5_880_000L, FrameRate.FPS_120.ticksPerFrame());
    }

    @Test
    void normalizationAndValidation() {
        FrameRate r = new FrameRate(50, 2);
        assertEquals(FrameRate.FPS_25, r);
        assertEquals(1, r.den());
        assertThrows(IllegalArgumentException.class, () -> new FrameRate(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new FrameRate(-25, 1));
        assertThrows(IllegalArgumentException.class, () -> new FrameRate(25, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FrameRate(Integer.MAX_VALUE, 1));
        assertEquals("frame rate 2147483647 is faster than one frame per tick (705600000 per second)", e.getMessage());
        assertEquals(1, new FrameRate(705_600_000, 1).ticksPerFrame());
    }

    /** Rates whose frame is not a whole number of ticks are accepted (they were refused before). */
    @Test
    void anyRationalRate() {
        FrameRate avi = new FrameRate(2997, 125);
        assertEquals(2997, avi.num());
        assertEquals(125, avi.den());
        assertFalse(avi.isTickExact());
        assertEquals(29_429_429L, avi.ticksPerFrame()); // 29,429,429.43 exactly
        assertEquals(new FrameRate(1_000_000, 33_333), FrameRate.parse("1000000/33333"));
        assertEquals(FrameRate.FPS_60, new FrameRate(15360, 256));
        assertEquals(FrameRate.FPS_60, FrameRate.parse("15360/256"));
        assertEquals(new FrameRate(2997, 100), new FrameRate(2997, 100));
        assertEquals(new FrameRate(11, 1), FrameRate.parse("11"));
        assertEquals(new FrameRate(29_971, 1000), FrameRate.parse("29.971")); // exact: only 29.97 means NTSC
        assertTrue(FrameRate.FPS_29_97.isTickExact());
        assertEquals("2997/125", avi.toString());
        assertEquals(avi, FrameRate.parse(avi.toString()));
        // boundaries rounded once from the index: 29,429,429 or 29,429,430 ticks per frame, 333 frames of a cycle
        assertEquals(0, avi.frameToTicks(0));
        assertEquals(29_429_429L, avi.frameToTicks(1)); // .43 rounds down
        assertEquals(58_858_859L, avi.frameToTicks(2)); // .86 rounds up
        assertEquals(29_429_430L, avi.frameDuration(1));
        assertEquals(Ticks.PER_SECOND * 125, avi.frameToTicks(2997));
        assertEquals(-29_429_429L, avi.frameToTicks(-1));
        assertEquals(24, avi.nominalFps());
        assertEquals(30, new FrameRate(1_000_000, 33_333).nominalFps());
    }

    @Test
    void parse() {
        assertEquals(FrameRate.FPS_29_97, FrameRate.parse("30000/1001"));
        assertEquals(FrameRate.FPS_25, FrameRate.parse("25"));
        assertEquals(FrameRate.FPS_24, FrameRate.parse("24.000"));
        assertSame(FrameRate.FPS_23_976, FrameRate.parse("23.976"));
        assertSame(FrameRate.FPS_23_976, FrameRate.parse("23.98"));
        assertSame(FrameRate.FPS_29_97, FrameRate.parse("29.97"));
        assertSame(FrameRate.FPS_59_94, FrameRate.parse("59.94"));
        assertSame(FrameRate.FPS_119_88, FrameRate.parse("119.88"));
        assertEquals(new FrameRate(25, 2), FrameRate.parse("12.5"));
        assertEquals(FrameRate.FPS_120, FrameRate.parse(" 120 "));
        for (String s : new String[] {"abc", "0", "-25", "1/0", "3000000000", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameRate.parse(s), s);
            assertTrue(e.getMessage().contains("\"" + s + "\""), e.getMessage());
        }
    }

    /** Summing frame durations over 24 h equals the exact value at every rate: no drift. */
    @Test
    void noDriftOver24Hours() {
        for (int[] nd : TicksTest.FRAME_RATES) {
            FrameRate rate = new FrameRate(nd[0], nd[1]);
            long frames = DAY_SECONDS * rate.num() / rate.den(); // whole frames in 24 h
            long tpf = rate.ticksPerFrame();
            long sum = 0;
            for (long f = 0; f < frames; f++) {
                sum += tpf;
            }
            long end = rate.frameToTicks(frames);
            assertEquals(sum, end, rate.toString());
            Rational exactSeconds = Rational.of(frames).mul(Rational.of(rate.den(), rate.num()));
            assertEquals(Ticks.fromRational(exactSeconds, RoundingMode.UNNECESSARY), end, rate.toString());
            assertEquals(exactSeconds, Ticks.toRational(end), rate.toString());
            assertTrue(end <= Ticks.ofSeconds(DAY_SECONDS) && end + tpf > Ticks.ofSeconds(DAY_SECONDS), rate.toString());
            assertEquals(frames, rate.ticksToFrame(end, RoundingMode.UNNECESSARY), rate.toString());
            assertEquals(frames, rate.ticksToFrame(Ticks.ofSeconds(DAY_SECONDS), RoundingMode.FLOOR), rate.toString());
        }
    }

    @Test
    void ticksToFrameRoundTripsSampledFrames() {
        for (int[] nd : TicksTest.FRAME_RATES) {
            FrameRate rate = new FrameRate(nd[0], nd[1]);
            long tpf = rate.ticksPerFrame();
            long frames = DAY_SECONDS * rate.num() / rate.den();
            for (long f = -3; f <= frames + 3; f += f < 3 || f > frames - 3 ? 1 : 997) {
                long t = rate.frameToTicks(f);
                String at = rate + " frame " + f;
                assertEquals(f, rate.ticksToFrame(t, RoundingMode.UNNECESSARY), at);
                assertEquals(f, rate.ticksToFrame(t, RoundingMode.FLOOR), at);
                assertEquals(f, rate.ticksToFrame(t, RoundingMode.CEILING), at);
                assertEquals(f, rate.ticksToFrame(t, RoundingMode.HALF_UP), at);
                assertEquals(f, rate.ticksToFrame(t + tpf - 1, RoundingMode.FLOOR), at);
                assertEquals(f - 1, rate.ticksToFrame(t - 1, RoundingMode.FLOOR), at);
                assertEquals(f + 1, rate.ticksToFrame(t + 1, RoundingMode.CEILING), at);
                assertEquals(f, rate.ticksToFrame(t + (tpf - 1) / 2, RoundingMode.HALF_UP), at);
                assertEquals(f + 1, rate.ticksToFrame(t + (tpf + 1) / 2 + 1, RoundingMode.HALF_UP), at);
                assertThrows(ArithmeticException.class, () -> rate.ticksToFrame(t + 1, RoundingMode.UNNECESSARY), at);
            }
        }
    }

    @Test
    void frameToTicksOverflowThrows() {
        assertThrows(ArithmeticException.class, () -> FrameRate.FPS_24.frameToTicks(Long.MAX_VALUE / 1000));
        assertEquals(-FrameRate.FPS_24.ticksPerFrame(), FrameRate.FPS_24.frameToTicks(-1));
    }

    @Test
    void properties() {
        assertTrue(FrameRate.FPS_29_97.isNtsc());
        assertTrue(FrameRate.FPS_23_976.isNtsc());
        assertFalse(FrameRate.FPS_30.isNtsc());
        assertEquals(30, FrameRate.FPS_29_97.nominalFps());
        assertEquals(24, FrameRate.FPS_23_976.nominalFps());
        assertEquals(60, FrameRate.FPS_59_94.nominalFps());
        assertEquals(120, FrameRate.FPS_119_88.nominalFps());
        assertEquals(25, FrameRate.FPS_25.nominalFps());
        assertEquals(13, new FrameRate(25, 2).nominalFps());
        assertEquals(1, new FrameRate(1, 3).nominalFps());
        assertEquals(29.97002997002997, FrameRate.FPS_29_97.toDouble(), 1e-12);
        assertEquals("30000/1001", FrameRate.FPS_29_97.toString());
        assertEquals("25", FrameRate.FPS_25.toString());
        assertEquals("25/2", new FrameRate(25, 2).toString());
    }
}
