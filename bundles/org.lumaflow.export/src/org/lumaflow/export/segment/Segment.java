package org.lumaflow.export.segment;

/**
 * One segment of a plan.
 *
 * @param index 0-based position in the plan
 * @param firstFrame first timeline frame (at the timeline's rate)
 * @param frames number of frames (> 0)
 * @param file where the committed segment goes (MPEG-TS or Matroska, in the plan's work folder)
 */
public record Segment(int index, long firstFrame, long frames, String file) {
}
