package org.lumaflow.ui.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;

/**
 * Factory of the common {@link Edit}s (each captures what it needs to take itself back). Edits of clips on a locked
 * track are refused with {@link TrackEdits.LockedException}; track edits are in {@link TrackEdits}.
 */
public final class Edits {

    private Edits() {
    }

    /** Sets (or, with {@code value == null}, removes) parameter {@code name} of {@code node}. */
    public static Edit setParam(GraphNode node, String name, Object value) {
        Map<String, Object> params = node.params();
        boolean had = params.containsKey(name);
        Object old = params.get(name);
        return new Simple("Change " + node.id() + "." + name, Change.PARAMS, () -> put(params, name, value),
                () -> {
                    if (had) {
                        params.put(name, old);
                    } else {
                        params.remove(name);
                    }
                });
    }

    private static void put(Map<String, Object> params, String name, Object value) {
        if (value == null) {
            params.remove(name);
        } else {
            params.put(name, value);
        }
    }

    /** Moves {@code clip} to {@code start} (ticks) on track {@code to} (which may be its own track). */
    public static Edit moveClip(Track from, Track to, Clip clip, long start) {
        TrackEdits.checkUnlocked(from, to);
        long oldStart = clip.start();
        int oldIndex = from.clips().indexOf(clip);
        List<Transition> dropped = from == to ? List.of() : transitionsOf(from, clip.id());
        return new Simple("Move clip '" + clip.id() + "'", Change.TIMELINE, () -> {
            if (from != to) {
                from.clips().remove(clip);
                from.transitions().removeAll(dropped);
                to.clips().add(clip);
            }
            clip.setStart(start);
        }, () -> {
            if (from != to) {
                to.clips().remove(clip);
                from.clips().add(Math.min(oldIndex, from.clips().size()), clip);
                from.transitions().addAll(dropped);
            }
            clip.setStart(oldStart);
        });
    }

    /** Trims {@code clip} of {@code track} (refused when the track is locked); see {@link #trim(Clip, long, long, long)}. */
    public static Edit trim(Track track, Clip clip, long start, long in, long duration) {
        TrackEdits.checkUnlocked(track);
        return trim(clip, start, in, duration);
    }

    /** Trims {@code clip} to a new start, source in point and duration (ticks). */
    public static Edit trim(Clip clip, long start, long in, long duration) {
        long s0 = clip.start();
        long i0 = clip.in();
        long d0 = clip.duration();
        return new Simple("Trim clip '" + clip.id() + "'", Change.TIMELINE, () -> {
            clip.trim(in, duration);
            clip.setStart(start);
        }, () -> {
            clip.trim(i0, d0);
            clip.setStart(s0);
        });
    }

    /**
     * Splits {@code clip} at timeline time {@code at} (strictly inside it): the clip keeps the left part, a copy with
     * id {@code newId} (source and effects copied) takes the right part.
     */
    public static Edit split(Track track, Clip clip, long at, String newId) {
        TrackEdits.checkUnlocked(track);
        if (at <= clip.start() || at >= clip.end()) {
            throw new IllegalArgumentException("the split point is not inside clip '" + clip.id() + "'");
        }
        long leftDur = at - clip.start();
        Clip right = new Clip(newId, clip.source().copy(clip.source().id()), at, clip.in() + leftDur,
                clip.duration() - leftDur);
        for (GraphNode e : clip.effects()) {
            right.effects().add(e.copy(e.id()));
        }
        right.metadata().putAll(clip.metadata());
        long in0 = clip.in();
        long d0 = clip.duration();
        List<Transition> outgoing = new ArrayList<>();
        for (Transition t : track.transitions()) {
            if (t.from().equals(clip.id())) {
                outgoing.add(t);
            }
        }
        List<Transition> moved = outgoing.stream().map(t -> new Transition(newId, t.to(), t.node())).toList();
        return new Simple("Split clip '" + clip.id() + "'", Change.TIMELINE, () -> {
            clip.trim(in0, leftDur);
            track.clips().add(track.clips().indexOf(clip) + 1, right);
            track.transitions().removeAll(outgoing);
            track.transitions().addAll(moved);
        }, () -> {
            track.transitions().removeAll(moved);
            track.transitions().addAll(outgoing);
            track.clips().remove(right);
            clip.trim(in0, d0);
        });
    }

