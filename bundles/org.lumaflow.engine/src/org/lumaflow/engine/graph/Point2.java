package org.lumaflow.engine.graph;

/**
 * A 2D point or vector in normalized frame coordinates.
 *
 * @param x horizontal, 0 = left edge, 1 = right edge
 * @param y vertical, 0 = top edge, 1 = bottom edge
 */
public record Point2(double x, double y) {
    /** The frame centre. */
    public static final Point2 CENTER = new Point2(0.5, 0.5);
}
