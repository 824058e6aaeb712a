package org.lumaflow.telemetry.internal.highlights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.lumaflow.telemetry.Highlight;
import org.lumaflow.telemetry.HighlightOptions;

/**
 * Scores, merges, spreads and trims candidates. Deterministic: ties go to the earlier peak.
 * <ol>
 * <li>score = weight(kind) x magnitude / the largest magnitude of that kind among the candidates</li>
 * <li>candidates whose spans overlap (or come within {@value #MERGE_GAP} s) merge: the span covers both, the peak
 * and magnitude are the best one's, score = best + {@value #MERGE_SHARE} x the others' (coinciding events, e.g. a
 * jump, its landing's g peak and a HiLight, rank higher together)</li>
 * <li>best first, a highlight is kept when its peak is at least {@code spacing} from every kept one, until
 * {@code top}</li>
 * <li>the span gets the pre/post roll, clamped to the media</li>
 * </ol>
 */
final class Selection {

    static final double MERGE_GAP = 0.5;
    static final double MERGE_SHARE = 0.25;

    private static final Comparator<Highlight> BEST_FIRST = Comparator.comparingDouble(Highlight::score).reversed()
            .thenComparingDouble(Highlight::peak);

    private Selection() {
    }

    static List<Highlight> select(List<Highlight> candidates, double mediaDuration, HighlightOptions o) {
        boolean bounded = mediaDuration > 0;
        List<Highlight> inside = new ArrayList<>();
        Map<String, Double> max = new HashMap<>();
        for (Highlight c : candidates) {
            if (c.peak() >= 0 && (!bounded || c.peak() <= mediaDuration) && c.magnitude() > 0) {
                inside.add(c); // not outside the media (telemetry longer than the video), something to rank
                max.merge(c.kind(), c.magnitude(), Math::max);
            }
        }
        List<Highlight> scored = new ArrayList<>();
        for (Highlight c : inside) {
            double s = o.weight(c.kind()) * c.magnitude() / max.get(c.kind());
            scored.add(new Highlight(c.start(), c.end(), c.peak(), s, c.magnitude(), c.kinds(), c.label()));
        }
        List<Highlight> merged = merge(scored);
        merged.sort(BEST_FIRST);
        List<Highlight> kept = new ArrayList<>();
        for (Highlight h : merged) {
            if (kept.size() >= o.top()) {
                break;
            }
            boolean far = true;
            for (Highlight k : kept) {
                far &= Math.abs(k.peak() - h.peak()) >= o.spacing();
            }
            if (far) {
                kept.add(h);
            }
        }
        List<Highlight> out = new ArrayList<>();
        for (Highlight h : kept) {
            double start = Math.max(0, h.start() - o.pre());
            double end = h.end() + o.post();
            if (bounded) {
                end = Math.min(mediaDuration, end);
                start = Math.min(start, end);
            }
            out.add(new Highlight(start, end, h.peak(), h.score(), h.magnitude(), h.kinds(), h.label()));
        }
        out.sort(Comparator.comparingDouble(Highlight::start).thenComparingDouble(Highlight::peak));
        return out;
    }

    /** Merges candidates whose spans overlap or nearly touch. */
    static List<Highlight> merge(List<Highlight> scored) {
        List<Highlight> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble(Highlight::start).thenComparingDouble(Highlight::peak));
        List<Highlight> out = new ArrayList<>();
        List<Highlight> group = new ArrayList<>();
        double groupEnd = Double.NEGATIVE_INFINITY;
        for (Highlight h : sorted) {
            if (!group.isEmpty() && h.start() > groupEnd + MERGE_GAP) {
                out.add(combine(group));
                group.clear();
            }
            group.add(h);
            groupEnd = group.size() == 1 ? h.end() : Math.max(groupEnd, h.end());
        }
        if (!group.isEmpty()) {
            out.add(combine(group));
        }
        return out;
    }

    private static Highlight combine(List<Highlight> group) {
        if (group.size() == 1) {
            return group.get(0);
        }
        List<Highlight> byScore = new ArrayList<>(group);
        byScore.sort(BEST_FIRST);
        Highlight best = byScore.get(0);
        double start = Double.POSITIVE_INFINITY;
        double end = Double.NEGATIVE_INFINITY;
        double others = 0;
        LinkedHashSet<String> kinds = new LinkedHashSet<>();
        List<String> labels = new ArrayList<>();
        for (Highlight h : byScore) {
            start = Math.min(start, h.start());
            end = Math.max(end, h.end());
            if (h != best) {
                others += h.score();
            }
            kinds.addAll(h.kinds());
            if (!labels.contains(h.label())) {
                labels.add(h.label());
            }
        }
        return new Highlight(start, end, best.peak(), best.score() + MERGE_SHARE * others, best.magnitude(),
                new ArrayList<>(kinds), String.join(", ", labels));
    }
}
