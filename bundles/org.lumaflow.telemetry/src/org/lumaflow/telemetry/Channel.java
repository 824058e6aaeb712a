package org.lumaflow.telemetry;

/**
 * One channel of a {@link TimeSeries}.
 *
 * @param name the channel's name (see {@link Channels} for the standard ones)
 * @param unit its unit ({@code "m/s"}, {@code "deg"}, {@code ""} when unitless)
 */
public record Channel(String name, String unit) {
}
