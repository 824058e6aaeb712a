package org.lumaflow.qc;

/** A QC run that could not be done; the message names the input and the reason. */
public class QcException extends Exception {

    private static final long serialVersionUID = 1L;

    public QcException(String message, Throwable cause) {
        super(message, cause);
    }
}
