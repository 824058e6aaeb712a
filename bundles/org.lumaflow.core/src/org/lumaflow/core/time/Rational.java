package org.lumaflow.core.time;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact rational number {@code num/den}, always normalized ({@code den > 0}, lowest terms), so
 * {@code equals} is value equality. Deliberately slow: use it at the edges (parsing, serialization,
 * external timecode equality), not in the timeline hot path, which uses {@link Ticks}. Arithmetic is
 * exact; a result that does not fit in longs throws {@link ArithmeticException}.
 *
 * @param num numerator (carries the sign)
 * @param den denominator, positive after normalization
 */
public record Rational(long num, long den) implements Comparable<Rational> {

    /** Zero. */
    public static final Rational ZERO = new Rational(0, 1);
    /** One. */
    public static final Rational ONE = new Rational(1, 1);

    private static final Pattern FRACTION = Pattern.compile("([+-]?\\d+)(?:/(\\d+))?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.\\d*|\\.\\d+)");

    /**
     * Normalizes to lowest terms with a positive denominator.
     *
     * @throws ArithmeticException if {@code den == 0} or the normalized value is not representable
     */
    public Rational {
        if (den == 0) {
            throw new ArithmeticException("zero denominator: " + num + "/0");
        }
        if (num == 0) {
            den = 1;
        } else {
            long g = TickMath.gcd(num, den);
            num /= g;
            den /= g;
            if (den < 0) {
                if (num == Long.MIN_VALUE || den == Long.MIN_VALUE) {
                    throw new ArithmeticException("rational out of range: " + num + "/" + den);
                }
                num = -num;
                den = -den;
            }
        }
    }

    /** Returns {@code num/den}, normalized; throws ArithmeticException if {@code den == 0}. */
    public static Rational of(long num, long den) {
        return new Rational(num, den);
    }

    /** Returns the integer {@code value}. */
    public static Rational of(long value) {
        return new Rational(value, 1);
    }

    /**
     * Parses "30000/1001", "25", "-3/4" or an exact decimal such as "29.97" (= 2997/100). Surrounding
     * whitespace is ignored; exponents and a signed denominator are not accepted.
     *
     * @throws IllegalArgumentException naming the input if it is malformed, has a zero denominator or
     *         does not fit in longs
     */
    public static Rational parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        try {
            Matcher m = FRACTION.matcher(s);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                long d = m.group(2) == null ? 1 : Long.parseLong(m.group(2));
                if (d == 0) {
                    throw new IllegalArgumentException("zero denominator in rational \"" + text + "\"");
                }
                return new Rational(n, d);
            }
            if (DECIMAL.matcher(s).matches()) {
                BigDecimal v = new BigDecimal(s);
                return fromBig(v.unscaledValue(), BigInteger.TEN.pow(v.scale()));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("rational \"" + text + "\" is out of range", e);
        }
        throw new IllegalArgumentException(
                "not a rational number: \"" + text + "\" (expected e.g. 30000/1001, 25, -3/4 or 29.97)");
    }

    /** Returns {@code this + o}. */
    public Rational add(Rational o) {
        long g = TickMath.gcd(den, o.den);
        try {
            return new Rational(Math.addExact(Math.multiplyExact(num, o.den / g), Math.multiplyExact(o.num, den / g)),
                    Math.multiplyExact(den, o.den / g));
        } catch (ArithmeticException overflow) {
            return fromBig(big(num).multiply(big(o.den)).add(big(o.num).multiply(big(den))), big(den).multiply(big(o.den)));
        }
    }

    /** Returns {@code this - o}. */
    public Rational sub(Rational o) {
        long g = TickMath.gcd(den, o.den);
        try {
            return new Rational(Math.subtractExact(Math.multiplyExact(num, o.den / g), Math.multiplyExact(o.num, den / g)),
                    Math.multiplyExact(den, o.den / g));
        } catch (ArithmeticException overflow) {
            return fromBig(big(num).multiply(big(o.den)).subtract(big(o.num).multiply(big(den))), big(den).multiply(big(o.den)));
        }
    }

    /** Returns {@code this * o}. */
    public Rational mul(Rational o) {
        return product(num, den, o.num, o.den);
    }

    /** Returns {@code this / o}; throws ArithmeticException if {@code o} is zero. */
    public Rational div(Rational o) {
        if (o.num == 0) {
            throw new ArithmeticException("division by zero: " + this + " / 0");
        }
        return product(num, den, o.den, o.num);
    }

    /** Returns {@code -this}. */
    public Rational negate() {
        return new Rational(Math.negateExact(num), den);
    }

    /** Compares by value; exact for all longs (128-bit cross products). */
    @Override
    public int compareTo(Rational o) {
        long hi1 = Math.multiplyHigh(num, o.den);
        long hi2 = Math.multiplyHigh(o.num, den);
        if (hi1 != hi2) {
            return Long.compare(hi1, hi2);
        }
        return Long.compareUnsigned(num * o.den, o.num * den);
    }

    /** Returns the nearest double (for display). */
    public double toDouble() {
        return (double) num / den;
    }

    /** Returns the largest integer {@code <=} this value. */
    public long floor() {
        return Math.floorDiv(num, den);
    }

    /** Returns this value rounded to an integer as {@code mode} says; UNNECESSARY throws naming the value. */
    public long round(RoundingMode mode) {
        if (mode == RoundingMode.UNNECESSARY && num % den != 0) {
            throw new ArithmeticException(this + " is not an integer");
        }
        return TickMath.divRound(num, den, mode);
    }

    /** Returns "num/den", or "num" when {@code den == 1}. */
    @Override
    public String toString() {
        return den == 1 ? Long.toString(num) : num + "/" + den;
    }

    /** (a/b) * (c/d) with b, d != 0, cross-reduced so the result only overflows if it cannot be represented. */
    private static Rational product(long a, long b, long c, long d) {
        if (a == 0 || c == 0) {
            return ZERO;
        }
        long g1 = TickMath.gcd(a, d);
        long g2 = TickMath.gcd(c, b);
        try {
            return new Rational(Math.multiplyExact(a / g1, c / g2), Math.multiplyExact(b / g2, d / g1));
        } catch (ArithmeticException overflow) {
            return fromBig(big(a).multiply(big(c)), big(b).multiply(big(d)));
        }
    }

    private static Rational fromBig(BigInteger n, BigInteger d) {
        BigInteger g = n.gcd(d);
        if (d.signum() < 0) {
            g = g.negate();
        }
        BigInteger rn = n.divide(g);
        BigInteger rd = d.divide(g);
        if (rn.bitLength() > 63 || rd.bitLength() > 63) {
            throw new ArithmeticException("rational overflow: " + rn + "/" + rd);
        }
        return new Rational(rn.longValue(), rd.longValue());
    }

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }
}
