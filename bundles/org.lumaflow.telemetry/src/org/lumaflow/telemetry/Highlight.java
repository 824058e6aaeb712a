package org.lumaflow.telemetry;

import java.util.List;

/**
 * A moment worth showing, in media seconds. A candidate from one source has one kind and its raw {@code magnitude};
 * a selected highlight ({@link HighlightFinder#select}) may merge several candidates, has a normalised {@code score}
 * and its span widened by the pre/post roll.
 *
 * @param start first second of the span
 * @param end last second of the span ({@code >= start})
 * @param peak the moment itself (impact of a jump, top speed, the HiLight press)
 * @param score normalised score (weight x magnitude / the largest magnitude of its kind, plus a share of merged
 *        candidates); 0 for raw candidates
 * @param magnitude the raw size in the kind's unit (m/s, m/s², g, seconds of air time, degrees, box area; 1 for a tag)
 * @param kinds the kinds ({@link HighlightOptions#SPEED}...), strongest first
 * @param label one line for people ("jump 0.6 s air, 3.1 g landing")
 */
public record Highlight(double start, double end, double peak, double score, double magnitude, List<String> kinds,
        String label) {

    public Highlight {
        if (!(end >= start)) {
            throw new IllegalArgumentException("highlight ends before it starts: " + start + ".." + end);
        }
        kinds = List.copyOf(kinds);
    }

    /** A raw candidate of one kind. */
    public static Highlight candidate(String kind, double start, double end, double peak, double magnitude,
            String label) {
        return new Highlight(start, end, peak, 0, magnitude, List.of(kind), label);
    }

    /** Length of the span, seconds. */
    public double duration() {
        return end - start;
    }

    /** The strongest kind. */
    public String kind() {
        return kinds.isEmpty() ? "" : kinds.get(0);
    }

    /** The same highlight moved by {@code seconds} (telemetry time to media time). */
    public Highlight shifted(double seconds) {
        return new Highlight(start + seconds, end + seconds, peak + seconds, score, magnitude, kinds, label);
    }
}
