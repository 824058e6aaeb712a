package org.lumaflow.telemetry.internal.service;

import java.util.Locale;

/**
 * Finds the offset between a video motion signal and a telemetry motion signal (same grid rate) by normalised
 * cross-correlation (Pearson over the overlapping samples at each lag) within a range around a prior offset, with the
 * peak refined by parabolic interpolation. The result is confident only when the peak is high
 * ({@value #MIN_PEAK}), clearly above the best peak outside its lobe (by {@value #MIN_MARGIN}) and significant for the
 * number of independent movements in the overlap (Fisher z with an effective sample count that accounts for both
 * signals' autocorrelation, at least {@value #MIN_Z}): a short clip matched against smooth noise can reach 0.7 by
 * chance, but not all three.
 */
final class Correlator {

    static final double MIN_PEAK = 0.5;
    static final double MIN_MARGIN = 0.2;
    static final double MIN_Z = 6;
    /** Seconds of overlap needed at a lag for it to count. */
    static final double MIN_OVERLAP = 5;
    /** Autocorrelation lags summed for the effective sample count (a minute at 10 Hz). */
    private static final int MAX_ACF_LAG = 600;

    /**
     * What the correlation found.
     *
     * @param confident whether {@link #offset} can be used
     * @param offset media seconds minus telemetry seconds at the peak (NaN when there is none)
     * @param peak the peak correlation (NaN when there is none)
     * @param why when not confident, why not ("peak 0.21 below 0.5"); else a description of the match
     */
    record Result(boolean confident, double offset, double peak, String why) {
    }

    private Correlator() {
    }

    /**
     * Correlates {@code video} (media seconds) with {@code tel} (telemetry seconds) over offsets within
     * {@code prior ± range} that overlap by at least {@value #MIN_OVERLAP} s.
     */
    static Result correlate(MotionSignal video, MotionSignal tel, double prior, double range) {
        double rate = video.rate();
        if (video.spread() <= 1e-9) {
            return fail("the video shows no motion (" + video.what() + " is flat)");
        }
        if (tel.spread() <= 1e-9 * (1 + Math.abs(tel.mean()))) {
            return fail("the telemetry's " + tel.what() + " is flat: no motion to match");
        }
        double[] x = video.values();
        double[] y = tel.values();
        // media index i matches telemetry index i - lag at offset video.start - tel.start + lag / rate
        double base = video.start() - tel.start();
        int lo = (int) Math.ceil((prior - range - base) * rate);
        int hi = (int) Math.floor((prior + range - base) * rate);
        int minPairs = (int) Math.ceil(MIN_OVERLAP * rate);
        double[] c = new double[Math.max(0, hi - lo + 1)];
        int best = -1;
        for (int k = 0; k < c.length; k++) {
            c[k] = pearson(x, y, lo + k, minPairs);
            if (!Double.isNaN(c[k]) && (best < 0 || c[k] > c[best])) {
                best = k;
            }
        }
        if (best < 0) {
            return fail(String.format(Locale.ROOT, "less than %.0f s of overlap between the video (%.1f s) and the"
                    + " telemetry's %s at every offset within %.0f s of %.2f s", MIN_OVERLAP, x.length / rate,
                    tel.what(), range, prior));
        }
        double peak = c[best];
        double delta = 0;
        boolean edge = best == 0 || best == c.length - 1 || Double.isNaN(c[best - 1]) || Double.isNaN(c[best + 1]);
        if (!edge) {
            double den = c[best - 1] - 2 * peak + c[best + 1];
            delta = den < 0 ? 0.5 * (c[best - 1] - c[best + 1]) / den : 0;
        }
        double offset = base + (lo + best + delta) / rate;
        // the peak's lobe: down to the first local minimum on each side, at least a second
        int l = best;
        while (l > 0 && !Double.isNaN(c[l - 1]) && c[l - 1] < c[l]) {
            l--;
        }
        int r = best;
        while (r < c.length - 1 && !Double.isNaN(c[r + 1]) && c[r + 1] < c[r]) {
            r++;
        }
        l = Math.min(l, best - (int) rate);
        r = Math.max(r, best + (int) rate);
        int second = -1;
        for (int k = 0; k < c.length; k++) {
            if ((k < l || k > r) && !Double.isNaN(c[k]) && (second < 0 || c[k] > c[second])) {
                second = k;
            }
        }
        int lag = lo + best;
        int i0 = Math.max(0, lag);
        int i1 = Math.min(x.length, y.length + lag);
        double nEff = effective(x, y, i0, i1, lag);
        double z = atanh(Math.min(peak, 0.9999)) * Math.sqrt(Math.max(0, nEff - 3));
        String at = String.format(Locale.ROOT, "peak %.2f at offset %.3f s", peak, offset);
        String next = second < 0 ? "no separated peak" : String.format(Locale.ROOT, "next peak %.2f at %.2f s",
                c[second], base + (lo + second) / rate);
        if (peak < MIN_PEAK) {
            return new Result(false, offset, peak, String.format(Locale.ROOT, "%s below %.1f (%s against %s)", at,
                    MIN_PEAK, tel.what(), video.what()));
        }
        if (edge) {
            return new Result(false, offset, peak, String.format(Locale.ROOT, "%s lies at the edge of the offsets"
                    + " searched (%.0f s around %.2f s with %.0f s of overlap)", at, range, prior, MIN_OVERLAP));
        }
        if (second >= 0 && peak - c[second] < MIN_MARGIN) {
            return new Result(false, offset, peak, String.format(Locale.ROOT, "%s is not clearly above the %s"
                    + " (margin below %.1f): ambiguous", at, next, MIN_MARGIN));
        }
        if (z < MIN_Z) {
            return new Result(false, offset, peak, String.format(Locale.ROOT, "%s over %.1f s of overlap is not"
                    + " significant (z %.1f below %.0f: too few independent movements)", at, (i1 - i0) / rate, z,
                    MIN_Z));
        }
        return new Result(true, offset, peak, String.format(Locale.ROOT, "%s of the telemetry's %s against %s (%s,"
                + " z %.1f, %.1f s of overlap)", at, tel.what(), video.what(), next, z, (i1 - i0) / rate));
    }

