package org.lumaflow.cli;

/** Bad command-line arguments; the CLI prints the message and the command's usage, and exits with 2. */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A usage error described by {@code message}. */
    public UsageException(String message) {
        super(message);
    }
}
