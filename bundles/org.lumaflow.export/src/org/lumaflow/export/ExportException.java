package org.lumaflow.export;

import java.io.IOException;

/** An export failed (or was cancelled); the destination was left as it was and no temporary file remains. */
public class ExportException extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean cancelled;

    public ExportException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public ExportException(String message, Throwable cause, boolean cancelled) {
        super(message, cause);
        this.cancelled = cancelled;
    }

    /** Whether the export stopped because it was cancelled. */
    public boolean cancelled() {
        return cancelled;
    }
}
