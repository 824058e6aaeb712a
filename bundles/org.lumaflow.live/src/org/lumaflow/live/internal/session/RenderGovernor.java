package org.lumaflow.live.internal.session;

/**
 * {@link org.lumaflow.live.DropStrategy#AGGRESSIVE}'s render size control: over windows of ticks it lowers the
 * render scale one level (100% -> 75% -> 50%) while ticks are skipped or a render takes more than 90% of the tick
 * period, and raises it one level after two windows in a row whose renders, scaled to the next size up, would take
 * under 60% of the period. Process thread only; allocates nothing.
 */
final class RenderGovernor {

    static final double[] LEVELS = {1.0, 0.75, 0.5};

    private final long period;
    private final int window;
    private int level;
    private int ticks;
    private long skipped;
    private long renderNanos;
    private int calm;

    RenderGovernor(long periodNanos, int windowTicks) {
        this.period = periodNanos;
        this.window = Math.max(3, windowTicks);
    }

    double scale() {
        return LEVELS[level];
    }

    int level() {
        return level;
    }

    /**
     * Records one rendered tick ({@code nanos} spent) and {@code skippedNow} ticks skipped after it.
     *
     * @return -1 when the level was lowered, +1 when raised, 0 otherwise
     */
    int update(long nanos, long skippedNow) {
        ticks++;
        skipped += skippedNow;
        renderNanos += nanos;
        if (ticks < window) {
            return 0;
        }
        double avg = (double) renderNanos / ticks;
        boolean behind = skipped > 0 || avg > 0.9 * period;
        ticks = 0;
        skipped = 0;
        renderNanos = 0;
        if (behind) {
            calm = 0;
            if (level < LEVELS.length - 1) {
                level++;
                return -1;
            }
            return 0;
        }
        if (level > 0) {
            double up = LEVELS[level - 1] / LEVELS[level];
            if (avg * up * up < 0.6 * period) {
                if (++calm >= 2) {
                    calm = 0;
                    level--;
                    return 1;
                }
            } else {
                calm = 0;
            }
        }
        return 0;
    }
}
