package org.lumaflow.export.segment;

/** Events of a segmented export, on any thread (keep it quick). */
public interface SegmentListener {

    /** Segment {@code index} has encoded {@code frames} of its frames (at most about ten times a second). */
    default void progress(int index, long frames) {
    }

    /** Segment {@code index} changed state ({@code queued}, {@code running on W}, {@code retry 2: why}, {@code done}). */
    default void state(int index, String state) {
    }

    /** The plan, once made and before any segment runs (what {@link SegmentedExporter#start} reports first). */
    default void planned(SegmentPlan plan) {
    }

    /**
     * Who runs the segments ({@code host:port, N slots} per cluster member), at the start and whenever it changes;
     * executors that cannot tell never call it.
     */
    default void members(java.util.List<String> members) {
    }

    /** A listener that ignores everything. */
    static SegmentListener none() {
        return new SegmentListener() {
        };
    }
}
