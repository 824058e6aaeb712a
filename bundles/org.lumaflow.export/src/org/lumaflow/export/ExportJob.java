package org.lumaflow.export;

import java.time.Duration;

/** A running export. */
public interface ExportJob {

    /** Asks the export to stop; it stops within about half a second and leaves the destination untouched. */
    void cancel();

    /** Whether it finished (successfully or not). */
    boolean isDone();

    /** Waits for the end. */
    ExportResult await() throws ExportException, InterruptedException;

    /** Waits at most {@code timeout}; null when still running. */
    ExportResult await(Duration timeout) throws ExportException, InterruptedException;
}
