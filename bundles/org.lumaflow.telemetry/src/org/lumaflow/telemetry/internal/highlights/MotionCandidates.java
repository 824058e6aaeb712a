package org.lumaflow.telemetry.internal.highlights;

import java.util.List;
import java.util.Locale;

import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Highlight;
import org.lumaflow.telemetry.HighlightOptions;
import org.lumaflow.telemetry.TimeSeries;

/** Candidates from the motion sensors: g-force peaks and jumps (accelerometer), spins (gyroscope). */
final class MotionCandidates {

    /** How long after the end of a free fall the impact may come, seconds. */
    static final double LANDING_WINDOW = 0.5;

    private MotionCandidates() {
    }

    /** g-force peaks and jumps from an accelerometer stream (m/s², gravity included). */
    static void accel(TimeSeries s, HighlightOptions o, List<Highlight> out) {
        int x = s.channel(Channels.ACCEL_X);
        int y = s.channel(Channels.ACCEL_Y);
        int z = s.channel(Channels.ACCEL_Z);
        if (x < 0 || y < 0 || z < 0 || s.size() < 3) {
            return;
        }
        double[] t = Signals.times(s);
        double[] g = Signals.smooth(Signals.magnitude(s, x, y, z, Signals.G), Signals.window(s, 0.05));
        int n = g.length;
        // g-force peaks: runs at or above the threshold, the maximum of each
        for (int i = 0; i < n;) {
            if (g[i] >= o.gPeak()) {
                int j = i;
                int best = i;
                while (j < n && g[j] >= o.gPeak()) {
                    best = g[j] > g[best] ? j : best;
                    j++;
                }
                out.add(Highlight.candidate(HighlightOptions.G_FORCE, t[i], t[j - 1], t[best], g[best],
                        String.format(Locale.ROOT, "%.1f g", g[best])));
                i = j;
            } else {
                i++;
            }
        }
        // jumps: free fall long enough, then an impact within the landing window
        for (int i = 0; i < n;) {
            if (g[i] < o.freeFall()) {
                int j = i;
                while (j < n && g[j] < o.freeFall()) {
                    j++;
                }
                double air = t[j - 1] - t[i];
                if (air >= o.minAirtime()) {
                    int best = -1;
                    for (int k = j; k < n && t[k] <= t[j - 1] + LANDING_WINDOW; k++) {
                        if (g[k] >= o.impact() && (best < 0 || g[k] > g[best])) {
                            best = k;
                        }
                    }
                    if (best >= 0) {
                        out.add(Highlight.candidate(HighlightOptions.JUMP, t[i], t[best], t[best], air,
                                String.format(Locale.ROOT, "jump %.1f s air, %.1f g landing", air, g[best])));
                    }
                }
                i = j;
            } else {
                i++;
            }
        }
    }

    /**
     * Spins from a gyroscope stream (rad/s): the rotation vector integrated per axis (signed, so shaking cancels out);
     * a window of {@code spinWindow} seconds whose rotation reaches {@code spinDegrees} is a spin. Of overlapping
     * windows the one turning most is kept.
     */
    static void gyro(TimeSeries s, HighlightOptions o, List<Highlight> out) {
        int x = s.channel(Channels.GYRO_X);
        int y = s.channel(Channels.GYRO_Y);
        int z = s.channel(Channels.GYRO_Z);
        if (x < 0 || y < 0 || z < 0 || s.size() < 3) {
            return;
        }
        int n = s.size();
        double[] t = Signals.times(s);
        double[][] theta = new double[3][n];
        int[] ch = {x, y, z};
        for (int i = 1; i < n; i++) {
            double dt = t[i] - t[i - 1];
            for (int a = 0; a < 3; a++) {
                theta[a][i] = theta[a][i - 1] + 0.5 * (s.value(ch[a], i) + s.value(ch[a], i - 1)) * dt;
            }
        }
        int j = 0;
        int runStart = -1;
        double bestAngle = 0;
        int bestI = -1;
        int bestJ = -1;
        for (int i = 0; i < n; i++) {
            while (t[i] - t[j] > o.spinWindow()) {
                j++;
            }
            double dx = theta[0][i] - theta[0][j];
            double dy = theta[1][i] - theta[1][j];
            double dz = theta[2][i] - theta[2][j];
            double deg = Math.toDegrees(Math.sqrt(dx * dx + dy * dy + dz * dz));
            if (deg >= o.spinDegrees()) {
                if (runStart < 0) {
                    runStart = i;
                    bestAngle = 0;
                }
                if (deg > bestAngle) {
                    bestAngle = deg;
                    bestI = i;
                    bestJ = j;
                }
            } else if (runStart >= 0) {
                addSpin(t, bestJ, bestI, bestAngle, out);
                runStart = -1;
            }
        }
        if (runStart >= 0) {
            addSpin(t, bestJ, bestI, bestAngle, out);
        }
    }

    private static void addSpin(double[] t, int from, int to, double degrees, List<Highlight> out) {
        out.add(Highlight.candidate(HighlightOptions.SPIN, t[from], t[to], 0.5 * (t[from] + t[to]), degrees,
                String.format(Locale.ROOT, "spin %.0f°", degrees)));
    }
}
