package org.lumaflow.telemetry.internal.highlights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lumaflow.core.time.Ticks;
import org.lumaflow.perception.Detection;
import org.lumaflow.perception.ObjectSample;
import org.lumaflow.perception.ObjectTrack;
import org.lumaflow.telemetry.Highlight;
import org.lumaflow.telemetry.HighlightOptions;

/**
 * Candidates from object detection: runs of analysed frames showing people (or vehicles) whose largest box covers at
 * least {@value #MIN_AREA} of the picture; magnitude = the largest box area of the run times (1 + 0.25 per extra
 * object at that frame), so big and many rank higher. Times are media seconds.
 */
public final class DetectionCandidates {

    /** Boxes smaller than this fraction of the picture do not count. */
    static final double MIN_AREA = 0.01;

    private DetectionCandidates() {
    }

    /** The people and vehicle candidates of {@code track}. */
    public static List<Highlight> of(ObjectTrack track) {
        List<Highlight> out = new ArrayList<>();
        runs(track, Detection.Kind.PERSON, HighlightOptions.PEOPLE, out);
        runs(track, Detection.Kind.VEHICLE, HighlightOptions.VEHICLES, out);
        return out;
    }

    private static void runs(ObjectTrack track, Detection.Kind kind, String name, List<Highlight> out) {
        List<ObjectSample> s = track.samples();
        for (int i = 0; i < s.size();) {
            if (s.get(i).largest(kind) < MIN_AREA) {
                i++;
                continue;
            }
            int j = i;
            double best = 0;
            int bestAt = i;
            int most = 0;
            while (j < s.size() && s.get(j).largest(kind) >= MIN_AREA) {
                ObjectSample smp = s.get(j);
                double m = smp.largest(kind) * (1 + 0.25 * (smp.count(kind) - 1));
                if (m > best) {
                    best = m;
                    bestAt = j;
                }
                most = Math.max(most, smp.count(kind));
                j++;
            }
            double t0 = Ticks.toSeconds(s.get(i).ticks());
            double t1 = Ticks.toSeconds(s.get(j - 1).ticks());
            out.add(Highlight.candidate(name, t0, t1, Ticks.toSeconds(s.get(bestAt).ticks()), best,
                    String.format(Locale.ROOT, "%d %s, largest %.0f%% of the picture", most,
                            kind == Detection.Kind.PERSON ? (most == 1 ? "person" : "people")
                                    : (most == 1 ? "vehicle" : "vehicles"),
                            100 * s.get(bestAt).largest(kind))));
            i = j;
        }
    }
}
