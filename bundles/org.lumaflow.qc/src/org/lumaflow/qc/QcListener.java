package org.lumaflow.qc;

/** Progress of a QC run; return false from {@link #progress} to cancel. */
@FunctionalInterface
public interface QcListener {

    /** {@code done} of {@code total} frames analysed (total may be an estimate). */
    boolean progress(long done, long total);
}
