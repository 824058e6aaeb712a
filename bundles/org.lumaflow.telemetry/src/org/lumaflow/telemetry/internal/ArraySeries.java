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
public final class ArraySeries extends ColumnSeries {

    private final double[] times;
    private final double[][] columns;

    /**
     * @param times strictly increasing sample times (seconds); the array is kept, not copied
     * @param columns one array per channel, each at least {@code size} long; kept, not copied
     * @param size number of samples
     * @param gapLimit neighbours further apart than this (seconds) are not interpolated between (NaN there);
     *        {@code Double.POSITIVE_INFINITY} for no limit
     */
    public ArraySeries(String name, List<Channel> channels, double[] times, double[][] columns, int size,
            double gapLimit) {
        super(name, channels, size, gapLimit);
        if (columns.length != channels.size()) {
            throw new IllegalArgumentException(channels.size() + " channels but " + columns.length + " columns");
        }
        this.times = times;
        this.columns = columns;
    }

    @Override
    protected double t(int i) {
        return times[i];
    }

    @Override
    protected double v(int channel, int i) {
        return columns[channel][i];
    }

    /** {@link Arrays#binarySearch(double[], int, int, double)} on the array itself. */
    @Override
    public int indexAt(double seconds) {
        int i = Arrays.binarySearch(times, 0, size, seconds);
        return i >= 0 ? i : -i - 2;
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
