package org.lumaflow.core.time;

import java.math.RoundingMode;
import java.util.Map;

/**
 * Video frame rate {@code num/den} frames per second, normalized to lowest terms: any positive rational up to one
 * frame per tick. Frame {@code n} starts at {@code round(n * PER_SECOND * den / num)} ticks (ties toward later), a
 * boundary rounded once from the frame index and never accumulated, so a frame lasts either
 * {@link #ticksPerFrame()} or one tick more and long timelines do not drift. For the common rates (24, 25, 30, 50,
 * 60, 120 and their /1.001 variants) every frame lasts exactly {@link #ticksPerFrame()}. Frame/tick conversion is
 * exact and allocation-free.
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
     * @throws IllegalArgumentException if not positive, or faster than one frame per tick
     */
    public FrameRate {
        if (num <= 0 || den <= 0) {
            throw new IllegalArgumentException("frame rate " + num + "/" + den + " must be positive");
        }
        int g = (int) TickMath.gcd(num, den);
        num /= g;
        den /= g;
        if (num > Ticks.PER_SECOND * den) {
            throw new IllegalArgumentException("frame rate " + (den == 1 ? num : num + "/" + den)
                    + " is faster than one frame per tick (" + Ticks.PER_SECOND + " per second)");
        }
    }

    /**
     * Parses "30000/1001", "2997/125", "25" or a decimal. The decimals 23.976, 23.98, 29.97, 59.94 and 119.88 mean
     * the NTSC rates 24000/1001, 30000/1001, 60000/1001 and 120000/1001; other decimals are exact ("12.5" is 25/2).
     *
     * @throws IllegalArgumentException naming the input if malformed, not positive or out of range
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

    /**
     * Returns the frame duration rounded down to whole ticks: the exact duration when {@link #isTickExact()}, else
     * the shorter of the two durations frames alternate between (each lasts this or one tick more). For positions
     * use {@link #frameToTicks}; for one frame's length {@link #frameDuration}.
     */
    public long ticksPerFrame() {
        return Ticks.PER_SECOND * den / num;
    }

    /** Returns true if every frame lasts exactly {@link #ticksPerFrame()} ticks (all the common rates). */
    public boolean isTickExact() {
        return Ticks.PER_SECOND * den % num == 0;
    }

    /** Returns the duration of frame {@code frame} in ticks: {@code frameToTicks(frame + 1) - frameToTicks(frame)}. */
    public long frameDuration(long frame) {
        return Math.subtractExact(frameToTicks(Math.addExact(frame, 1)), frameToTicks(frame));
    }

    /**
     * Returns the start time of frame {@code frame} in ticks, {@code round(frame * PER_SECOND * den / num)} computed
     * exactly (ties toward later); allocation-free. Throws ArithmeticException on overflow.
     */
    public long frameToTicks(long frame) {
        long cycle = Ticks.PER_SECOND * den; // num frames last exactly this many ticks
        long q = cycle / num;
        long r = cycle - q * num;
        if (r == 0) {
            return Math.multiplyExact(frame, q);
        }
        long a = Math.floorDiv(frame, num);
        long b = frame - a * num; // 0 <= b < num
        return Math.addExact(Math.multiplyExact(a, cycle), inCycle(b, q, r));
    }

    /**
     * Returns the frame index at {@code ticks}. Frame {@code n} spans {@code [frameToTicks(n), frameToTicks(n+1))}:
     * FLOOR gives the frame showing at that time, CEILING the first frame starting at or after it, HALF_UP
     * the frame whose start is nearest (ties to the later frame for non-negative time); UNNECESSARY throws
     * unless {@code ticks} is a frame boundary. Exact inverse of {@link #frameToTicks}; allocation-free.
     */
    public long ticksToFrame(long ticks, RoundingMode mode) {
        long cycle = Ticks.PER_SECOND * den;
        long q = cycle / num;
        long r = cycle - q * num;
        if (r == 0) {
            return TickMath.divRound(ticks, q, mode);
        }
        long k = Math.floorDiv(ticks, cycle);
        long s = ticks - k * cycle; // 0 <= s < cycle: time within the cycle of num frames
        // estimate (within one of the answer: s < 2^61, b < 2^31), then settle on exact boundaries lo <= s < hi
        long b = Math.min(num - 1, (long) (s * ((double) num / cycle)));
        long lo = inCycle(b, q, r);
        long hi;
        if (lo > s) {
            do {
                hi = lo;
                lo = inCycle(--b, q, r);
            } while (lo > s);
        } else {
            hi = inCycle(b + 1, q, r);
            while (hi <= s) { // inCycle(num) == cycle > s: stops below num
                lo = hi;
                hi = inCycle(++b + 1, q, r);
            }
        }
        long frame = Math.addExact(Math.multiplyExact(k, num), b);
        if (lo == s) {
            return frame;
        }
        boolean later = switch (mode) { // ticks lies strictly inside frame "frame"
            case FLOOR -> false;
            case CEILING -> true;
            case DOWN -> ticks < 0;
            case UP -> ticks > 0;
            case HALF_UP, HALF_DOWN, HALF_EVEN -> {
                long before = s - lo;
                long after = hi - s;
                if (before != after) {
                    yield before > after;
                }
                yield switch (mode) {
                    case HALF_UP -> ticks > 0;
                    case HALF_DOWN -> ticks < 0;
                    default -> (frame & 1) != 0;
                };
            }
            case UNNECESSARY -> throw new ArithmeticException(
                    ticks + " ticks is not a frame boundary at " + this + " fps");
        };
        return later ? Math.addExact(frame, 1) : frame;
    }

    /** Start of frame {@code b} (0..num) of a cycle, in ticks from the cycle's start: {@code round(b * (q + r/num))}. */
    private long inCycle(long b, long q, long r) {
        return b * q + (2 * b * r + num) / (2L * num); // floor(b*r/num + 1/2); 2*b*r + num < 2^63 as b <= num < 2^31
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
