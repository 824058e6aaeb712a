package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.ui.internal.model.ClipAudioEdits;
import org.lumaflow.ui.internal.model.Edit;

/** The clip gain and fade edits the timeline's handles make: exact values, clamps, labels, exact undo. */
class ClipAudioEditsTest {

    private static final long S = Ticks.PER_SECOND;

    private static Clip clip() {
        return new Clip("a", new GraphNode("a", "media.audio").set("file", "a.wav"), 0, 0, 4 * S);
    }

    @Test
    void gainAndUndoRestoresKeyframes() {
        Clip c = clip();
        Animation keys = new Animation(List.of(Keyframe.of(0, -3, Interpolation.LINEAR),
                Keyframe.of(S, 3, Interpolation.LINEAR)));
        c.audio().setGainKeys(keys);
        c.audio().setFades(S / 2, 0);
        Edit e = ClipAudioEdits.gain(c, -6);
        assertEquals("Clip gain 'a' -6.0 dB", e.label());
        e.apply();
        assertEquals(-6.0, c.audio().gainDb());
        assertNull(c.audio().gainKeys(), "a constant gain replaces the keyframes");
        assertEquals(S / 2, c.audio().fadeIn(), "the fades stay");
        e.revert();
        assertSame(keys, c.audio().gainKeys());
        assertEquals(0.0, c.audio().gainDb());
        e.apply(); // redo
        assertEquals(-6.0, c.audio().gainAt(0));
    }

    @Test
    void gainClamps() {
        Clip c = clip();
        ClipAudioEdits.gain(c, 30).apply();
        assertEquals(ClipAudioEdits.MAX_GAIN_DB, c.audio().gainDb());
        ClipAudioEdits.gain(c, Double.NEGATIVE_INFINITY).apply();
        assertEquals(ClipAudioEdits.MIN_GAIN_DB, c.audio().gainDb());
    }

    @Test
    void fades() {
        Clip c = clip();
        Edit in = ClipAudioEdits.fades(c, S, 0);
        assertEquals("Fade in 'a' 1.00 s", in.label());
        in.apply();
        Edit out = ClipAudioEdits.fades(c, S, S / 4);
        assertEquals("Fade out 'a' 0.25 s", out.label());
        out.apply();
        assertEquals(S, c.audio().fadeIn());
        assertEquals(S / 4, c.audio().fadeOut());
        out.revert();
        assertEquals(0, c.audio().fadeOut());
        in.revert();
        assertEquals(0, c.audio().fadeIn());
        // longer than the clip: the fade in shortens to meet the fade out
        ClipAudioEdits.fades(c, 9 * S, S).apply();
        assertEquals(3 * S, c.audio().fadeIn());
        assertEquals(S, c.audio().fadeOut());
        assertArrayEquals(new long[] {0, 4 * S}, ClipAudioEdits.clampFades(-5, 7 * S, 4 * S));
        assertArrayEquals(new long[] {S, 2 * S}, ClipAudioEdits.clampFades(S, 2 * S, 4 * S));
    }
}
