package org.lumaflow.telemetry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads one telemetry format; registered as an OSGi service (whiteboard), so a bundle adds a format (FIT, RaceChrono,
 * Insta360...) without touching this one. Implementations are stateless and thread-safe.
 */
@ConsumerType
public interface TelemetryParser {

    /** The format id ({@code "gpmf"}). */
    String format();

    /** File name extensions this parser usually reads, lower case without the dot. */
    List<String> extensions();

    /**
     * Whether this parser reads {@code file}; {@code head} holds its first bytes (up to 4 KiB, read-only, position 0).
     */
    boolean accepts(Path file, ByteBuffer head);

    /**
     * Reads the file.
     *
     * @throws TelemetryException when the file is broken or holds no telemetry (the message names file and position)
     * @throws IOException when it cannot be read
     */
    Telemetry read(Path file, TelemetryOptions options) throws IOException;
}
