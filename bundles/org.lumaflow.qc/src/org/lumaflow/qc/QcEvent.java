package org.lumaflow.qc;

/**
 * Something a detector found: {@code black}, {@code freeze}, {@code scene} (a cut, {@code start == end}),
 * {@code clipping}, {@code silence}.
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
