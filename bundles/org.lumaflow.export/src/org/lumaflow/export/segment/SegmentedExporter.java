package org.lumaflow.export.segment;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportJob;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Segmented export (an OSGi service of the exporter): plan, encode one segment, join and check. {@link #start} does
 * all of it with a {@link SegmentExecutor}.
 */
@ProviderType
public interface SegmentedExporter {

    /**
     * Cuts the export of {@code timeline} into {@code segments} segments on frame boundaries (fewer when the range is
     * short), chooses the encoder once, saves the plan and the timeline in a new work folder beside the output.
     *
     * @throws ExportException for settings that cannot be segmented (GIF, audio only, an encoder without closed-GOP
     *         control), before anything is encoded
     */
    SegmentPlan plan(Timeline timeline, Path baseDir, ExportSettings settings, int segments) throws ExportException;

    /** Loads a plan saved by {@link #plan} (what a worker does first). */
    SegmentPlan load(Path planFile) throws ExportException;

    /**
     * Encodes segment {@code index} of {@code plan} (an IDR first, closed GOPs, the plan's encoder and settings),
     * writes it to a temporary file and commits it atomically with its hash in the manifest. When the segment is
     * already committed, returns that result without encoding again.
     */
    SegmentResult encode(SegmentPlan plan, int index, SegmentListener listener, BooleanSupplier cancelled)
            throws ExportException;

    /**
     * Joins the committed segments by stream copy into the output container with exact timestamps, encodes the
     * timeline's audio once and muxes it, runs the checks (frame count, an IDR at every segment start, each segment's
     * packets equal to the joined file's at its position, a full decode without errors, audio and video durations
     * equal) and QC as for any export, and only then renames the file into place.
     */
    ExportResult join(SegmentPlan plan, List<SegmentResult> results, ExportListener listener,
            BooleanSupplier cancelled) throws ExportException;

    /**
     * Plans, runs the segments on {@code executor} and joins, on a background thread.
     *
     * @param segments number of segments; 0 = automatic (from cores, memory and GPUs, and the executor's parallelism;
     *        where that is one local worker, the export runs as a single pass)
     */
    default ExportJob start(Timeline timeline, Path baseDir, ExportSettings settings, int segments,
            SegmentExecutor executor, ExportListener listener) throws ExportException {
        return start(timeline, baseDir, settings, segments, executor, listener, SegmentListener.none());
    }

    /**
     * As {@link #start(Timeline, Path, ExportSettings, int, SegmentExecutor, ExportListener)}, and
     * {@code segmentListener} hears the plan, every segment's state and progress and the executor's members (on the
     * export's threads).
     */
    ExportJob start(Timeline timeline, Path baseDir, ExportSettings settings, int segments, SegmentExecutor executor,
            ExportListener listener, SegmentListener segmentListener) throws ExportException;
}
