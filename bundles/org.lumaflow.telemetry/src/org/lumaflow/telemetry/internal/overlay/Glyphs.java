package org.lumaflow.telemetry.internal.overlay;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;

/**
 * The glyph atlas of the per-frame readings (digits and a few signs, one fixed-width cell each, drawn once into the
 * static layer) and the allocation-free formatting of numbers into glyph indices for {@link Px#text}.
 */
final class Glyphs {

    /** The characters of the atlas, in cell order. */
    static final String CHARS = "0123456789.-:+";
    /** Uniforms a text block takes: count, x, y, cell width, height, atlas row, then {@link #MAX} glyphs. */
    static final int BLOCK = 6 + 12;
    /** Most characters in one reading. */
    static final int MAX = 12;

    private Glyphs() {
    }

    /** Cell size of the atlas for a font of {@code px} pixels: {@code [width, height]}. */
    static int[] cell(float px) {
        Font f = Painter.font(Font.BOLD, px);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        float adv = 0;
        for (int i = 0; i < CHARS.length(); i++) {
            adv = Math.max(adv, (float) f.createGlyphVector(frc, CHARS.substring(i, i + 1)).getLogicalBounds()
                    .getWidth());
        }
        var lm = f.getLineMetrics("0", frc);
        return new int[] { Math.max(1, (int) Math.ceil(adv)), Math.max(1, (int) Math.ceil(lm.getAscent()
                + lm.getDescent() * 0.3f)) };
    }

    /** Draws the atlas (one cell per {@link #CHARS} character) with its top-left corner at {@code x, y}. */
    static void draw(Graphics2D g, float px, int[] cell, int x, int y, int rgba) {
        Font f = Painter.font(Font.BOLD, px);
        g.setFont(f);
        g.setColor(Painter.awt(rgba));
        FontRenderContext frc = g.getFontRenderContext();
        float ascent = f.getLineMetrics("0", frc).getAscent();
        for (int i = 0; i < CHARS.length(); i++) {
            GlyphVector gv = f.createGlyphVector(frc, CHARS.substring(i, i + 1));
            Rectangle2D b = gv.getLogicalBounds();
            float gx = x + i * cell[0] + (float) (cell[0] - b.getWidth()) / 2f;
            g.drawGlyphVector(gv, gx, y + ascent);
        }
    }

    /** Width of the atlas in pixels. */
    static int width(int[] cell) {
        return CHARS.length() * cell[0];
    }

    /**
     * Writes {@code value} with {@code decimals} decimals (rounded half away from zero; "--" when NaN) as glyph
     * indices at {@code u[base + 6]}..; returns the number of characters.
     */
    static int number(double value, int decimals, float[] u, int base) {
        int at = base + 6;
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            u[at] = 11;
            u[at + 1] = 11;
            return 2;
        }
        decimals = Math.max(0, Math.min(3, decimals));
        long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
        long v = Math.round(Math.abs(value) * scale);
        boolean negative = value < 0 && v != 0;
        int n = 0;
        int digits = 0;
        long t = v;
        do {
            digits++;
            t /= 10;
        } while (t != 0);
        digits = Math.max(digits, decimals + 1);
        int total = digits + (decimals > 0 ? 1 : 0) + (negative ? 1 : 0);
        if (total > MAX) {
            return number(Double.NaN, 0, u, base);
        }
        if (negative) {
            u[at + n++] = 11;
        }
        int end = at + total;
        int p = end - 1;
        for (int d = 0; d < digits; d++) {
            if (decimals > 0 && d == decimals) {
                u[p--] = 10;
            }
            u[p--] = (float) (v % 10);
            v /= 10;
        }
        return total;
    }

    /** Writes {@code seconds} as {@code H:MM:SS} (hours modulo 24 when {@code clock}) at {@code u[base + 6]}... */
    static int clock(double seconds, boolean clock, float[] u, int base) {
        if (Double.isNaN(seconds)) {
            return number(Double.NaN, 0, u, base);
        }
        long s = (long) Math.floor(seconds);
        boolean negative = s < 0;
        s = Math.abs(s);
        long h = s / 3600;
        if (clock) {
            h %= 24;
        }
        int at = base + 6;
        int n = 0;
        if (negative) {
            u[at + n++] = 11;
        }
        if (h >= 10) {
            if (h >= 100) {
                u[at + n++] = (float) (h / 100 % 10);
            }
            u[at + n++] = (float) (h / 10 % 10);
        }
        u[at + n++] = h % 10;
        u[at + n++] = 12;
        long m = s / 60 % 60;
        u[at + n++] = m / 10;
        u[at + n++] = m % 10;
        u[at + n++] = 12;
        long sec = s % 60;
        u[at + n++] = sec / 10;
        u[at + n++] = sec % 10;
        return n;
    }

    /**
     * Sets the block header: {@code n} characters of cell {@code cell} placed by anchor {@code ax, ay} (the text's
     * centre x when {@code align} is 0, its right edge when 1; its vertical centre), atlas row {@code atlasY}.
     */
    static void place(float[] u, int base, int n, int[] cell, float ax, float ay, int align, int atlasY) {
        float w = (float) n * cell[0];
        float x = align == 0 ? ax - w / 2f : ax - w;
        u[base] = n;
        u[base + 1] = (float) Math.floor(x + 0.5f);
        u[base + 2] = (float) Math.floor(ay - cell[1] / 2f + 0.5f);
        u[base + 3] = cell[0];
        u[base + 4] = cell[1];
        u[base + 5] = atlasY;
    }

    /** Decodes glyph indices back to text (tests, messages). */
    static String decode(float[] u, int base) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < (int) u[base]; k++) {
            int g = (int) u[base + 6 + k];
            s.append(g < 0 ? ' ' : CHARS.charAt(g));
        }
        return s.toString();
    }
}
