package org.lumaflow.live;

/**
 * A live failure with a message for people: it names the source, output or file concerned (secrets masked with
 * {@link Secrets#mask}) and never an exception class name.
 */
public class LiveException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public LiveException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause} (kept for logs, not shown to users). */
    public LiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
