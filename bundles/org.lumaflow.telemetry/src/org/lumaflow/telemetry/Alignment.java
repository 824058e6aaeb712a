package org.lumaflow.telemetry;

/**
 * How telemetry time maps to media time: {@code mediaSeconds = telemetrySeconds + offset}.
 *
 * @param offset seconds to add to telemetry time
 * @param method how the offset was found
 * @param reason one line for the user: what was used and why ("GPS UTC 2017-03-22T19:21:48Z matches the media's
 *        creation time within 0.4 s")
 */
public record Alignment(double offset, Method method, String reason) {

    /** How an offset was found, in the order they are tried. */
    public enum Method {
        /** The telemetry is on the video's own clock (GPMF inside the file). */
        VIDEO_CLOCK,
        /** GPS UTC times against the media's start time. */
        GPS_UTC,
        /** The media's creation time against the telemetry's start. */
        CREATION_TIME,
        /** An offset given by the user. */
        MANUAL,
        /** Found by correlating the telemetry's speed/motion with the video's motion. */
        CORRELATION
    }
}
