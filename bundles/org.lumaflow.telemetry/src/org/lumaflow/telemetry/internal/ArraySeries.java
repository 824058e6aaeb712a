package org.lumaflow.telemetry.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.lumaflow.telemetry.Channel;
import org.lumaflow.telemetry.TimeSeries;

/**
 * A {@link TimeSeries} held in heap arrays: one {@code double[]} of times and one per channel. For series of bounded
 * size (GPMF, DJI, GPX); long CSV files use memory-mapped columns instead.
 */
public final class ArraySeries implements TimeSeries {

    private final String name;
    private final List<Channel> channels;
    private final double[] times;
    private final double[][] columns;
    private final int size;
    private final double gapLimit;

    /**
     * @param times strictly increasing sample times (seconds); the array is kept, not copied
     * @param columns one array per channel, each at least {@code size} long; kept, not copied
     * @param size number of samples
     * @param gapLimit neighbours further apart than this (seconds) are not interpolated between (NaN there);
     *        {@code Double.POSITIVE_INFINITY} for no limit
     */
    public ArraySeries(String name, List<Channel> channels, double[] times, double[][] columns, int size,
            double gapLimit) {
        if (columns.length != channels.size()) {
            throw new IllegalArgumentException(channels.size() + " channels but " + columns.length + " columns");
        }
        this.name = name;
        this.channels = List.copyOf(channels);
        this.times = times;
        this.columns = columns;
        this.size = size;
        this.gapLimit = gapLimit;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Channel> channels() {
        return channels;
    }

    @Override
    public int channel(String channelName) {
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).name().equals(channelName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public double time(int i) {
        return times[checked(i)];
    }

    @Override
    public double value(int channel, int i) {
        return columns[channel][checked(i)];
    }

    private int checked(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        return i;
    }

    @Override
    public int indexAt(double seconds) {
        int i = Arrays.binarySearch(times, 0, size, seconds);
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public double interpolate(int channel, double seconds) {
        if (size == 0) {
            return Double.NaN;
        }
        double[] col = columns[channel];
        int i = indexAt(seconds);
        if (i < 0) {
            return col[0];
        }
        if (i >= size - 1) {
            return col[size - 1];
        }
        double t0 = times[i];
        double t1 = times[i + 1];
        if (t1 - t0 > gapLimit) {
            return Double.NaN;
        }
        double f = (seconds - t0) / (t1 - t0);
        return col[i] + (col[i + 1] - col[i]) * f;
    }

    /** Builds an {@link ArraySeries} sample by sample (growing arrays; samples must come in time order). */
    public static final class Builder {
        private final String name;
        private final List<Channel> channels;
        private double[] times = new double[64];
        private double[][] columns;
        private int size;
        private double gapLimit = Double.POSITIVE_INFINITY;

        public Builder(String name, List<Channel> channels) {
            this.name = name;
            this.channels = new ArrayList<>(channels);
            this.columns = new double[channels.size()][64];
        }

        /** See {@link ArraySeries#ArraySeries}. */
        public Builder gapLimit(double seconds) {
            this.gapLimit = seconds;
            return this;
        }

        /** Appends a sample; returns false (and ignores it) when its time is not after the previous sample's. */
        public boolean add(double time, double... values) {
            if (size > 0 && !(time > times[size - 1])) {
                return false;
            }
            if (size == times.length) {
                int n = size * 2;
                times = Arrays.copyOf(times, n);
                for (int c = 0; c < columns.length; c++) {
                    columns[c] = Arrays.copyOf(columns[c], n);
                }
            }
            times[size] = time;
            for (int c = 0; c < columns.length; c++) {
                columns[c][size] = values[c];
            }
            size++;
            return true;
        }

        /** Samples so far. */
        public int size() {
            return size;
        }

        public ArraySeries build() {
            return new ArraySeries(name, channels, times, columns, size, gapLimit);
        }
    }
}