    private static Result fail(String why) {
        return new Result(false, Double.NaN, Double.NaN, why);
    }

    /** Pearson correlation of x[i] with y[i - lag] over the pairs where both exist; NaN below {@code minPairs}. */
    static double pearson(double[] x, double[] y, int lag, int minPairs) {
        int i0 = Math.max(0, lag);
        int i1 = Math.min(x.length, y.length + lag);
        if (i1 - i0 < minPairs) {
            return Double.NaN;
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int n = 0;
        for (int i = i0; i < i1; i++) {
            double a = x[i];
            double b = y[i - lag];
            if (Double.isNaN(a) || Double.isNaN(b)) {
                continue;
            }
            sx += a;
            sy += b;
            sxx += a * a;
            syy += b * b;
            sxy += a * b;
            n++;
        }
        if (n < minPairs) {
            return Double.NaN;
        }
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        if (vx <= 0 || vy <= 0) {
            return Double.NaN;
        }
        return (sxy - sx * sy / n) / Math.sqrt(vx * vy);
    }

    /**
     * Effective number of independent pairs in the overlap (Bartlett): n / (1 + 2 sum (1 - k/n) rx(k) ry(k)) over lags
     * up to n/4 (at most {@value #MAX_ACF_LAG}), between 2 and n.
     */
    private static double effective(double[] x, double[] y, int i0, int i1, int lag) {
        int n = i1 - i0;
        double mx = 0;
        double my = 0;
        int m = 0;
        for (int i = i0; i < i1; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i - lag])) {
                mx += x[i];
                my += y[i - lag];
                m++;
            }
        }
        if (m < 2) {
            return 2;
        }
        mx /= m;
        my /= m;
        double vx = autocov(x, i0, i1, 0, mx);
        double vy = autocov(y, i0 - lag, i1 - lag, 0, my);
        if (vx <= 0 || vy <= 0) {
            return 2;
        }
        double sum = 0;
        for (int k = 1; k <= Math.min(n / 4, MAX_ACF_LAG); k++) {
            sum += (1 - k / (double) n) * autocov(x, i0, i1, k, mx) / vx * autocov(y, i0 - lag, i1 - lag, k, my) / vy;
        }
        return Math.max(2, Math.min(n, n / (1 + 2 * sum)));
    }

    private static double autocov(double[] v, int from, int to, int k, double mean) {
        double s = 0;
        for (int i = from; i + k < to; i++) {
            double a = v[i];
            double b = v[i + k];
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                s += (a - mean) * (b - mean);
            }
        }
        return s;
    }

    private static double atanh(double v) {
        return 0.5 * Math.log((1 + v) / (1 - v));
    }
}
