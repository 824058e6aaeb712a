package org.lumaflow.ui.internal.parts.timeline;

import java.util.Arrays;

/**
 * Magnetic edges of the timeline: clip starts and ends and the playhead. A dragged edge snaps to the nearest target
 * within a threshold. The target list is built once per drag (sorted, binary-searched), so dragging allocates nothing.
 */
public final class Snapper {

    private long[] targets = new long[0];
    private int count;

    /** Replaces the targets (ticks, any order, duplicates fine). */
    public void setTargets(long[] ticks, int n) {
        targets = Arrays.copyOf(ticks, n);
        Arrays.sort(targets);
        count = n;
    }

    /** The number of targets. */
    public int size() {
        return count;
    }

    /** The target nearest to {@code t} within {@code threshold} ticks, or {@code Long.MIN_VALUE} when none is. */
    public long nearest(long t, long threshold) {
        if (count == 0) {
            return Long.MIN_VALUE;
        }
        int i = Arrays.binarySearch(targets, 0, count, t);
        if (i >= 0) {
            return t;
        }
        int ins = -i - 1;
        long best = Long.MIN_VALUE;
        long bestD = Long.MAX_VALUE;
        if (ins < count) {
            long d = targets[ins] - t;
            if (d <= threshold) {
                best = targets[ins];
                bestD = d;
            }
        }
        if (ins > 0) {
            long d = t - targets[ins - 1];
            if (d <= threshold && d < bestD) {
                best = targets[ins - 1];
            }
        }
        return best;
    }

    /**
     * Snaps a moved clip {@code [start, start + duration)}: the start or the end, whichever is nearer to a target
     * within {@code threshold}; returns the snapped start (unchanged when nothing is near). {@code hit[0]} receives
     * the target snapped to, or {@code Long.MIN_VALUE}.
     */
    public long snapSpan(long start, long duration, long threshold, long[] hit) {
        long a = nearest(start, threshold);
        long b = nearest(start + duration, threshold);
        long da = a == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(a - start);
        long db = b == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(b - (start + duration));
        if (da == Long.MAX_VALUE && db == Long.MAX_VALUE) {
            hit[0] = Long.MIN_VALUE;
            return start;
        }
        if (da <= db) {
            hit[0] = a;
            return a;
        }
        hit[0] = b;
        return b - duration;
    }

    /** Snaps one edge; returns it unchanged when nothing is near. {@code hit[0]} as in {@link #snapSpan}. */
    public long snapEdge(long t, long threshold, long[] hit) {
        long a = nearest(t, threshold);
        hit[0] = a;
        return a == Long.MIN_VALUE ? t : a;
    }

    /**
     * Places a dragged edge: on a target when the raw (unrounded) position is within {@code threshold} of one, exactly
     * there (targets need not be on the frame grid: audio clips, media of another rate); else on the frame grid
     * ({@code quantize}). Snapping before rounding is what makes a snapped edge always land on its target.
     */
    public long placeEdge(long raw, long threshold, java.util.function.LongUnaryOperator quantize, long[] hit) {
        if (threshold >= 0) {
            long t = snapEdge(raw, threshold, hit);
            if (hit[0] != Long.MIN_VALUE) {
                return t;
            }
        } else {
            hit[0] = Long.MIN_VALUE;
        }
        return quantize.applyAsLong(raw);
    }

    /** {@link #placeEdge} for a moved span: its start, snapped by either edge, else on the grid. */
    public long placeSpan(long rawStart, long duration, long threshold, java.util.function.LongUnaryOperator quantize,
            long[] hit) {
        if (threshold >= 0) {
            long s = snapSpan(rawStart, duration, threshold, hit);
            if (hit[0] != Long.MIN_VALUE) {
                return s;
            }
        } else {
            hit[0] = Long.MIN_VALUE;
        }
        return quantize.applyAsLong(rawStart);
    }
}
