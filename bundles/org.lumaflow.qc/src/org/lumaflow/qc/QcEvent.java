package org.lumaflow.qc;

/**
 * Something a detector found: {@code black}, {@code freeze}, {@code scene} (a cut, {@code start == end}),
 * {@code clipping}, {@code silence}; and damage found while decoding: {@code damage} (packets refused, pictures
 * concealed or flagged corrupt, decoding errors, in video or audio) and {@code gap} (missing time between pictures
 * of a constant-rate stream).
 *
 * @param type   detector name
 * @param start  seconds
 * @param end    seconds (exclusive: the first frame or sample after the event)
 * @param detail a few words for people (thresholds, values)
 */
public record QcEvent(String type, double start, double end, String detail) {

    /** Length in seconds. */
    public double duration() {
        return end - start;
    }
}
