package org.lumaflow.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RationalTest {

    @Test
    void normalization() {
        Rational r = Rational.of(6, -4);
        assertEquals(-3, r.num());
        assertEquals(2, r.den());
        assertEquals(Rational.of(1, 2), new Rational(2, 4));
        assertEquals(Rational.of(1, 2).hashCode(), new Rational(-3, -6).hashCode());
        assertEquals(new Rational(0, 1), Rational.of(0, -5));
        assertEquals(Rational.ONE, Rational.of(Long.MIN_VALUE, Long.MIN_VALUE));
        assertEquals(new Rational(Long.MIN_VALUE / 2, 1), Rational.of(Long.MIN_VALUE, 2));
        assertEquals(Rational.of(7), Rational.of(7, 1));
        assertThrows(ArithmeticException.class, () -> Rational.of(1, 0));
        assertThrows(ArithmeticException.class, () -> Rational.of(1, Long.MIN_VALUE));
    }

    @Test
    void parse() {
        assertEquals(new Rational(30000, 1001), Rational.parse("30000/1001"));
        assertEquals(Rational.of(25), Rational.parse("25"));
        assertEquals(new Rational(-3, 4), Rational.parse("-3/4"));
        assertEquals(new Rational(2997, 100), Rational.parse("29.97"));
        assertEquals(Rational.of(1, 2), Rational.parse("0.5"));
        assertEquals(Rational.of(25, 2), Rational.parse(" 12.50 "));
        assertEquals(Rational.of(-1, 4), Rational.parse("-.25"));
        assertEquals(Rational.of(5), Rational.parse("5."));
        assertEquals(Rational.of(2, 3), Rational.parse("4/6"));
        assertEquals(Rational.of(Long.MIN_VALUE), Rational.parse("-9223372036854775808"));
    }

    @Test
    void parseErrorsNameTheInput() {
        String[] bad = {"", " ", "abc", "1/0", "1/-2", "3/", "/4", "1.2.3", "1e3", "0x10", "1 / 2", "--1",
            "99999999999999999999", "1/99999999999999999999", "0.00000000000000000000001"};
        for (String s : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rational.parse(s), s);
            assertTrue(e.getMessage().contains("\"" + s + "\""), e.getMessage());
        }
    }

    @Test
    void arithmetic() {
        Rational half = Rational.of(1, 2);
        Rational third = Rational.of(1, 3);
        assertEquals(Rational.of(5, 6), half.add(third));
        assertEquals(Rational.of(1, 6), half.sub(third));
        assertEquals(Rational.of(1, 6), half.mul(third));
        assertEquals(Rational.of(3, 2), half.div(third));
        assertEquals(Rational.of(-1, 2), half.negate());
        assertEquals(Rational.ZERO, half.sub(half));
        assertEquals(Rational.of(1, 1001), Rational.of(24000, 1001).sub(Rational.of(23999, 1001)).div(Rational.of(1)));
        assertThrows(ArithmeticException.class, () -> half.div(Rational.ZERO));
        assertThrows(ArithmeticException.class, () -> Rational.of(Long.MIN_VALUE).negate());
    }

    @Test
    void arithmeticFallsBackWhenOnlyIntermediatesOverflow() {
        Rational a = Rational.of(4_611_686_018_427_387_905L, 2); // (2^62 + 1) / 2
        Rational b = Rational.of(-Long.MAX_VALUE, 4);
        assertEquals(Rational.of(3, 4), a.add(b)); // 2*(2^62+1) overflows, the sum does not
        assertEquals(Rational.of(3, 4), a.sub(b.negate()));
        Rational big = Rational.of(Long.MAX_VALUE, 3);
        assertEquals(Rational.of(Long.MAX_VALUE), big.mul(Rational.of(3)));
        assertEquals(Rational.of(Long.MAX_VALUE), big.div(Rational.of(1, 3)));
        assertEquals(Rational.ONE, Rational.of(Long.MIN_VALUE).div(Rational.of(Long.MIN_VALUE)));
        assertEquals(Rational.of(-1, 1L << 62), Rational.of(2).div(Rational.of(Long.MIN_VALUE)));
        assertThrows(ArithmeticException.class, () -> Rational.of(3).div(Rational.of(Long.MIN_VALUE)));
        assertThrows(ArithmeticException.class, () -> big.add(big).add(big).add(big));
        assertThrows(ArithmeticException.class, () -> Rational.of(1, Long.MAX_VALUE).mul(Rational.of(1, 3)));
    }

    @Test
    void compareWithHugeValues() {
        long x = Long.MAX_VALUE;
        Rational a = Rational.of(x, x - 1);     // 1 + 1/(x-1)
        Rational b = Rational.of(x - 1, x - 2); // 1 + 1/(x-2): larger
        assertTrue(a.compareTo(b) < 0);
        assertTrue(b.compareTo(a) > 0);
        assertEquals(0, a.compareTo(Rational.of(x, x - 1)));
        assertTrue(Rational.of(-x, 3).compareTo(Rational.of(x, 7)) < 0);
        assertTrue(Rational.of(Long.MIN_VALUE, x).compareTo(Rational.of(-x, x - 1)) > 0); // -1-1/x > -1-1/(x-1)
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Rational p = Rational.of(random.nextLong(), random.nextLong() | 1);
            Rational q = Rational.of(random.nextLong(), i % 2 == 0 ? random.nextLong() | 1 : p.den());
            int expected = Integer.signum(big(p.num()).multiply(big(q.den()))
                    .compareTo(big(q.num()).multiply(big(p.den()))));
            assertEquals(expected, Integer.signum(p.compareTo(q)), p + " vs " + q);
            assertEquals(-expected, Integer.signum(q.compareTo(p)), q + " vs " + p);
        }
    }

    @Test
    void roundingModes() {
        Rational r = Rational.of(-7, 2);
        assertEquals(-4, r.floor());
        assertEquals(-4, r.round(RoundingMode.FLOOR));
        assertEquals(-3, r.round(RoundingMode.CEILING));
        assertEquals(-3, r.round(RoundingMode.DOWN));
        assertEquals(-4, r.round(RoundingMode.UP));
        assertEquals(-4, r.round(RoundingMode.HALF_UP));
        assertEquals(-3, r.round(RoundingMode.HALF_DOWN));
        assertEquals(-4, r.round(RoundingMode.HALF_EVEN));
        assertEquals(2, Rational.of(5, 2).round(RoundingMode.HALF_EVEN));
        assertEquals(12, Rational.of(12).round(RoundingMode.UNNECESSARY));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> r.round(RoundingMode.UNNECESSARY));
        assertTrue(e.getMessage().contains("-7/2"), e.getMessage());
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            Rational v = Rational.of(random.nextLong() >> random.nextInt(60), 1 + random.nextInt(i % 3 == 0 ? 4 : 1_000_000));
            for (RoundingMode mode : RoundingMode.values()) {
                if (mode == RoundingMode.UNNECESSARY) {
                    continue;
                }
                long expected = new BigDecimal(v.num()).divide(new BigDecimal(v.den()), 0, mode).longValueExact();
                assertEquals(expected, v.round(mode), v + " " + mode);
            }
        }
    }

    @Test
    void toDoubleAndToString() {
        assertEquals(29.97002997002997, Rational.of(30000, 1001).toDouble(), 1e-12);
        assertEquals("30000/1001", Rational.of(30000, 1001).toString());
        assertEquals("25", Rational.of(50, 2).toString());
        assertEquals("-3/4", Rational.of(3, -4).toString());
        assertEquals(Rational.of(-3, 4), Rational.parse(Rational.of(-3, 4).toString()));
    }

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }
}
