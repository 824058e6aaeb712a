package org.lumaflow.telemetry.internal.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.lumaflow.telemetry.Channel;
import org.lumaflow.telemetry.internal.ArraySeries;

/**
 * Collects samples for a fixed set of candidate channels, NaN where a sample lacks one, and builds an
 * {@link ArraySeries} without the channels that stayed NaN throughout (parsers of text formats whose records carry
 * varying fields: DJI SRT, GPX).
 */
public final class Columns {

    private final List<Channel> channels;
    private double[] times = new double[256];
    private double[][] cols;
    private int size;

    public Columns(List<Channel> channels) {
        this.channels = List.copyOf(channels);
        this.cols = new double[channels.size()][256];
    }

    /** Index of {@code name} among the candidate channels (-1 when absent). */
    public int index(String name) {
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Appends a sample whose values are all NaN; fill them with {@link #set}. False when {@code t} is not later. */
    public boolean add(double t) {
        if (size > 0 && !(t > times[size - 1])) {
            return false;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            for (int c = 0; c < cols.length; c++) {
                cols[c] = Arrays.copyOf(cols[c], size * 2);
            }
        }
        times[size] = t;
        for (double[] c : cols) {
            c[size] = Double.NaN;
        }
        size++;
        return true;
    }

    /** Sets channel {@code c} of the last sample. */
    public void set(int c, double v) {
        cols[c][size - 1] = v;
    }

    public double get(int c, int i) {
        return cols[c][i];
    }

    public double time(int i) {
        return times[i];
    }

    public int size() {
        return size;
    }

    /** Drops the last sample. */
    public void removeLast() {
        size--;
    }

    /**
     * Fills channel {@code speed} where it is NaN with the ground speed from the positions in channels {@code lat},
     * {@code lon}: distance over time across a window of about {@code window} seconds centred on each sample. A step
     * faster than {@code maxStep} m/s (a GPS glitch, or files joined end to end) splits the track: no window spans it.
     *
     * @return the number of such splits
     */
    public int speedFromPositions(int lat, int lon, int speed, double window, double maxStep) {
        int[] seg = new int[size];
        int splits = 0;
        for (int i = 1; i < size; i++) {
            double dt = times[i] - times[i - 1];
            double d = Geo.distance(cols[lat][i - 1], cols[lon][i - 1], cols[lat][i], cols[lon][i]);
            if (d > maxStep * dt && d > 5) {
                splits++;
            }
            seg[i] = splits;
        }
        int j0 = 0;
        int j1 = 0;
        for (int i = 0; i < size; i++) {
            while (j0 < i && (times[i] - times[j0] > window / 2 || seg[j0] != seg[i])) {
                j0++;
            }
            j1 = Math.max(j1, i);
            while (j1 + 1 < size && times[j1 + 1] - times[i] <= window / 2 && seg[j1 + 1] == seg[i]) {
                j1++;
            }
            if (!Double.isNaN(cols[speed][i])) {
                continue;
            }
            int a = j0 == i && i > 0 && seg[i - 1] == seg[i] ? i - 1 : j0;
            int b = j1 == i && i + 1 < size && seg[i + 1] == seg[i] ? i + 1 : j1;
            double dt = times[b] - times[a];
            if (dt > 0 && !Double.isNaN(cols[lat][a]) && !Double.isNaN(cols[lat][b])) {
                cols[speed][i] = Geo.distance(cols[lat][a], cols[lon][a], cols[lat][b], cols[lon][b]) / dt;
            }
        }
        return splits;
    }

    /** The series, without channels that are NaN in every sample. */
    public ArraySeries build(String name, double gapLimit) {
        List<Channel> keep = new ArrayList<>();
        List<double[]> data = new ArrayList<>();
        for (int c = 0; c < cols.length; c++) {
            boolean any = false;
            for (int i = 0; i < size && !any; i++) {
                any = !Double.isNaN(cols[c][i]);
            }
            if (any) {
                keep.add(channels.get(c));
                data.add(cols[c]);
            }
        }
        return new ArraySeries(name, keep, times, data.toArray(new double[0][]), size, gapLimit);
    }
}
