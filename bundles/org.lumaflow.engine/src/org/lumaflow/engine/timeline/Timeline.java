package org.lumaflow.engine.timeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tracks of clips in one picture format. Mutable; every structural edit must be followed by {@link #touch()} so
 * renderers recompile (parameter edits inside nodes also count as edits).
 */
public final class Timeline {

    private final VideoFormat format;
    private final List<Track> tracks = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private long start;
    private volatile long revision;

    /** An empty timeline. */
    public Timeline(VideoFormat format) {
        this.format = format;
    }

    /** The picture format. */
    public VideoFormat format() {
        return format;
    }

    /** Tracks, bottom first (mutable). */
    public List<Track> tracks() {
        return tracks;
    }

    /** Timeline markers in timeline ticks (mutable). */
    public List<Marker> markers() {
        return markers;
    }

    /** Free-form metadata saved with the project (namespaced keys), mutable. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Global start time in ticks: the timecode of timeline time 0 (0 by default; not negative). */
    public long start() {
        return start;
    }

    /** Sets the global start time (ticks, not negative). */
    public void setStart(long ticks) {
        if (ticks < 0) {
            throw new IllegalArgumentException("timeline start must not be negative");
        }
        this.start = ticks;
    }

    /** Whether any track is soloed. */
    public boolean anySolo() {
        for (Track t : tracks) {
            if (t.solo()) {
                return true;
            }
        }
        return false;
    }

    /** Increases with every {@link #touch()}. */
    public long revision() {
        return revision;
    }

    /** Marks the timeline as edited. */
    public void touch() {
        revision++;
    }

    /** End of the last clip, ticks. */
    public long duration() {
        long end = 0;
        for (Track t : tracks) {
            for (Clip c : t.clips()) {
                end = Math.max(end, c.end());
            }
        }
        return end;
    }

    /** Number of frames at the project rate (the last partial frame counts). */
    public long frameCount() {
        return format.rate().ticksToFrame(duration(), java.math.RoundingMode.CEILING);
    }

    /** Checks ids, overlaps and transitions; returns one sentence per problem (empty when valid). */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Track t : tracks) {
            for (Clip c : t.clips()) {
                if (!ids.add(c.id())) {
                    problems.add("clip id '" + c.id() + "' is used twice");
                }
            }
            List<Clip> sorted = new ArrayList<>(t.clips());
            sorted.sort(java.util.Comparator.comparingLong(Clip::start));
            for (int i = 0; i + 1 < sorted.size(); i++) {
                Clip a = sorted.get(i);
                for (int j = i + 1; j < sorted.size() && sorted.get(j).start() < a.end(); j++) {
                    Clip b = sorted.get(j);
                    if (t.transition(a.id(), b.id()) == null) {
                        problems.add("clips '" + a.id() + "' and '" + b.id() + "' overlap on track '" + t.name()
                                + "' without a transition");
                    } else if (b.end() <= a.end()) {
                        problems.add("transition '" + a.id() + "' -> '" + b.id() + "' on track '" + t.name()
                                + "': '" + b.id() + "' must end after '" + a.id() + "'");
                    }
                    if (j > i + 1) {
                        problems.add("more than two clips overlap at '" + b.id() + "' on track '" + t.name() + "'");
                    }
                }
            }
            for (Transition tr : t.transitions()) {
                Clip a = find(t, tr.from());
                Clip b = find(t, tr.to());
                if (a == null || b == null) {
                    problems.add("transition on track '" + t.name() + "' names a clip that is not on the track: '"
                            + (a == null ? tr.from() : tr.to()) + "'");
                } else if (!(b.start() < a.end() && b.start() >= a.start())) {
                    problems.add("transition '" + a.id() + "' -> '" + b.id() + "' on track '" + t.name()
                            + "' needs '" + b.id() + "' to start while '" + a.id() + "' plays (their overlap is the transition)");
                }
            }
        }
        return problems;
    }

    private static Clip find(Track t, String id) {
        for (Clip c : t.clips()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }
}
