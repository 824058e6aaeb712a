package org.lumaflow.telemetry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads telemetry files with the registered {@link TelemetryParser}s and aligns them to media (an OSGi service).
 * Results are cached per file (path, size, modification time) while the service lives.
 */
@ProviderType
public interface TelemetryService {

    /** The format ids of the parsers registered now. */
    List<String> formats();

    /** {@link #read(Path, TelemetryOptions)} with {@link TelemetryOptions#defaults()}. */
    Telemetry read(Path file) throws IOException;

    /**
     * Reads {@code file} with the first parser that accepts it.
     *
     * @throws TelemetryException when no parser accepts it, or it is broken (naming file and position)
     */
    Telemetry read(Path file, TelemetryOptions options) throws IOException;

    /**
     * How {@code telemetry} lines up with {@code media}: the video clock when the telemetry came from that file, else
     * GPS UTC against the media's start, else the media's creation time, else {@code manualOffset} (0 when null); with
     * {@code correlate}, an offset found by matching telemetry motion to video motion replaces the weaker methods when
     * it is confident.
     */
    Alignment align(Telemetry telemetry, Path media, Double manualOffset, boolean correlate) throws IOException;
}
