package org.lumaflow.telemetry;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A telemetry file that cannot be read. The message names the file and the position ({@code "flight.SRT:214: ..."},
 * {@code "clip.mp4: GPMF packet 12, offset 0x3a0: ..."}), never an exception class.
 */
public class TelemetryException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String position;

    /**
     * @param file the file
     * @param position where in the file ({@code "line 214"}, {@code "offset 0x3a0"}), or null
     * @param message what is wrong and, where it helps, what to do
     */
    public TelemetryException(Path file, String position, String message) {
        super(format(file, position, message));
        this.file = file;
        this.position = position;
    }

    /** As {@link #TelemetryException(Path, String, String)}, with the cause kept for debugging. */
    public TelemetryException(Path file, String position, String message, Throwable cause) {
        super(format(file, position, message), cause);
        this.file = file;
        this.position = position;
    }

    private static String format(Path file, String position, String message) {
        String name = file == null ? "telemetry" : file.getFileName() == null ? file.toString()
                : file.getFileName().toString();
        return position == null || position.isEmpty() ? name + ": " + message : name + ": " + position + ": " + message;
    }

    /** The file, or null. */
    public Path file() {
        return file;
    }

    /** Where in the file, or null. */
    public String position() {
        return position;
    }
}
