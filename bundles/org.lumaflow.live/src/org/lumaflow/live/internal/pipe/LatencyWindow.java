package org.lumaflow.live.internal.pipe;

import java.util.Arrays;

/**
 * Latency samples (milliseconds) of the last window for p50/p95, in a fixed array: {@link #add} allocates nothing
 * and is cheap; {@link #percentiles} copies into a reused scratch array. Thread-safe (synchronized; one writer,
 * a reader once a second).
 */
public final class LatencyWindow {

    private final double[] samples;
    private final double[] scratch;
    private int count;
    private int next;

    /** Keeps the last {@code capacity} samples. */
    public LatencyWindow(int capacity) {
        samples = new double[capacity];
        scratch = new double[capacity];
    }

    /** Adds one sample. */
    public synchronized void add(double millis) {
        samples[next] = millis;
        next = (next + 1) % samples.length;
        if (count < samples.length) {
            count++;
        }
    }

    /**
     * Writes p50 and p95 of the samples into {@code out[0]}, {@code out[1]} (-1 when empty); {@code reset} forgets
     * them afterwards.
     */
    public synchronized void percentiles(double[] out, boolean reset) {
        if (count == 0) {
            out[0] = -1;
            out[1] = -1;
            return;
        }
        System.arraycopy(samples, 0, scratch, 0, count);
        Arrays.sort(scratch, 0, count);
        out[0] = scratch[Math.min(count - 1, (int) Math.floor(0.50 * (count - 1) + 0.5))];
        out[1] = scratch[Math.min(count - 1, (int) Math.floor(0.95 * (count - 1) + 0.5))];
        if (reset) {
            count = 0;
            next = 0;
        }
    }
}