    /** Removes {@code clip} from {@code track}, leaving a gap. */
    public static Edit delete(Track track, Clip clip) {
        TrackEdits.checkUnlocked(track);
        int index = track.clips().indexOf(clip);
        List<Transition> dropped = transitionsOf(track, clip.id());
        return new Simple("Delete clip '" + clip.name() + "'", Change.TIMELINE, () -> {
            track.clips().remove(clip);
            track.transitions().removeAll(dropped);
        }, () -> {
            track.clips().add(Math.min(index, track.clips().size()), clip);
            track.transitions().addAll(dropped);
        });
    }

    /**
     * Removes {@code clip} and closes the gap it leaves on every unlocked track (see {@link RippleDelete}); throws
     * {@link IllegalStateException} with a sentence for the user when the tracks have no room.
     */
    public static Edit rippleDelete(Timeline timeline, Track track, Clip clip) {
        return RippleDelete.of(timeline, track, clip);
    }

    /** Adds {@code clip} to {@code track}. */
    public static Edit addClip(Track track, Clip clip) {
        TrackEdits.checkUnlocked(track);
        return new Simple("Add clip '" + clip.id() + "'", Change.TIMELINE, () -> track.clips().add(clip),
                () -> track.clips().remove(clip));
    }

    /** Inserts effect {@code node} into {@code clip}'s chain at {@code index}. */
    public static Edit addEffect(Clip clip, int index, GraphNode node) {
        return new Simple("Add " + node.type() + " to '" + clip.id() + "'", Change.TIMELINE,
                () -> clip.effects().add(Math.min(index, clip.effects().size()), node),
                () -> clip.effects().remove(node));
    }

    /** Removes effect {@code node} from {@code clip}'s chain. */
    public static Edit removeEffect(Clip clip, GraphNode node) {
        int index = clip.effects().indexOf(node);
        return new Simple("Remove " + node.id() + " from '" + clip.id() + "'", Change.TIMELINE,
                () -> clip.effects().remove(node), () -> clip.effects().add(index, node));
    }

    /** Moves effect {@code node} of {@code clip} to position {@code to} of the chain. */
    public static Edit moveEffect(Clip clip, GraphNode node, int to) {
        int from = clip.effects().indexOf(node);
        return new Simple("Reorder " + node.id(), Change.TIMELINE, () -> {
            clip.effects().remove(node);
            clip.effects().add(Math.min(to, clip.effects().size()), node);
        }, () -> {
            clip.effects().remove(node);
            clip.effects().add(from, node);
        });
    }

    /** Adds a transition joining two overlapping clips of {@code track}. */
    public static Edit addTransition(Track track, Transition t) {
        TrackEdits.checkUnlocked(track);
        return new Simple("Add transition " + t.from() + " -> " + t.to(), Change.TIMELINE,
                () -> track.transitions().add(t), () -> track.transitions().remove(t));
    }

    /** Removes a transition. */
    public static Edit removeTransition(Track track, Transition t) {
        TrackEdits.checkUnlocked(track);
        int index = track.transitions().indexOf(t);
        return new Simple("Remove transition " + t.from() + " -> " + t.to(), Change.TIMELINE,
                () -> track.transitions().remove(t), () -> track.transitions().add(index, t));
    }

    /** Several edits as one undo step (applied in order, reverted in reverse). */
    public static Edit compound(String label, List<Edit> edits) {
        List<Edit> list = List.copyOf(edits);
        Change change = list.stream().map(Edit::change).anyMatch(c -> c == Change.TIMELINE) ? Change.TIMELINE
                : Change.PARAMS;
        return new Simple(label, change, () -> list.forEach(Edit::apply), () -> {
            for (int i = list.size() - 1; i >= 0; i--) {
                list.get(i).revert();
            }
        });
    }

    static List<Transition> transitionsOf(Track track, String clipId) {
        List<Transition> out = new ArrayList<>();
        for (Transition t : track.transitions()) {
            if (t.from().equals(clipId) || t.to().equals(clipId)) {
                out.add(t);
            }
        }
        return out;
    }

    /** An edit from two lambdas. */
    public record Simple(String label, Change change, Runnable doIt, Runnable undoIt) implements Edit {
        public Simple {
            Objects.requireNonNull(doIt);
            Objects.requireNonNull(undoIt);
        }

        @Override
        public void apply() {
            doIt.run();
        }

        @Override
        public void revert() {
            undoIt.run();
        }
    }
}
