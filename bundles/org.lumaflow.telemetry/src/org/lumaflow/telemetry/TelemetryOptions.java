package org.lumaflow.telemetry;

import java.util.Map;

/**
 * How to read a file.
 *
 * @param maxDop GPS samples with a dilution of precision above this are dropped (and reported); GoPro's default
 *        threshold is 5.0
 * @param minFix GPS samples with a fix below this (0 none, 2 2D, 3 3D) are dropped (and reported)
 * @param columns for CSV: standard channel name (see {@link Channels}) or {@code "time"} to column header; empty =
 *        guess from the headers
 * @param timeFormat for CSV: how the time column reads ({@code "seconds"}, {@code "millis"}, {@code "iso"}), or null
 *        to guess
 */
public record TelemetryOptions(double maxDop, int minFix, Map<String, String> columns, String timeFormat) {

    public TelemetryOptions {
        columns = Map.copyOf(columns);
    }

    /** Defaults: DOP up to 5, 2D fix or better, CSV columns guessed. */
    public static TelemetryOptions defaults() {
        return new TelemetryOptions(5.0, 2, Map.of(), null);
    }
}
