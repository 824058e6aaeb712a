package org.lumaflow.core.time;

import java.math.RoundingMode;
import java.util.Map;

/**
 * Video frame rate {@code num/den} frames per second, normalized to lowest terms. Every instance lasts a
 * whole number of {@link Ticks} per frame, so frame/tick conversion is exact and allocation-free.
 *
 * @param num frames, positive
 * @param den per this many seconds, positive (1001 for NTSC rates)
 */
public record FrameRate(int num, int den) {

    /** 24000/1001 (23.976) fps. */
    public static final FrameRate FPS_23_976 = new FrameRate(24000, 1001);
    /** 24 fps. */
    public static final FrameRate FPS_24 = new FrameRate(24, 1);
    /** 25 fps. */
    public static final FrameRate FPS_25 = new FrameRate(25, 1);
    /** 30000/1001 (29.97) fps. */
    public static final FrameRate FPS_29_97 = new FrameRate(30000, 1001);
    /** 30 fps. */
    public static final FrameRate FPS_30 = new FrameRate(30, 1);
    /** 48 fps. */
    public static final FrameRate FPS_48 = new FrameRate(48, 1);
    /** 50 fps. */
    public static final FrameRate FPS_50 = new FrameRate(50, 1);
    /** 60000/1001 (59.94) fps. */
    public static final FrameRate FPS_59_94 = new FrameRate(60000, 1001);
    /** 60 fps. */
    public static final FrameRate FPS_60 = new FrameRate(60, 1);
    /** 120000/1001 (119.88) fps. */
    public static final FrameRate FPS_119_88 = new FrameRate(120000, 1001);
    /** 120 fps. */
    public static final FrameRate FPS_120 = new FrameRate(120, 1);

    /** Decimal spellings that conventionally mean an NTSC (x/1001) rate. */
    private static final Map<Rational, FrameRate> NTSC_SPELLINGS = Map.of(
            Rational.of(23976, 1000), FPS_23_976,
            Rational.of(2398, 100), FPS_23_976,
            Rational.of(2997, 100), FPS_29_97,
            Rational.of(5994, 100), FPS_59_94,
            Rational.of(11988, 100), FPS_119_88);

    /**
     * Normalizes to lowest terms.
     *
     * @throws IllegalArgumentException if not positive, or a frame is not a whole number of ticks
     */
    public FrameRate {
        if (num <= 0 || den <= 0) {
            throw new IllegalArgumentException("frame rate " + num + "/" + den + " must be positive");
        }
        int g = (int) TickMath.gcd(num, den);
        num /= g;
        den /= g;
        if (Ticks.PER_SECOND * den % num != 0) {
            throw new IllegalArgumentException("frame rate " + (den == 1 ? num : num + "/" + den)
                    + " is not a whole number of ticks");
        }
    }

    /**
     * Parses "30000/1001", "25" or a decimal. The decimals 23.976, 23.98, 29.97, 59.94 and 119.88 mean the
     * NTSC rates 24000/1001, 30000/1001, 60000/1001 and 120000/1001; other decimals are exact ("12.5" is 25/2).
     *
     * @throws IllegalArgumentException naming the input if malformed, not positive, out of range or not
     *         a whole number of ticks per frame
     */
    public static FrameRate parse(String text) {
        Rational r = Rational.parse(text);
        if (text.indexOf('.') >= 0) {
            FrameRate ntsc = NTSC_SPELLINGS.get(r);
            if (ntsc != null) {
                return ntsc;
            }
        }
        if (r.num() <= 0 || r.num() > Integer.MAX_VALUE || r.den() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("frame rate \"" + text + "\" must be positive and fit in int/int");
        }
        try {
            return new FrameRate((int) r.num(), (int) r.den());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid frame rate \"" + text + "\": " + e.getMessage(), e);
        }
    }

    /** Returns the exact duration of one frame in ticks. */
    public long ticksPerFrame() {
        return Ticks.PER_SECOND * den / num;
    }

    /** Returns the start time of frame {@code frame} in ticks (exact); throws ArithmeticException on overflow. */
    public long frameToTicks(long frame) {
        return Math.multiplyExact(frame, ticksPerFrame());
    }

    /**
     * Returns the frame index at {@code ticks}. Frame {@code n} spans {@code [frameToTicks(n), frameToTicks(n+1))}:
     * FLOOR gives the frame showing at that time, CEILING the first frame starting at or after it, HALF_UP
     * the frame whose start is nearest (ties to the later frame for non-negative time); UNNECESSARY throws
     * unless {@code ticks} is a frame boundary.
     */
    public long ticksToFrame(long ticks, RoundingMode mode) {
        return TickMath.divRound(ticks, ticksPerFrame(), mode);
    }

    /** Returns true for the NTSC rates ({@code den == 1001}). */
    public boolean isNtsc() {
        return den == 1001;
    }

    /** Returns the rate rounded half up to an integer, at least 1 (30 for 29.97); the timecode frame base. */
    public int nominalFps() {
        return (int) Math.max(1, ((long) num + den / 2) / den);
    }

    /** Returns the rate as a double (for display). */
    public double toDouble() {
        return (double) num / den;
    }

    /** Returns "num/den", e.g. "30000/1001", or "num" when {@code den == 1}. */
    @Override
    public String toString() {
        return den == 1 ? Integer.toString(num) : num + "/" + den;
    }
}
