package org.lumaflow.telemetry.internal.highlights;

import org.lumaflow.telemetry.TimeSeries;

/** Small signal helpers on telemetry columns: resampling, moving averages, vector magnitudes. */
final class Signals {

    /** Standard gravity, m/s². */
    static final double G = 9.80665;

    private Signals() {
    }

    /** A uniform grid: {@code values[i]} at {@code t0 + i * dt} (NaN where the series has no data). */
    record Grid(double t0, double dt, double[] values) {
        double time(int i) {
            return t0 + i * dt;
        }

        int size() {
            return values.length;
        }
    }

    /** {@code s}'s channel {@code ch} interpolated every {@code dt} seconds over its whole span. */
    static Grid resample(TimeSeries s, int ch, double dt) {
        if (s.size() < 2) {
            return new Grid(0, dt, new double[0]);
        }
        double t0 = s.start();
        int n = (int) Math.floor((s.end() - t0) / dt) + 1;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = s.interpolate(ch, t0 + i * dt);
        }
        return new Grid(t0, dt, v);
    }

    /** Centred moving average over {@code window} samples (odd); NaN samples are skipped, all-NaN stays NaN. */
    static double[] smooth(double[] v, int window) {
        int half = Math.max(0, window / 2);
        double[] out = new double[v.length];
        double sum = 0;
        int count = 0;
        // sliding window [i - half, i + half]
        for (int i = 0; i < Math.min(half, v.length); i++) {
            if (!Double.isNaN(v[i])) {
                sum += v[i];
                count++;
            }
        }
        for (int i = 0; i < v.length; i++) {
            int add = i + half;
            if (add < v.length && !Double.isNaN(v[add])) {
                sum += v[add];
                count++;
            }
            int drop = i - half - 1;
            if (drop >= 0 && !Double.isNaN(v[drop])) {
                sum -= v[drop];
                count--;
            }
            out[i] = count == 0 || Double.isNaN(v[i]) ? Double.NaN : sum / count;
        }
        return out;
    }

    /** The magnitude of channels {@code x, y, z} of {@code s} at every sample, divided by {@code unit}. */
    static double[] magnitude(TimeSeries s, int x, int y, int z, double unit) {
        double[] m = new double[s.size()];
        for (int i = 0; i < m.length; i++) {
            double a = s.value(x, i);
            double b = s.value(y, i);
            double c = s.value(z, i);
            m[i] = Math.sqrt(a * a + b * b + c * c) / unit;
        }
        return m;
    }

    /** The sample times of {@code s}. */
    static double[] times(TimeSeries s) {
        double[] t = new double[s.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = s.time(i);
        }
        return t;
    }

    /** Samples in a window of {@code seconds} at the series' mean rate (odd, at least 1). */
    static int window(TimeSeries s, double seconds) {
        int n = (int) Math.round(seconds * s.rate());
        return Math.max(1, n | 1);
    }
}
