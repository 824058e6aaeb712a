package org.lumaflow.ui.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;

/**
 * Putting clips on a track as editors do, as undoable edits: <b>insert</b> (everything from the point moves right, a
 * clip under the point is split), <b>overwrite</b> (the clip replaces whatever its span covers: clips are trimmed,
 * split or removed), <b>paste</b> (copies of clips, overwriting at a time), and <b>a transition with a default
 * length</b> between two clips that meet at a cut (it makes the overlap from the clips' handles). Refusals throw
 * {@link IllegalStateException} with a sentence for the user.
 */
public final class PlaceTools {

    private PlaceTools() {
    }

    /** Inserts {@code clip} at {@code at}; later clips of the track move right by its length. */
    public static Edit insert(Track track, Clip clip, long at, Function<String, String> newId) {
        TrimTools.unlocked(track);
        for (Clip c : track.clips()) {
            if (c.start() < at && at < c.end() && covered(track, c, at)) {
                throw new IllegalStateException("cannot insert inside the transition at '" + c.name() + "'");
            }
        }
        TrackState before = TrackState.of(track);
        for (Clip c : new ArrayList<>(track.clips())) {
            if (c.start() < at && at < c.end()) {
                splitAt(track, c, at, newId.apply(c.id()));
            }
        }
        for (Clip c : track.clips()) {
            if (c.start() >= at) {
                c.setStart(c.start() + clip.duration());
            }
        }
        clip.setStart(at);
        track.clips().add(clip);
        sort(track);
        TrackState after = TrackState.of(track);
        before.restore();
        return TrackState.edit("Insert '" + clip.name() + "'", before, after);
    }

    /** Puts {@code clip} at {@code at}, replacing what its span covers on the track. */
    public static Edit overwrite(Track track, Clip clip, long at, Function<String, String> newId) {
        TrimTools.unlocked(track);
        TrackState before = TrackState.of(track);
        cover(track, at, at + clip.duration(), newId);
        clip.setStart(at);
        track.clips().add(clip);
        sort(track);
        TrackState after = TrackState.of(track);
        before.restore();
        return TrackState.edit("Overwrite with '" + clip.name() + "'", before, after);
    }

    /**
     * Pastes copies of {@code clips} (their relative positions kept, the earliest at {@code at}) onto {@code track},
     * overwriting; {@code newId} names each copy.
     */
    public static Edit paste(Track track, List<Clip> clips, long at, Function<String, String> newId) {
        TrimTools.unlocked(track);
        if (clips.isEmpty()) {
            throw new IllegalStateException("nothing to paste");
        }
        long first = Long.MAX_VALUE;
        for (Clip c : clips) {
            first = Math.min(first, c.start());
        }
        TrackState before = TrackState.of(track);
        for (Clip c : clips) {
            Clip copy = copy(c, newId.apply(c.id()), at + c.start() - first);
            cover(track, copy.start(), copy.end(), newId);
            track.clips().add(copy);
        }
        sort(track);
        TrackState after = TrackState.of(track);
        before.restore();
        return TrackState.edit("Paste " + clips.size() + " clip(s)", before, after);
    }

    /**
     * A transition of {@code length} ticks between {@code a} and {@code b}, which meet at a cut: centred on the cut
     * when both clips have {@code length / 2} of source beyond their edges, else starting or ending at the cut where
     * one of them has the whole length. {@code sourceLength} gives a clip's source length in ticks (-1 when
     * unlimited or unknown: generators, unprobed files).
     */
    public static Edit transition(Track track, Clip a, Clip b, long length, GraphNode node,
            ToLongFunction<Clip> sourceLength) {
        TrimTools.unlocked(track);
        if (a.end() != b.start()) {
            throw new IllegalStateException("'" + a.name() + "' and '" + b.name() + "' do not meet at a cut");
        }
        if (length <= 0 || length >= Math.min(a.duration(), b.duration()) * 2) {
            throw new IllegalStateException("a transition of that length does not fit between '" + a.name()
                    + "' and '" + b.name() + "'");
        }
        long after = after(a, sourceLength);
        long half = length / 2;
        long extendA;
        long extendB;
        if (after >= half && b.in() >= length - half) {
            extendA = half;
            extendB = length - half;
        } else if (after >= length) {
            extendA = length;
            extendB = 0;
        } else if (b.in() >= length) {
            extendA = 0;
            extendB = length;
        } else {
            throw new IllegalStateException("no handles for a transition between '" + a.name() + "' and '"
                    + b.name() + "': it needs " + seconds(length) + " s of source after '" + a.name()
                    + "' or before '" + b.name() + "' (trim them first)");
        }
        TrackState before = TrackState.of(track);
        a.trim(a.in(), a.duration() + extendA);
        b.setStart(b.start() - extendB);
        b.trim(b.in() - extendB, b.duration() + extendB);
        track.transitions().add(new Transition(a.id(), b.id(), node));
        TrackState done = TrackState.of(track);
        before.restore();
        return TrackState.edit("Add " + node.type() + " between '" + a.name() + "' and '" + b.name() + "'", before,
                done);
    }

