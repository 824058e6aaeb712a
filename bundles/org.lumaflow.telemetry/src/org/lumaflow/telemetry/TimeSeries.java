package org.lumaflow.telemetry;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One stream of samples, stored by column: a strictly increasing time in seconds (on the telemetry's own clock: the
 * video clock for GPMF, seconds since {@link Telemetry#utcStart()} for external files) and one value per channel.
 * Look-ups are O(log n). Large series may live off the heap (memory-mapped columns), so the heap used does not grow with
 * the file's length. Implementations are immutable and thread-safe.
 */
@ProviderType
public interface TimeSeries {

    /** The stream's name ({@code "GPS5"}, {@code "ACCL"}, {@code "gpx"}, ...). */
    String name();

    /** The channels, in column order. */
    List<Channel> channels();

    /** The column of the channel called {@code name}, or -1. */
    int channel(String name);

    /** Number of samples. */
    int size();

    /** Time of sample {@code i}, seconds. */
    double time(int i);

    /** Value of channel {@code channel} at sample {@code i}. */
    double value(int channel, int i);

    /** The last sample whose time is {@code <= seconds}, or -1 when {@code seconds} is before the first (binary search). */
    int indexAt(double seconds);

    /**
     * Channel {@code channel} linearly interpolated at {@code seconds}; the first or last value outside the series; NaN
     * when the series is empty or the neighbouring samples are further apart than the series' gap limit (no data there).
     */
    double interpolate(int channel, double seconds);

    /** Mean sample rate in Hz (0 when fewer than two samples). */
    default double rate() {
        int n = size();
        return n < 2 ? 0 : (n - 1) / (time(n - 1) - time(0));
    }

    /** Time of the first sample (NaN when empty). */
    default double start() {
        return size() == 0 ? Double.NaN : time(0);
    }

    /** Time of the last sample (NaN when empty). */
    default double end() {
        return size() == 0 ? Double.NaN : time(size() - 1);
    }
}
