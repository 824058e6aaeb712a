package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;
import org.lumaflow.engine.timeline.VideoFormat;
import org.lumaflow.ui.internal.model.Edit;
import org.lumaflow.ui.internal.model.Edits;

/** Ripple delete closes exactly the gap a clip leaves: with transitions, over several tracks, around locked tracks. */
class RippleDeleteTest {

    private final Timeline tl = new Timeline(new VideoFormat(64, 36, FrameRate.parse("25")));

    private static long s(double seconds) {
        return Math.round(seconds * Ticks.PER_SECOND);
    }

    private static Clip clip(Track t, String id, double start, double end) {
        Clip c = new Clip(id, new GraphNode(id, "core.solid"), s(start), 0, s(end) - s(start));
        t.clips().add(c);
        return c;
    }

    private Track track(String name) {
        Track t = new Track(name);
        tl.tracks().add(t);
        return t;
    }

    private static void join(Track t, Clip a, Clip b) {
        t.transitions().add(new Transition(a.id(), b.id(), new GraphNode("x", "core.dissolve")));
    }

    @Test
    void theClipBeforeATransitionLeavesNoGap() {
        Track v = track("V1");
        Clip a = clip(v, "a", 0, 5);
        Clip b = clip(v, "b", 3, 8);
        Clip c = clip(v, "c", 8, 10);
        join(v, a, b);
        Edit e = Edits.rippleDelete(tl, v, a);
        e.apply();
        assertEquals(List.of(b, c), v.clips());
        assertEquals(0, b.start(), "the next clip starts where the deleted one did (was a 3 s gap)");
        assertEquals(s(5), c.start());
        assertTrue(v.transitions().isEmpty());
        assertTrue(tl.validate().isEmpty(), tl.validate().toString());
        e.revert();
        assertEquals(List.of(a, b, c), v.clips());
        assertEquals(s(3), b.start());
        assertEquals(1, v.transitions().size());
    }

    @Test
    void aClipBetweenTwoTransitionsClosesOnlyItsOwnPart() {
        Track v = track("V1");
        Clip p = clip(v, "p", 0, 5);
        Clip x = clip(v, "x", 3, 10);
        Clip n = clip(v, "n", 8, 15);
        join(v, p, x);
        join(v, x, n);
        Edits.rippleDelete(tl, v, x).apply();
        assertEquals(s(5), n.start(), "n follows p directly");
        assertTrue(tl.validate().isEmpty(), tl.validate().toString());
    }

    @Test
    void gapsThatWereThereStay() {
        Track v = track("V1");
        Clip a = clip(v, "a", 0, 2);
        Clip b = clip(v, "b", 5, 7);
        Edits.rippleDelete(tl, v, a).apply();
        assertEquals(s(3), b.start(), "only the clip's 2 s close; the 3 s gap after it stays");
    }

    @Test
    void otherTracksFollowUnlessLocked() {
        Track v1 = track("V1");
        Track v2 = track("V2");
        Track v3 = track("V3");
        Clip a = clip(v1, "a", 0, 2);
        Clip b = clip(v1, "b", 2, 4);
        Clip c = clip(v2, "c", 3, 5);
        Clip d = clip(v3, "d", 3, 5);
        v3.setLocked(true);
        Edits.rippleDelete(tl, v1, a).apply();
        assertEquals(0, b.start());
        assertEquals(s(1), c.start(), "an unlocked track keeps sync");
        assertEquals(s(3), d.start(), "a locked track does not move");
    }

    @Test
    void noRoomOnAnotherTrackIsRefusedClearly() {
        Track v1 = track("V1");
        Track v2 = track("Titles");
        Clip a = clip(v1, "a", 0, 2);
        clip(v1, "b", 2, 4);
        clip(v2, "t", 1, 3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Edits.rippleDelete(tl, v1, a));
        assertTrue(e.getMessage().contains("Titles") && e.getMessage().contains("'t'"), e.getMessage());
        v2.setLocked(true);
        Edits.rippleDelete(tl, v1, a).apply();
        assertEquals(s(1), v2.clips().get(0).start(), "locked: left alone");
    }
}
