package org.lumaflow.telemetry.internal.service;

import java.util.Arrays;

/**
 * A motion signal on a uniform grid for {@link Correlator}: {@code values[i]} is the mean of the samples within half a
 * step of {@code start + i / rate} seconds, NaN where there is no data.
 *
 * @param what what the values are, for the user ("gyro magnitude (GYRO)")
 */
record MotionSignal(double start, double rate, double[] values, String what) {

    /** The grid rate both signals are resampled to, Hz. */
    static final double RATE = 10;

    int size() {
        return values.length;
    }

    /** Standard deviation of the values that are not NaN (0 for a flat or empty signal). */
    double spread() {
        double s = 0;
        double ss = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s += v;
                ss += v * v;
                n++;
            }
        }
        if (n < 2) {
            return 0;
        }
        double m = s / n;
        return Math.sqrt(Math.max(0, ss / n - m * m));
    }

    /** Mean of the values that are not NaN (0 when none). */
    double mean() {
        double s = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? 0 : s / n;
    }

    /**
     * Accumulates irregular samples, in increasing time, into bins of {@code 1 / rate} s from {@code start} (box
     * means); grows as samples arrive. Nothing is allocated per sample except when the bins grow.
     */
    static final class Bins {

        /** Empty bins between filled ones are interpolated across gaps up to this long, seconds; longer gaps stay NaN. */
        private static final double MAX_GAP = 2;

        private final double start;
        private final double rate;
        private double[] sum = new double[256];
        private int[] count = new int[256];
        private int size;

        Bins(double start, double rate) {
            this.start = start;
            this.rate = rate;
        }

        void add(double t, double v) {
            if (Double.isNaN(v)) {
                return;
            }
            int i = (int) Math.floor((t - start) * rate + 0.5);
            if (i < 0) {
                return;
            }
            if (i >= sum.length) {
                int n = Math.max(i + 1, sum.length * 2);
                sum = Arrays.copyOf(sum, n);
                count = Arrays.copyOf(count, n);
            }
            sum[i] += v;
            count[i]++;
            size = Math.max(size, i + 1);
        }

        /** The signal: bin means, short gaps interpolated linearly. */
        MotionSignal finish(String what) {
            double[] out = new double[size];
            int last = -1;
            int maxGap = (int) Math.round(MAX_GAP * rate);
            for (int i = 0; i < size; i++) {
                if (count[i] == 0) {
                    out[i] = Double.NaN;
                    continue;
                }
                out[i] = sum[i] / count[i];
                if (last >= 0 && i - last > 1 && i - last <= maxGap) {
                    for (int k = last + 1; k < i; k++) {
                        double f = (k - last) / (double) (i - last);
                        out[k] = out[last] + f * (out[i] - out[last]);
                    }
                }
                last = i;
            }
            return new MotionSignal(start, rate, out, what);
        }
    }
}
