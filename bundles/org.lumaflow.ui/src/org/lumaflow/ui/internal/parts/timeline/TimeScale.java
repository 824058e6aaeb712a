package org.lumaflow.ui.internal.parts.timeline;

import java.math.RoundingMode;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;

/**
 * Horizontal mapping of the timeline: ticks to pixels and back at a zoom given in pixels per frame, with a scroll
 * offset in pixels. Also picks the ruler's label step. Plain arithmetic at any frame rate: frame boundaries come from
 * {@link FrameRate#frameToTicks} (frames of 2997/125 fps differ by a tick), pixels from the exact rate.
 */
public final class TimeScale {

    /** Zoom limits in pixels per frame. */
    public static final double MIN_ZOOM = 0.01;
    public static final double MAX_ZOOM = 60;

    private final FrameRate rate;
    /** Exact frames per tick ({@code num / (PER_SECOND * den)}), for pixels only. */
    private final double framesPerTick;
    private double pxPerFrame = 4;
    private double scroll;

    public TimeScale(FrameRate rate) {
        this.rate = rate;
        this.framesPerTick = rate.num() / ((double) Ticks.PER_SECOND * rate.den());
    }

    public FrameRate rate() {
        return rate;
    }

    public double pxPerFrame() {
        return pxPerFrame;
    }

    public void setPxPerFrame(double zoom) {
        pxPerFrame = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
    }

    /** Pixels scrolled off the left edge (>= 0). */
    public double scroll() {
        return scroll;
    }

    public void setScroll(double px) {
        scroll = Math.max(0, px);
    }

    /** X (relative to the start of the time area) of timeline time {@code ticks}. */
    public double x(long ticks) {
        return ticks * framesPerTick * pxPerFrame - scroll;
    }

    /** Timeline time at x (relative to the start of the time area), unrounded. */
    public long ticks(double x) {
        return Math.round((x + scroll) / pxPerFrame / framesPerTick);
    }

    /** Frame (rounded down, at least 0) at x. */
    public long frame(double x) {
        return Math.max(0, (long) Math.floor((x + scroll) / pxPerFrame));
    }

    /** Length in pixels of {@code ticks}. */
    public double width(long ticks) {
        return ticks * framesPerTick * pxPerFrame;
    }

    /** {@code px} pixels as ticks. */
    public long ticksOf(double px) {
        return Math.round(px / pxPerFrame / framesPerTick);
    }

    /** {@code ticks} rounded to the nearest frame boundary. */
    public long quantize(long ticks) {
        return rate.frameToTicks(rate.ticksToFrame(ticks, RoundingMode.HALF_UP));
    }

    /** The last frame boundary strictly before {@code ticks}. */
    public long boundaryBefore(long ticks) {
        return rate.frameToTicks(rate.ticksToFrame(ticks, RoundingMode.CEILING) - 1);
    }

    /** The first frame boundary strictly after {@code ticks}. */
    public long boundaryAfter(long ticks) {
        return rate.frameToTicks(rate.ticksToFrame(ticks, RoundingMode.FLOOR) + 1);
    }

    /** The frame nearest to {@code ticks} (the frame whose start is nearest). */
    public long nearestFrame(long ticks) {
        return rate.ticksToFrame(ticks, RoundingMode.HALF_UP);
    }

    /** Start of frame {@code frame} in ticks. */
    public long frameStart(long frame) {
        return rate.frameToTicks(frame);
    }

    /**
     * Changes the zoom keeping the time under {@code anchorX} (relative to the time area) where it is: what
     * Ctrl+wheel does around the mouse.
     */
    public void zoomAround(double factor, double anchorX) {
        double frameAtAnchor = (anchorX + scroll) / pxPerFrame;
        setPxPerFrame(pxPerFrame * factor);
        setScroll(frameAtAnchor * pxPerFrame - anchorX);
    }

    /** Zoom so that {@code frames} fill {@code widthPx}; scroll reset. */
    public void fit(long frames, int widthPx) {
        setPxPerFrame(widthPx / (double) Math.max(1, frames));
        setScroll(0);
    }

    /**
     * The ruler's labelled step in frames: the smallest of 1, 2, 5, 10 frames, then 1, 2, 5, 10, 15, 30 s, 1, 2, 5,
     * 10, 30 min, 1 h (at the nominal rate {@code fps}) that leaves at least {@code minPx} pixels between labels.
     */
    public long labelStep(int fps, int minPx) {
        long f = Math.max(1, fps);
        long[] steps = {1, 2, 5, 10, f, 2 * f, 5 * f, 10 * f, 15 * f, 30 * f, 60 * f, 120 * f, 300 * f, 600 * f,
                1800 * f, 3600 * f};
        for (long s : steps) {
            if (s * pxPerFrame >= minPx) {
                return s;
            }
        }
        return steps[steps.length - 1] * Math.max(1, (long) Math.ceil(minPx / (steps[steps.length - 1] * pxPerFrame)));
    }

    /** Number of minor ticks between two labels of step {@code step} frames. */
    public static int minorDivisions(long step, int fps) {
        if (step == 1) {
            return 1;
        }
        if (step < fps) {
            return (int) Math.min(step, 5);
        }
        if (step == fps) {
            return fps % 5 == 0 ? 5 : fps % 4 == 0 ? 4 : 2;
        }
        long s = step / Math.max(1, fps);
        return s % 5 == 0 ? 5 : s % 3 == 0 ? 3 : s % 2 == 0 ? 2 : 4;
    }
}
