package org.lumaflow.ui.internal.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;

/** A track's clips (their order, start, in point and length) and transitions at one moment: the undo of complex edits. */
final class TrackState {

    private final Track track;
    private final List<Clip> clips;
    private final Map<Clip, long[]> times = new IdentityHashMap<>();
    private final List<Transition> transitions;

    private TrackState(Track track) {
        this.track = track;
        this.clips = new ArrayList<>(track.clips());
        for (Clip c : clips) {
            times.put(c, new long[] {c.start(), c.in(), c.duration()});
        }
        this.transitions = new ArrayList<>(track.transitions());
    }

    static TrackState of(Track track) {
        return new TrackState(track);
    }

    void restore() {
        track.clips().clear();
        track.clips().addAll(clips);
        for (Clip c : clips) {
            long[] t = times.get(c);
            c.setStart(t[0]);
            c.trim(t[1], t[2]);
        }
        track.transitions().clear();
        track.transitions().addAll(transitions);
    }

    /** An edit that moves {@code track} between two recorded states. */
    static Edit edit(String label, TrackState before, TrackState after) {
        return new Edits.Simple(label, Change.TIMELINE, after::restore, before::restore);
    }
}
