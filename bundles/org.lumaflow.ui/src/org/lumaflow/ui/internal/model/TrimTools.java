package org.lumaflow.ui.internal.model;

import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;

/**
 * The trim tools editors know from Resolve/Premiere, as undoable edits. Each checks its limits first and throws
 * {@link IllegalStateException} with a sentence for the user (locked track, a clip would vanish, no source before
 * the in point, an overlap); {@code delta} is in ticks, positive = later.
 * <ul>
 * <li><b>roll</b>: moves the cut between two adjacent clips; the left one gets longer, the right one starts later in
 * its source; nothing else moves.</li>
 * <li><b>slip</b>: shows another part of the source in the same place (in point moves, start and length stay).</li>
 * <li><b>slide</b>: moves a clip between its neighbours; the left neighbour's end and the right neighbour's start
 * follow, so the sequence's length stays.</li>
 * </ul>
 */
public final class TrimTools {

    private TrimTools() {
    }

    /** Rolls the cut between {@code left} and {@code right} (adjacent on {@code track}) by {@code delta}. */
    public static Edit roll(Track track, Clip left, Clip right, long delta) {
        unlocked(track);
        if (left.end() != right.start()) {
            throw new IllegalStateException("'" + left.name() + "' and '" + right.name() + "' do not meet at a cut");
        }
        check(left.duration() + delta > 0, "'" + left.name() + "' would vanish");
        check(right.duration() - delta > 0, "'" + right.name() + "' would vanish");
        check(right.in() + delta >= 0, "'" + right.name() + "' has no source before its in point");
        long lIn = left.in();
        long lDur = left.duration();
        long rStart = right.start();
        long rIn = right.in();
        long rDur = right.duration();
        return new Edits.Simple("Roll edit '" + left.name() + "' | '" + right.name() + "'", Change.TIMELINE, () -> {
            left.trim(lIn, lDur + delta);
            right.setStart(rStart + delta);
            right.trim(rIn + delta, rDur - delta);
        }, () -> {
            right.trim(rIn, rDur);
            right.setStart(rStart);
            left.trim(lIn, lDur);
        });
    }

    /** Slips {@code clip}'s source by {@code delta} (its in point moves; start and length stay). */
    public static Edit slip(Track track, Clip clip, long delta) {
        unlocked(track);
        check(clip.in() + delta >= 0, "'" + clip.name() + "' has no source before its in point");
        long in = clip.in();
        long dur = clip.duration();
        return new Edits.Simple("Slip '" + clip.name() + "'", Change.TIMELINE, () -> clip.trim(in + delta, dur),
                () -> clip.trim(in, dur));
    }

    /**
     * Slides {@code clip} by {@code delta} between {@code left} and {@code right} (either may be null: then that side
     * must have room on the track); the neighbours' adjoining edges follow.
     */
    public static Edit slide(Track track, Clip left, Clip clip, Clip right, long delta) {
        unlocked(track);
        if (left != null) {
            check(left.end() == clip.start(), "'" + left.name() + "' does not end where '" + clip.name() + "' starts");
            check(left.duration() + delta > 0, "'" + left.name() + "' would vanish");
        }
        if (right != null) {
            check(right.start() == clip.end(), "'" + right.name() + "' does not start where '" + clip.name()
                    + "' ends");
            check(right.duration() - delta > 0, "'" + right.name() + "' would vanish");
            check(right.in() + delta >= 0, "'" + right.name() + "' has no source before its in point");
        }
        check(clip.start() + delta >= 0, "'" + clip.name() + "' would start before the timeline");
        for (Clip other : track.clips()) {
            if (other != clip && other != left && other != right && other.start() < clip.end() + delta
                    && other.end() > clip.start() + delta) {
                throw new IllegalStateException("'" + clip.name() + "' would overlap '" + other.name() + "'");
            }
        }
        long start = clip.start();
        long lIn = left == null ? 0 : left.in();
        long lDur = left == null ? 0 : left.duration();
        long rStart = right == null ? 0 : right.start();
        long rIn = right == null ? 0 : right.in();
        long rDur = right == null ? 0 : right.duration();
        return new Edits.Simple("Slide '" + clip.name() + "'", Change.TIMELINE, () -> {
            clip.setStart(start + delta);
            if (left != null) {
                left.trim(lIn, lDur + delta);
            }
            if (right != null) {
                right.setStart(rStart + delta);
                right.trim(rIn + delta, rDur - delta);
            }
        }, () -> {
            clip.setStart(start);
            if (left != null) {
                left.trim(lIn, lDur);
            }
            if (right != null) {
                right.trim(rIn, rDur);
                right.setStart(rStart);
            }
        });
    }

    static void unlocked(Track track) {
        TrackEdits.checkUnlocked(track);
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalStateException(problem);
        }
    }
}
