package org.lumaflow.telemetry;

/**
 * A moment marked in the telemetry: a GoPro HiLight (the user pressed the button), a lap, a marker.
 *
 * @param seconds the time on the telemetry's clock
 * @param kind {@code "hilight"}, {@code "lap"}, ...
 * @param label free text, or empty
 */
public record Tag(double seconds, String kind, String label) {
}
