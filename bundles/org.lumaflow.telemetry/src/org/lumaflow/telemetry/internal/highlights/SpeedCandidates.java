package org.lumaflow.telemetry.internal.highlights;

import java.util.List;
import java.util.Locale;

import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Highlight;
import org.lumaflow.telemetry.HighlightOptions;
import org.lumaflow.telemetry.TimeSeries;

/**
 * Candidates from GPS speed, resampled at 10 Hz and smoothed over a second: speed peaks (the fastest moment within
 * ±{@value #PEAK_WINDOW} s, at least {@code minSpeed} and standing {@value #PROMINENCE} m/s above the slowest moment
 * there), and hard acceleration or braking (runs where d speed / dt reaches the threshold).
 */
final class SpeedCandidates {

    static final double DT = 0.1;
    static final double PEAK_WINDOW = 5;
    static final double PROMINENCE = 1.5;

    private SpeedCandidates() {
    }

    static void find(TimeSeries s, HighlightOptions o, List<Highlight> out) {
        int ch = s.channel(Channels.SPEED_2D);
        if (ch < 0) {
            ch = s.channel(Channels.SPEED_3D);
        }
        if (ch < 0 || s.size() < 2) {
            return;
        }
        Signals.Grid grid = Signals.resample(s, ch, DT);
        double[] v = Signals.smooth(grid.values(), (int) Math.round(1 / DT) | 1);
        int n = v.length;
        int w = (int) Math.round(PEAK_WINDOW / DT);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(v[i]) || v[i] < o.minSpeed()) {
                continue;
            }
            boolean peak = true;
            double low = v[i];
            for (int k = Math.max(0, i - w); k <= Math.min(n - 1, i + w) && peak; k++) {
                if (!Double.isNaN(v[k])) {
                    // strictly highest on the left, highest or equal on the right: one index per plateau
                    peak = k < i ? v[k] < v[i] : v[k] <= v[i];
                    low = Math.min(low, v[k]);
                }
            }
            if (peak && v[i] - low >= PROMINENCE) {
                double tp = grid.time(i);
                out.add(Highlight.candidate(HighlightOptions.SPEED, tp - 1, tp + 1, tp, v[i],
                        String.format(Locale.ROOT, "%.1f km/h", v[i] * 3.6)));
            }
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i == 0 || i == n - 1 ? 0 : (v[i + 1] - v[i - 1]) / (2 * DT);
        }
        for (int i = 0; i < n;) {
            if (Math.abs(a[i]) >= o.hardAcceleration() && !Double.isNaN(a[i])) {
                boolean up = a[i] > 0;
                int j = i;
                int best = i;
                while (j < n && !Double.isNaN(a[j]) && Math.abs(a[j]) >= o.hardAcceleration() && a[j] > 0 == up) {
                    best = Math.abs(a[j]) > Math.abs(a[best]) ? j : best;
                    j++;
                }
                out.add(Highlight.candidate(up ? HighlightOptions.ACCELERATION : HighlightOptions.BRAKING,
                        grid.time(i), grid.time(j - 1), grid.time(best), Math.abs(a[best]),
                        String.format(Locale.ROOT, "%s %.1f m/s²", up ? "acceleration" : "braking",
                                Math.abs(a[best]))));
                i = j;
            } else {
                i++;
            }
        }
    }
}
