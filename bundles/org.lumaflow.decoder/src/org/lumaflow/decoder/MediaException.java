package org.lumaflow.decoder;

import java.io.IOException;
import java.nio.file.Path;

/** A media file could not be opened, probed or decoded. The message always names the file. */
public class MediaException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** {@code file}: the input the problem is about; the message is prefixed with it. */
    public MediaException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    /** The file the problem is about. */
    public Path file() {
        return file;
    }
}
