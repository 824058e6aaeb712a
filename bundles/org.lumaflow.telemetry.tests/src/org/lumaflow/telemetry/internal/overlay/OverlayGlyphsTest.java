package org.lumaflow.telemetry.internal.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Number and clock formatting into glyph indices (no allocation per frame, so no String.format). */
class OverlayGlyphsTest {

    private static String number(double v, int decimals) {
        float[] u = new float[Glyphs.BLOCK];
        u[0] = Glyphs.number(v, decimals, u, 0);
        return Glyphs.decode(u, 0);
    }

    private static String clock(double v, boolean clock) {
        float[] u = new float[Glyphs.BLOCK];
        u[0] = Glyphs.clock(v, clock, u, 0);
        return Glyphs.decode(u, 0);
    }

    @Test
    void numbers() {
        assertEquals("0", number(0, 0));
        assertEquals("0.0", number(0.04, 1));
        assertEquals("12.3", number(12.34, 1));
        assertEquals("-3.50", number(-3.5, 2));
        assertEquals("100", number(99.5, 0));
        assertEquals("0.05", number(0.049, 2));
        assertEquals("0", number(-0.2, 0));
        assertEquals("--", number(Double.NaN, 1));
        assertEquals("--", number(1e15, 0));
        assertEquals("1234567", number(1234567, 0));
    }

    @Test
    void clocks() {
        assertEquals("0:00:00", clock(0, false));
        assertEquals("1:01:01", clock(3661.9, false));
        assertEquals("25:00:00", clock(90000, false));
        assertEquals("1:00:00", clock(90000, true));
        assertEquals("--", clock(Double.NaN, true));
    }
}
