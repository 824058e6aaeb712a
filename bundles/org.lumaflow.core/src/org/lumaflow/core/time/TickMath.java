package org.lumaflow.core.time;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Package-private integer helpers: allocation-free rounding division and gcd. */
final class TickMath {

    private TickMath() {
    }

    /**
     * Returns {@code num / den} rounded as {@code mode} says; {@code den} must be positive.
     * Allocates only when throwing for {@link RoundingMode#UNNECESSARY}.
     */
    static long divRound(long num, long den, RoundingMode mode) {
        long r = Math.floorMod(num, den);
        if (r != 0 && mode == RoundingMode.UNNECESSARY) {
            throw new ArithmeticException(num + "/" + den + " is not a whole number");
        }
        return round(Math.floorDiv(num, den), r, den, mode);
    }

    /**
     * Returns {@code q + r / den} rounded to an integer as {@code mode} says, where {@code 0 <= r < den}: the value's
     * sign is that of {@code q} when {@code r > 0}. Allocates only when throwing for {@link RoundingMode#UNNECESSARY}.
     */
    static long round(long q, long r, long den, RoundingMode mode) {
        if (r == 0) {
            return q;
        }
        boolean up = switch (mode) { // true: return q + 1 (toward +infinity); q + 1 cannot overflow as den >= 2
            case FLOOR -> false;
            case CEILING -> true;
            case DOWN -> q < 0;
            case UP -> q >= 0;
            case HALF_UP, HALF_DOWN, HALF_EVEN -> {
                long rest = den - r;
                if (r != rest) {
                    yield r > rest;
                }
                yield switch (mode) {
                    case HALF_UP -> q >= 0;
                    case HALF_DOWN -> q < 0;
                    default -> (q & 1) != 0;
                };
            }
            case UNNECESSARY -> throw new ArithmeticException(q + " + " + r + "/" + den + " is not a whole number");
        };
        return up ? q + 1 : q;
    }

    /**
     * Returns {@code a * b / c} rounded as {@code mode} says; {@code c} must be positive. Exact 128-bit
     * intermediate: allocation-free unless {@code a * b} overflows a long.
     */
    static long mulDivRound(long a, long b, long c, RoundingMode mode) {
        long lo = a * b;
        if (Math.multiplyHigh(a, b) == (lo >> 63)) {
            return divRound(lo, c, mode);
        }
        BigDecimal product = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
        return product.divide(BigDecimal.valueOf(c), 0, mode).longValueExact();
    }

    /** Greatest common divisor, non-negative except {@code Long.MIN_VALUE} for gcd(MIN, MIN) and gcd(MIN, 0). */
    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a < 0 ? -a : a;
    }
}
