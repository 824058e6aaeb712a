package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;
import org.lumaflow.ui.internal.model.Edit;
import org.lumaflow.ui.internal.model.PlaceTools;
import org.lumaflow.ui.internal.model.TrimTools;

/** Roll, slip, slide, insert, overwrite, paste and default-length transitions: positions, limits, undo. */
class EditToolsTest {

    private final Timeline tl = new Timeline(new VideoFormat(64, 36, FrameRate.parse("25")));
    private final Track v = new Track("V1");
    private int ids;
    private final Function<String, String> newId = id -> id + "_" + (++ids);

    EditToolsTest() {
        tl.tracks().add(v);
    }

    private static long s(double seconds) {
        return Math.round(seconds * Ticks.PER_SECOND);
    }

    private Clip clip(String id, double start, double in, double dur) {
        Clip c = new Clip(id, new GraphNode(id, "core.solid"), s(start), s(in), s(dur));
        v.clips().add(c);
        return c;
    }

    private static Clip loose(String id, double dur) {
        return new Clip(id, new GraphNode(id, "core.solid"), 0, 0, s(dur));
    }

    /** Start, in and duration of every clip of the track, in seconds, in track order. */
    private String layout() {
        StringBuilder b = new StringBuilder();
        for (Clip c : v.clips()) {
            b.append(c.id()).append('@').append(c.start() / (double) Ticks.PER_SECOND).append('+')
                    .append(c.in() / (double) Ticks.PER_SECOND).append('/').append(c.duration() / (double) Ticks.PER_SECOND)
                    .append(' ');
        }
        return b.toString().trim();
    }

    private void roundTrip(Edit e, String after) {
        String before = layout();
        e.apply();
        assertEquals(after, layout());
        assertTrue(tl.validate().isEmpty(), tl.validate().toString());
        e.revert();
        assertEquals(before, layout(), "undo");
        e.apply();
        assertEquals(after, layout(), "redo");
    }

    @Test
    void rollMovesOnlyTheCut() {
        Clip a = clip("a", 0, 0, 2);
        Clip b = clip("b", 2, 1, 2);
        roundTrip(TrimTools.roll(v, a, b, s(0.5)), "a@0.0+0.0/2.5 b@2.5+1.5/1.5");
        assertThrows(IllegalStateException.class, () -> TrimTools.roll(v, a, b, -s(1.6)), "b has 1.5 s before its in");
    }

    @Test
    void slipMovesTheSourceNotTheClip() {
        Clip a = clip("a", 1, 2, 2);
        roundTrip(TrimTools.slip(v, a, -s(1)), "a@1.0+1.0/2.0");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TrimTools.slip(v, a, -s(3)));
        assertTrue(e.getMessage().contains("no source before"), e.getMessage());
    }

    @Test
    void slideKeepsTheSequenceLength() {
        Clip a = clip("a", 0, 0, 2);
        Clip x = clip("x", 2, 0, 1);
        Clip b = clip("b", 3, 1, 2);
        roundTrip(TrimTools.slide(v, a, x, b, s(0.5)), "a@0.0+0.0/2.5 x@2.5+0.0/1.0 b@3.5+1.5/1.5");
        assertEquals(s(5), b.end(), "the end did not move");
    }

    @Test
    void insertSplitsAndPushes() {
        clip("a", 0, 0, 4);
        clip("b", 4, 0, 1);
        roundTrip(PlaceTools.insert(v, loose("n", 1), s(1), newId), "a@0.0+0.0/1.0 n@1.0+0.0/1.0 a_1@2.0+1.0/3.0 b@5.0+0.0/1.0");
    }

    @Test
    void overwriteTrimsSplitsAndRemoves() {
        clip("a", 0, 0, 2);
        clip("b", 2, 0, 1);
        clip("c", 3, 0, 2);
        // covers the end of a, all of b, the head of c
        roundTrip(PlaceTools.overwrite(v, loose("n", 2), s(1.5), newId), "a@0.0+0.0/1.5 n@1.5+0.0/2.0 c@3.5+0.5/1.5");
    }

    @Test
    void overwriteInsideOneClipSplitsIt() {
        clip("a", 0, 0, 4);
        roundTrip(PlaceTools.overwrite(v, loose("n", 1), s(1), newId), "a@0.0+0.0/1.0 n@1.0+0.0/1.0 a_1@2.0+2.0/2.0");
    }

    @Test
    void pasteCopiesKeepTheirSpacing() {
        Clip a = clip("a", 0, 0, 1);
        Clip b = clip("b", 2, 0, 1);
        a.audio().setGainDb(-6);
        roundTrip(PlaceTools.paste(v, List.of(a, b), s(4), newId), "a@0.0+0.0/1.0 b@2.0+0.0/1.0 a_1@4.0+0.0/1.0 b_2@6.0+0.0/1.0");
        assertEquals(-6, v.clips().get(2).audio().gainDb(), "a copy keeps the clip's settings");
    }

    @Test
    void transitionsMakeTheirOverlapFromHandles() {
        Clip a = clip("a", 0, 0, 2);
        Clip b = clip("b", 2, 1, 2);
        GraphNode dissolve = new GraphNode("d", "core.dissolve");
        // a is a generator (unlimited source), b has 1 s before its in point: centred on the cut
        roundTrip(PlaceTools.transition(v, a, b, s(1), dissolve, c -> -1), "a@0.0+0.0/2.5 b@1.5+0.5/2.5");
        assertEquals(1, v.transitions().size());
        // b has no handle and a's media ends at its out point: refused, saying what is needed
        Track w = new Track("V2");
        tl.tracks().add(w);
        Clip c = new Clip("c", new GraphNode("c", "media.video"), 0, 0, s(2));
        Clip d = new Clip("d", new GraphNode("d", "media.video"), s(2), 0, s(2));
        w.clips().add(c);
        w.clips().add(d);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PlaceTools.transition(w, c, d, s(1), dissolve, k -> s(2)));
        assertTrue(e.getMessage().contains("no handles") && e.getMessage().contains("1.00 s"), e.getMessage());
        // a has the whole length after its out point: the transition starts at the cut
        Edit ok = PlaceTools.transition(w, c, d, s(1), dissolve, k -> s(5));
        ok.apply();
        assertEquals(s(3), c.end());
        assertEquals(s(2), d.start());
    }

    @Test
    void lockedTracksRefuse() {
        Clip a = clip("a", 0, 0, 2);
        v.setLocked(true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TrimTools.slip(v, a, s(1)));
        assertTrue(e.getMessage().contains("locked"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> PlaceTools.overwrite(v, loose("n", 1), 0, newId));
    }
}
