package org.lumaflow.live;

/**
 * How the first two video sources are composed.
 *
 * @param kind   {@link Kind}
 * @param x      picture-in-picture: centre of the inset, fraction of the frame width (0..1)
 * @param y      picture-in-picture: centre of the inset, fraction of the frame height (0..1)
 * @param size   picture-in-picture: inset width as a fraction of the frame width (0.05..1)
 * @param border picture-in-picture: border width in output pixels (0 for none)
 */
public record Layout(Kind kind, double x, double y, double size, int border) {

    /** Layout kinds. */
    public enum Kind {
        /** The first video source fills the frame. */
        FULL,
        /** The second source as an inset over the first. */
        PIP,
        /** Both sources side by side, each letterboxed into half the frame. */
        SIDE
    }

    /** Checks ranges. */
    public Layout {
        if (kind == null || x < 0 || x > 1 || y < 0 || y > 1 || size < 0.05 || size > 1 || border < 0) {
            throw new IllegalArgumentException("layout: x and y in 0..1, size in 0.05..1, border >= 0");
        }
    }

    /** Full frame. */
    public static Layout full() {
        return new Layout(Kind.FULL, 0.5, 0.5, 1, 0);
    }

    /** An inset of a quarter of the width at the bottom right, 4-pixel border. */
    public static Layout pip() {
        return new Layout(Kind.PIP, 0.8, 0.78, 0.3, 4);
    }

    /** Side by side. */
    public static Layout side() {
        return new Layout(Kind.SIDE, 0.5, 0.5, 0.5, 0);
    }
}
