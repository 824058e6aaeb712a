package org.lumaflow.engine.graph;

import java.util.Locale;

/**
 * An RGBA colour with components 0..1 (display-referred code values).
 *
 * @param r red
 * @param g green
 * @param b blue
 * @param a alpha (1 = opaque)
 */
public record Color(double r, double g, double b, double a) {

    /** Opaque black. */
    public static final Color BLACK = new Color(0, 0, 0, 1);
    /** Opaque white. */
    public static final Color WHITE = new Color(1, 1, 1, 1);
    /** Fully transparent. */
    public static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    /** An opaque grey of level {@code v}. */
    public static Color gray(double v) {
        return new Color(v, v, v, 1);
    }

    /** Parses {@code #RRGGBB} or {@code #RRGGBBAA}. */
    public static Color parse(String hex) {
        String s = hex.trim();
        if (s.startsWith("#") && (s.length() == 7 || s.length() == 9)) {
            try {
                long v = Long.parseLong(s.substring(1), 16);
                if (s.length() == 7) {
                    v = (v << 8) | 0xFF;
                }
                return new Color(((v >> 24) & 0xFF) / 255.0, ((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0,
                        (v & 0xFF) / 255.0);
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException("not a colour: '" + hex + "' (expected #RRGGBB or #RRGGBBAA)");
    }

    /** Component {@code i} (0 = r .. 3 = a). */
    public double component(int i) {
        return switch (i) {
            case 0 -> r;
            case 1 -> g;
            case 2 -> b;
            default -> a;
        };
    }

    /** 8-bit value of component {@code i}, clamped, rounded half up. */
    public int code(int i) {
        double v = component(i);
        return v <= 0 ? 0 : v >= 1 ? 255 : (int) (v * 255 + 0.5);
    }

    /** Packed RGBA8 as stored in a frame read with native (little-endian) order: A&lt;&lt;24 | B&lt;&lt;16 | G&lt;&lt;8 | R. */
    public int packed() {
        return (code(3) << 24) | (code(2) << 16) | (code(1) << 8) | code(0);
    }

    /** {@code #RRGGBBAA}. */
    public String toHex() {
        return String.format(Locale.ROOT, "#%02X%02X%02X%02X", code(0), code(1), code(2), code(3));
    }
}
