/**
 * Segmented export: a timeline range cut into segments on frame boundaries, each encoded independently (an IDR first,
 * closed GOPs, one encoder chosen once for all), possibly on other processes or machines, then joined by stream copy
 * with the audio encoded once, checked, and renamed into place.
 * <p>
 * {@link org.lumaflow.export.segment.SegmentedExporter} (provided by the exporter) plans, encodes one segment, joins
 * and checks; a {@link org.lumaflow.export.segment.SegmentExecutor} service runs the segments somewhere: local worker
 * processes (the exporter's own) or a cluster (the {@code org.lumaflow.cluster} bundle), and farm managers can add
 * theirs the same way.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.lumaflow.export.segment;
