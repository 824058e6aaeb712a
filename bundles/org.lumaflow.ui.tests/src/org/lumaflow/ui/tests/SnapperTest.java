package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.RoundingMode;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.ui.internal.parts.timeline.Snapper;

/**
 * Snapping lands exactly on the edge even when the edge is off the frame grid (an audio clip's end at a sample, media
 * of another rate) and the snap distance is under half a frame (zoomed in): the edge is snapped before rounding.
 */
class SnapperTest {

    @Test
    void aSnappedEdgeLandsOnItsTargetOffTheFrameGrid() {
        FrameRate rate = FrameRate.parse("25");
        LongUnaryOperator grid = t -> rate.frameToTicks(rate.ticksToFrame(t, RoundingMode.HALF_UP));
        long frame = rate.frameToTicks(1);
        long edge = rate.frameToTicks(40) + frame / 2; // half way between two frames
        Snapper s = new Snapper();
        s.setTargets(new long[] {0, edge}, 2);
        long threshold = frame / 5; // 8 px at a zoom of 40 px per frame
        long[] hit = new long[1];
        long raw = edge - frame / 10; // the mouse is 0.1 frame before the edge
        // rounding first puts the edge on frame 40 or 41: 0.5 frame away, beyond the threshold: no snap (the old way)
        long rounded = grid.applyAsLong(raw);
        assertNotEquals(edge, s.snapEdge(rounded, threshold, hit));
        // snapping first lands on it exactly
        assertEquals(edge, s.placeEdge(raw, threshold, grid, hit));
        assertEquals(edge, hit[0]);
        // a moved span snaps by its end too: start = edge - duration
        long dur = rate.frameToTicks(10);
        assertEquals(edge - dur, s.placeSpan(raw - dur, dur, threshold, grid, hit));
        // nothing near: on the grid; snapping off: on the grid
        assertEquals(rate.frameToTicks(20), s.placeEdge(rate.frameToTicks(20) + 3, threshold, grid, hit));
        assertEquals(Long.MIN_VALUE, hit[0]);
        assertEquals(grid.applyAsLong(raw), s.placeEdge(raw, -1, grid, hit));
    }
}
