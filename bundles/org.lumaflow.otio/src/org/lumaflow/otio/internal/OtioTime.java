package org.lumaflow.otio.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.project.ProjectException;

/**
 * RationalTime.1 / TimeRange.1 to and from ticks. A rate is read as the {@link FrameRate} it spells: whole numbers
 * exactly, the NTSC rates whether written exactly as a double (23.976023976023978) or by their decimal spellings
 * (23.976, 29.97, 59.94...), other decimals exactly. Times convert as {@code value / rate} seconds rounded to the
 * nearest tick (half even), the project reader's rule for seconds.
 */
public final class OtioTime {

    private OtioTime() {
    }

    /** The frame rate a RationalTime rate denotes. */
    public static FrameRate rate(BigDecimal r) {
        if (r.signum() <= 0) {
            throw new IllegalArgumentException("rate " + r.toPlainString() + " must be positive");
        }
        BigDecimal strip = r.stripTrailingZeros();
        if (strip.scale() <= 0) {
            return new FrameRate(strip.intValueExact(), 1);
        }
        long n = r.multiply(BigDecimal.valueOf(1001)).divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_EVEN)
                .longValue(); // the nominal rate: 24 for 23.976...
        if (n > 0 && n <= Integer.MAX_VALUE / 1000) {
            double exact = n * 1000.0 / 1001.0;
            if (Math.abs(r.doubleValue() - exact) <= exact * 1e-12) {
                return new FrameRate((int) n * 1000, 1001); // 24000/1001 written as a double
            }
        }
        return FrameRate.parse(strip.toPlainString()); // 23.976 and 29.97 spellings mean NTSC; others are exact
    }

    /** Ticks of {@code value} at {@code rate} (value/rate seconds, nearest tick, half even). */
    public static long ticks(BigDecimal value, FrameRate rate) {
        return value.multiply(BigDecimal.valueOf(Ticks.PER_SECOND * rate.den()))
                .divide(BigDecimal.valueOf(rate.num()), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** The RationalTime value of {@code ticks} at {@code rate} (exact when on a frame boundary). */
    public static double value(long ticks, FrameRate rate) {
        BigDecimal v = BigDecimal.valueOf(ticks).multiply(BigDecimal.valueOf(rate.num()))
                .divide(BigDecimal.valueOf(Ticks.PER_SECOND * rate.den()), MathContext.DECIMAL64);
        return v.doubleValue();
    }

    /** The RationalTime rate written for {@code rate} (a double, as OpenTimelineIO writes it). */
    public static double rateValue(FrameRate rate) {
        return (double) rate.num() / rate.den();
    }

    /** A RationalTime.1 object. */
    public static Map<String, Object> time(long ticks, FrameRate rate) {
        Map<String, Object> m = Json.obj();
        m.put("OTIO_SCHEMA", "RationalTime.1");
        m.put("rate", rateValue(rate));
        m.put("value", value(ticks, rate));
        return m;
    }

    /** A TimeRange.1 object. */
    public static Map<String, Object> range(long start, long duration, FrameRate rate) {
        Map<String, Object> m = Json.obj();
        m.put("OTIO_SCHEMA", "TimeRange.1");
        m.put("duration", time(duration, rate));
        m.put("start_time", time(start, rate));
        return m;
    }

    /** A parsed RationalTime: ticks and the rate it was written at. */
    public record Time(long ticks, FrameRate rate) {
    }

    /** Reads a RationalTime.1 member. */
    public static Time time(Obj o) throws ProjectException {
        String s = o.str("OTIO_SCHEMA", "RationalTime.1");
        if (!s.equals("RationalTime.1")) {
            throw o.error("OTIO_SCHEMA", "expected RationalTime.1, got " + s);
        }
        BigDecimal r = o.num("rate");
        FrameRate rate;
        try {
            rate = rate(r);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw o.error("rate", "bad rate " + r.toPlainString() + ": " + e.getMessage());
        }
        BigDecimal v = o.num("value");
        try {
            return new Time(ticks(v, rate), rate);
        } catch (ArithmeticException e) {
            throw o.error("value", "time " + v.toPlainString() + " at rate " + r.toPlainString() + " is out of range");
        }
    }

    /** A parsed TimeRange: start, duration (never negative) and the duration's rate. */
    public record Range(long start, long duration, FrameRate rate) {
    }

    /** Reads a TimeRange.1 member; a negative duration is an error naming the place. */
    public static Range range(Obj o) throws ProjectException {
        String s = o.str("OTIO_SCHEMA", "TimeRange.1");
        if (!s.equals("TimeRange.1")) {
            throw o.error("OTIO_SCHEMA", "expected TimeRange.1, got " + s);
        }
        Time start = time(o.req("start_time"));
        Time dur = time(o.req("duration"));
        if (dur.ticks() < 0) {
            throw o.req("duration").error("value", "negative duration");
        }
        return new Range(start.ticks(), dur.ticks(), dur.rate());
    }
}
