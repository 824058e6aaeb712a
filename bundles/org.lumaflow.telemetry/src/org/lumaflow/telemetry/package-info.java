/**
 * Telemetry: GPS, motion and sensor streams recorded beside video (GoPro GPMF, DJI SRT subtitles, GPX, CSV), read
 * into columnar {@link org.lumaflow.telemetry.TimeSeries}, aligned to the video and drawn by the overlay nodes.
 * <p>
 * {@link org.lumaflow.telemetry.TelemetryService} (an OSGi service) reads a file with the first
 * {@link org.lumaflow.telemetry.TelemetryParser} service that accepts it: a third-party bundle adds a format by
 * registering a parser. Channels use the names and SI units of {@link org.lumaflow.telemetry.Channels}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.lumaflow.telemetry;
