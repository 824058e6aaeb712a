package org.lumaflow.telemetry.internal;

import java.util.List;

import org.lumaflow.telemetry.Channel;
import org.lumaflow.telemetry.TimeSeries;

/**
 * The look-ups every columnar {@link TimeSeries} shares (channel by name, bounds checks, binary search, interpolation
 * with a gap limit); subclasses only say where the times and the columns live ({@link #t}, {@link #v}).
 */
public abstract class ColumnSeries implements TimeSeries {

    private final String name;
    private final List<Channel> channels;
    /** Number of samples. */
    protected final int size;
    private final double gapLimit;

    /**
     * @param gapLimit neighbours further apart than this (seconds) are not interpolated between (NaN there);
     *        {@code Double.POSITIVE_INFINITY} for no limit
     */
    protected ColumnSeries(String name, List<Channel> channels, int size, double gapLimit) {
        this.name = name;
        this.channels = List.copyOf(channels);
        this.size = size;
        this.gapLimit = gapLimit;
    }

    /** Time of sample {@code i}, unchecked ({@code 0 <= i < size}). */
    protected abstract double t(int i);

    /** Value of {@code channel} at sample {@code i}, unchecked. */
    protected abstract double v(int channel, int i);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<Channel> channels() {
        return channels;
    }

    @Override
    public final int channel(String channelName) {
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).name().equals(channelName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public final int size() {
        return size;
    }

    @Override
    public final double time(int i) {
        return t(checked(i));
    }

    @Override
    public final double value(int channel, int i) {
        return v(channel, checked(i));
    }

    private int checked(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        return i;
    }

    @Override
    public int indexAt(double seconds) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            double t = t(mid);
            if (t < seconds) {
                lo = mid + 1;
            } else if (t > seconds) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return lo - 1;
    }

    @Override
    public final double interpolate(int channel, double seconds) {
        if (size == 0) {
            return Double.NaN;
        }
        int i = indexAt(seconds);
        if (i < 0) {
            return v(channel, 0);
        }
        if (i >= size - 1) {
            return v(channel, size - 1);
        }
        double t0 = t(i);
        double t1 = t(i + 1);
        if (t1 - t0 > gapLimit) {
            return Double.NaN;
        }
        double a = v(channel, i);
        double f = (seconds - t0) / (t1 - t0);
        return a + (v(channel, i + 1) - a) * f;
    }
}
