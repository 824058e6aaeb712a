package org.lumaflow.ui.internal.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;

/**
 * Ripple delete: removes a clip and closes the gap it leaves. The gap is the part of the clip's span that no other
 * clip of its track covers once it is gone (a clip joined by a transition leaves only its unshared part); every clip
 * of that track starting at or after the gap, and of every other unlocked track starting at or after the gap's end,
 * moves left by the gap's length, so tracks stay in sync. Locked tracks never move; an unlocked track that has a clip
 * inside the closing span refuses the edit (moving it would overlap), naming the track.
 */
final class RippleDelete {

    private RippleDelete() {
    }

    static Edit of(Timeline timeline, Track track, Clip clip) {
        TrackEdits.checkUnlocked(track);
        List<Transition> dropped = Edits.transitionsOf(track, clip.id());
        int index = track.clips().indexOf(clip);
        long prevEnd = Long.MIN_VALUE;
        long nextStart = Long.MAX_VALUE;
        for (Clip c : track.clips()) {
            if (c == clip) {
                continue;
            }
            if (c.start() < clip.start()) {
                prevEnd = Math.max(prevEnd, c.end());
            } else {
                nextStart = Math.min(nextStart, c.start());
            }
        }
        long gapStart = Math.max(clip.start(), prevEnd);
        long gapEnd = Math.min(clip.end(), nextStart);
        long shift = Math.max(0, gapEnd - gapStart);
        Map<Clip, Long> moves = new IdentityHashMap<>();
        if (shift > 0) {
            for (Track t : timeline.tracks()) {
                if (t != track && t.locked()) {
                    continue;
                }
                for (Clip c : t.clips()) {
                    if (c == clip) {
                        continue;
                    }
                    boolean after = t == track ? c.start() >= clip.start() : c.start() >= gapEnd;
                    if (after) {
                        moves.put(c, c.start());
                    } else if (t != track && c.end() > gapStart) {
                        throw new IllegalStateException("ripple delete would move clips of track '" + t.name()
                                + "' over clip '" + c.name() + "': lock that track or make room first");
                    }
                }
            }
        }
        List<Clip> moved = new ArrayList<>(moves.keySet());
        return new Edits.Simple("Ripple delete clip '" + clip.name() + "'", Change.TIMELINE, () -> {
            track.clips().remove(clip);
            track.transitions().removeAll(dropped);
            moved.forEach(c -> c.setStart(moves.get(c) - shift));
        }, () -> {
            moved.forEach(c -> c.setStart(moves.get(c)));
            track.clips().add(Math.min(index, track.clips().size()), clip);
            track.transitions().addAll(dropped);
        });
    }
}
