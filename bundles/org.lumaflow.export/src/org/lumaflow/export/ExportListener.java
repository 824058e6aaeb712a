package org.lumaflow.export;

/** Receives export events, on the export's threads (keep it quick). */
public interface ExportListener {

    /** At most about ten times a second, and once at the end. */
    void progress(ExportProgress progress);

    /** A notable event: the encoder chosen and why others were skipped, a fallback, a warning. */
    default void note(String message) {
    }

    /** A listener that ignores everything. */
    static ExportListener none() {
        return p -> {
        };
    }
}
