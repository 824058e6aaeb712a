package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import org.lumaflow.ui.internal.model.TrackEdits;

/** Track edits apply and revert exactly; a locked track refuses every clip edit. */
class TrackEditsTest {

    private final Timeline tl = new Timeline(new VideoFormat(64, 36, FrameRate.parse("25")));

    private Clip clip(Track t, String id, int start, int end) {
        Clip c = new Clip(id, new GraphNode(id, "core.solid"), start * Ticks.PER_SECOND, 0,
                (end - start) * Ticks.PER_SECOND);
        t.clips().add(c);
        return c;
    }

    private List<String> names() {
        return tl.tracks().stream().map(Track::name).toList();
    }

    @Test
    void addRemoveMoveRenameRevertExactly() {
        Track v1 = new Track("V1");
        tl.tracks().add(v1);
        Clip a = clip(v1, "a", 0, 2);
        Edit add = TrackEdits.add(tl, new Track(TrackEdits.freeName(tl, Track.Kind.AUDIO), Track.Kind.AUDIO), 0);
        add.apply();
        assertEquals(List.of("A1", "V1"), names());
        assertEquals(Track.Kind.AUDIO, tl.tracks().get(0).kind());
        assertEquals("V2", TrackEdits.freeName(tl, Track.Kind.VIDEO));

        Edit move = TrackEdits.move(tl, v1, 0);
        move.apply();
        assertEquals(List.of("V1", "A1"), names());
        move.revert();
        assertEquals(List.of("A1", "V1"), names());

        v1.setMuted(true);
        v1.setVolumeDb(-6);
        v1.metadata().put("x.y", "z");
        Transition tr = new Transition("a", "a", new GraphNode("t", "core.dissolve"));
        v1.transitions().add(tr);
        Edit rename = TrackEdits.rename(tl, v1, " Main ");
        rename.apply();
        Track main = tl.tracks().get(1);
        assertEquals("Main", main.name());
        assertSame(a, main.clips().get(0), "the renamed track holds the same clip objects");
        assertEquals(List.of(tr), main.transitions());
        assertTrue(main.muted());
        assertEquals(-6, main.volumeDb());
        assertEquals("z", main.metadata().get("x.y"));
        rename.revert();
        assertSame(v1, tl.tracks().get(1));
        assertThrows(IllegalArgumentException.class, () -> TrackEdits.rename(tl, v1, "A1"));
        assertThrows(IllegalArgumentException.class, () -> TrackEdits.rename(tl, v1, "  "));

        Edit remove = TrackEdits.remove(tl, v1);
        remove.apply();
        assertEquals(List.of("A1"), names());
        remove.revert();
        assertEquals(List.of("A1", "V1"), names());
        add.revert();
        assertEquals(List.of("V1"), names());
    }

    @Test
    void togglesAndVolumeAreUndoable() {
        Track t = new Track("A1", Track.Kind.AUDIO);
        tl.tracks().add(t);
        for (Edit e : List.of(TrackEdits.setLocked(t, true), TrackEdits.setMuted(t, true),
                TrackEdits.setSolo(t, true), TrackEdits.setEnabled(t, false), TrackEdits.setVolume(t, -12.5))) {
            e.apply();
        }
        assertTrue(t.locked() && t.muted() && t.solo() && !t.enabled());
        assertEquals(-12.5, t.volumeDb());
        assertTrue(tl.anySolo());
        assertThrows(IllegalArgumentException.class, () -> TrackEdits.setVolume(t, 30));
        Edit unlock = TrackEdits.setLocked(t, false);
        unlock.apply();
        assertFalse(t.locked());
        unlock.revert();
        assertTrue(t.locked());
    }

    @Test
    void lockedTrackRefusesEveryClipEdit() {
        Track v1 = new Track("V1");
        Track v2 = new Track("V2");
        tl.tracks().add(v1);
        tl.tracks().add(v2);
        Clip a = clip(v1, "a", 0, 2);
        Clip b = clip(v1, "b", 1, 3);
        Transition tr = new Transition("a", "b", new GraphNode("t", "core.dissolve"));
        v1.transitions().add(tr);
        v1.setLocked(true);
        Clip c = new Clip("c", new GraphNode("c", "core.solid"), 0, 0, Ticks.PER_SECOND);
        List<Runnable> refused = List.of(() -> Edits.moveClip(v1, v1, a, 5),
                () -> Edits.moveClip(v1, v2, a, 0), () -> Edits.trim(v1, a, 0, 0, 1),
                () -> Edits.split(v1, a, Ticks.PER_SECOND / 2, "a2"), () -> Edits.delete(v1, a),
                () -> Edits.rippleDelete(tl, v1, a), () -> Edits.addClip(v1, c),
                () -> Edits.addTransition(v1, new Transition("b", "a", new GraphNode("u", "core.dissolve"))),
                () -> Edits.removeTransition(v1, tr), () -> TrackEdits.remove(tl, v1));
        for (Runnable r : refused) {
            TrackEdits.LockedException e = assertThrows(TrackEdits.LockedException.class, r::run);
            assertEquals("Track 'V1' is locked: unlock it to edit it", e.getMessage());
        }
        // moving onto a locked track is refused too; the unlocked track still edits
        Clip d = clip(v2, "d", 5, 6);
        assertThrows(TrackEdits.LockedException.class, () -> Edits.moveClip(v2, v1, d, 5));
        Edits.moveClip(v2, v2, d, 7 * Ticks.PER_SECOND).apply();
        assertEquals(7 * Ticks.PER_SECOND, d.start());
        assertEquals(List.of(a, b), v1.clips(), "nothing changed on the locked track");
    }
}
