package org.lumaflow.ui.internal.audio;

/**
 * Levels of the blocks written ahead of what is heard (the device buffers about 100 ms), kept until the clock reaches
 * them so the meters show what is heard, not what was mixed. Fixed arrays, no allocation per block.
 */
final class MeterRing {

    private static final int SIZE = 128;
    private final long[] start = new long[SIZE];
    private final int[] count = new int[SIZE];
    private final float[] peakL = new float[SIZE];
    private final float[] peakR = new float[SIZE];
    private final double[] sumL = new double[SIZE];
    private final double[] sumR = new double[SIZE];
    private int head;
    private int tail;

    /** Adds the block of {@code n} samples starting at timeline sample {@code at}. */
    synchronized void put(long at, float[] left, float[] right, int n) {
        if (head - tail == SIZE) {
            tail++; // nobody reads: forget the oldest
        }
        int i = head % SIZE;
        start[i] = at;
        count[i] = n;
        peakL[i] = LevelMeter.peak(left, 0, n);
        peakR[i] = LevelMeter.peak(right, 0, n);
        sumL[i] = LevelMeter.sumOfSquares(left, 0, n);
        sumR[i] = LevelMeter.sumOfSquares(right, 0, n);
        head++;
    }

    /** Moves the blocks that begin at or before {@code heard} into {@code meter}. */
    synchronized void drainTo(LevelMeter meter, long heard, long nanos) {
        while (tail < head && start[tail % SIZE] <= heard) {
            int i = tail % SIZE;
            meter.add(peakL[i], peakR[i], sumL[i], sumR[i], count[i], nanos);
            tail++;
        }
    }

    synchronized void clear() {
        tail = head;
    }
}
