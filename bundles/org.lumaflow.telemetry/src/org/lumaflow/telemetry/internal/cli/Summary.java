package org.lumaflow.telemetry.internal.cli;

import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TimeSeries;
import org.lumaflow.telemetry.internal.service.Geo;

/** Figures of a telemetry file for the summary: distance, top speed, fix quality. */
record Summary(double distance, double maxSpeed, double maxSpeedAt, int gpsSamples, int fix3d, double meanDop) {

    /** Steps faster than this (m/s) are GPS glitches and not counted in the distance. */
    private static final double GLITCH = 350;

    static Summary of(Telemetry t) {
        TimeSeries g = t.gps();
        if (g == null || g.size() == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, 0, 0, Double.NaN);
        }
        int lat = g.channel(Channels.LAT);
        int lon = g.channel(Channels.LON);
        int sp = g.channel(Channels.SPEED_2D);
        int fix = g.channel(Channels.FIX);
        int dop = g.channel(Channels.DOP);
        double dist = 0;
        double max = Double.NaN;
        double maxAt = Double.NaN;
        int f3 = 0;
        double dopSum = 0;
        int dopN = 0;
        for (int i = 0; i < g.size(); i++) {
            if (i > 0) {
                double d = Geo.distance(g.value(lat, i - 1), g.value(lon, i - 1), g.value(lat, i), g.value(lon, i));
                double dt = g.time(i) - g.time(i - 1);
                if (Double.isFinite(d) && d <= GLITCH * dt + 5) {
                    dist += d;
                }
            }
            if (sp >= 0) {
                double v = g.value(sp, i);
                if (!Double.isNaN(v) && (Double.isNaN(max) || v > max)) {
                    max = v;
                    maxAt = g.time(i);
                }
            }
            if (fix >= 0 && g.value(fix, i) >= 3) {
                f3++;
            }
            if (dop >= 0 && !Double.isNaN(g.value(dop, i))) {
                dopSum += g.value(dop, i);
                dopN++;
            }
        }
        return new Summary(dist, max, maxAt, g.size(), fix >= 0 ? f3 : -1, dopN == 0 ? Double.NaN : dopSum / dopN);
    }
}