    private static long after(Clip a, ToLongFunction<Clip> sourceLength) {
        long len = sourceLength.applyAsLong(a);
        return len < 0 ? Long.MAX_VALUE : len - (a.in() + a.sourceSpan());
    }

    private static String seconds(long ticks) {
        return String.format(java.util.Locale.ROOT, "%.2f", ticks / (double) org.lumaflow.core.time.Ticks.PER_SECOND);
    }

    /** Clears {@code [from, to)} on the track: clips trimmed, split or removed (with their transitions). */
    private static void cover(Track track, long from, long to, Function<String, String> newId) {
        for (Clip c : new ArrayList<>(track.clips())) {
            if (c.end() <= from || c.start() >= to) {
                continue;
            }
            if (c.start() >= from && c.end() <= to) {
                track.clips().remove(c);
                dropTransitions(track, c.id(), true, true);
            } else if (c.start() < from && c.end() > to) {
                Clip right = splitAt(track, c, to, newId.apply(c.id()));
                dropTransitions(track, right.id(), true, false);
                c.trim(c.in(), from - c.start());
                dropTransitions(track, c.id(), false, true);
            } else if (c.start() < from) {
                c.trim(c.in(), from - c.start());
                dropTransitions(track, c.id(), false, true);
            } else {
                long cut = to - c.start();
                c.setStart(to);
                c.trim(c.in() + cut, c.duration() - cut);
                dropTransitions(track, c.id(), true, false);
            }
        }
    }

    private static Clip splitAt(Track track, Clip c, long at, String id) {
        long left = at - c.start();
        Clip right = copy(c, id, at);
        right.trim(c.in() + left, c.duration() - left);
        c.trim(c.in(), left);
        List<Transition> moved = new ArrayList<>();
        for (Transition t : new ArrayList<>(track.transitions())) {
            if (t.from().equals(c.id())) {
                track.transitions().remove(t);
                moved.add(new Transition(id, t.to(), t.node()));
            }
        }
        track.transitions().addAll(moved);
        track.clips().add(right);
        return right;
    }

    private static void dropTransitions(Track track, String id, boolean into, boolean outOf) {
        track.transitions().removeIf(t -> (into && t.to().equals(id)) || (outOf && t.from().equals(id)));
    }

    private static boolean covered(Track track, Clip c, long at) {
        for (Clip o : track.clips()) {
            if (o != c && o.start() <= at && at < o.end()) {
                return true;
            }
        }
        return false;
    }

    private static void sort(Track track) {
        track.clips().sort(java.util.Comparator.comparingLong(Clip::start));
    }

    /** A copy of {@code c} with id {@code id} at {@code start}: source, effects, audio, speed, markers, metadata. */
    static Clip copy(Clip c, String id, long start) {
        Clip k = new Clip(id, c.source().copy(c.source().id()), start, c.in(), c.duration());
        for (GraphNode e : c.effects()) {
            k.effects().add(e.copy(e.id()));
        }
        k.metadata().putAll(c.metadata());
        k.markers().addAll(c.markers());
        k.audio().copyFrom(c.audio());
        k.setRetime(c.retime());
        k.setEnabled(c.enabled());
        if (c.hasName()) {
            k.setName(c.name());
        }
        return k;
    }
}
