package org.lumaflow.telemetry.internal.service;

import java.util.ArrayList;
import java.util.List;

import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TimeSeries;

/**
 * The telemetry side of motion correlation: the best motion channel the telemetry has, on the {@link MotionSignal}
 * grid: the gyro magnitude (rotation rate, what moves the picture most), else the acceleration magnitude's deviation
 * from its mean, else the speed (a moving camera's picture changes faster the faster it goes).
 */
final class TelemetryMotion {

    private static final String[] GYRO = {Channels.GYRO_X, Channels.GYRO_Y, Channels.GYRO_Z};
    private static final String[] ACCEL = {Channels.ACCEL_X, Channels.ACCEL_Y, Channels.ACCEL_Z};

    private TelemetryMotion() {
    }

    /**
     * The first motion channel of {@code t} that is not flat between telemetry seconds {@code from} and {@code to}
     * (the first one found when all are flat), or null when the telemetry has none.
     */
    static MotionSignal of(Telemetry t, double from, double to) {
        List<MotionSignal> found = new ArrayList<>();
        TimeSeries gyro = withAny(t, GYRO);
        if (gyro != null) {
            found.add(magnitude(gyro, GYRO, from, to, "gyro magnitude (" + gyro.name() + ")"));
        }
        TimeSeries accel = withAny(t, ACCEL);
        if (accel != null) {
            MotionSignal a = magnitude(accel, ACCEL, from, to, "acceleration magnitude minus its mean ("
                    + accel.name() + ")");
            double m = a.mean();
            double[] v = a.values();
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.abs(v[i] - m);
            }
            found.add(a);
        }
        for (String ch : new String[] {Channels.SPEED_3D, Channels.SPEED_2D}) {
            TimeSeries speed = withAny(t, ch);
            if (speed != null) {
                found.add(magnitude(speed, new String[] {ch}, from, to, "speed (" + speed.name() + "." + ch + ")"));
            }
        }
        for (MotionSignal s : found) {
            if (s.spread() > 1e-9 * (1 + Math.abs(s.mean()))) {
                return s;
            }
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static TimeSeries withAny(Telemetry t, String... channels) {
        for (TimeSeries s : t.streams().values()) {
            for (String c : channels) {
                if (s.channel(c) >= 0 && s.size() > 1) {
                    return s;
                }
            }
        }
        return null;
    }

    /** The Euclidean norm of the {@code names} channels present, binned from {@code from} to {@code to}. */
    private static MotionSignal magnitude(TimeSeries s, String[] names, double from, double to, String what) {
        int[] cols = new int[names.length];
        int n = 0;
        for (String name : names) {
            int c = s.channel(name);
            if (c >= 0) {
                cols[n++] = c;
            }
        }
        double start = Math.max(from, s.start());
        MotionSignal.Bins bins = new MotionSignal.Bins(start, MotionSignal.RATE);
        for (int i = Math.max(0, s.indexAt(start)); i < s.size(); i++) {
            double time = s.time(i);
            if (time > to) {
                break;
            }
            double sq = 0;
            for (int k = 0; k < n; k++) {
                double v = s.value(cols[k], i);
                sq += v * v;
            }
            bins.add(time, Math.sqrt(sq));
        }
        return bins.finish(what);
    }
}
