package org.lumaflow.export.segment;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.lumaflow.export.ExportException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs the segments of a plan somewhere: registered as an OSGi service with a {@link #name()}; the exporter's own
 * implementation ({@code local}) runs them as worker processes of the product, the cluster bundle's
 * ({@code hazelcast}) as durable tasks on cluster members. Each worker loads the plan ({@link SegmentPlan#planFile()})
 * and calls {@link SegmentedExporter#encode} for its segment.
 */
@ConsumerType
public interface SegmentExecutor {

    /** The executor's name ({@code local}, {@code hazelcast}, ...). */
    String name();

    /**
     * This executor configured by {@code options} (executor-specific, e.g. {@code cluster} and {@code members} for
     * {@code hazelcast}); the default ignores them and returns this executor.
     *
     * @throws IllegalArgumentException for an option value the executor cannot use
     */
    default SegmentExecutor with(java.util.Map<String, String> options) {
        return this;
    }

    /** How many segments it can run at once now (workers, members x slots); at least 1. */
    int parallelism();

    /**
     * Runs every segment of {@code plan} to a committed result, retrying a failed or lost segment a bounded number of
     * times (a duplicate run is harmless: the first commit wins), until all are done or {@code cancelled} says stop.
     *
     * @return the results in segment order
     * @throws ExportException when a segment fails for good (naming the segment, the worker and why), or on cancel
     */
    List<SegmentResult> run(SegmentPlan plan, SegmentListener listener, BooleanSupplier cancelled)
            throws ExportException;
}
