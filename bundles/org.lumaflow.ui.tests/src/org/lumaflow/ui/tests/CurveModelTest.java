package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.ui.internal.model.Edit;
import org.lumaflow.ui.internal.parts.curves.CurveModel;

/** The curve editor's model adapter: each gesture gives the expected Animation, and undo restores the old value. */
class CurveModelTest {

    private static final long S = Ticks.PER_SECOND;
    private static final ParamSpec EXPOSURE = ParamSpec.number("exposure", 0, -4, 4, "stops", "exposure");
    private static final ParamSpec TINT = ParamSpec.color("tint", Color.WHITE, "tint");

    private static Animation twoKeys() {
        return new Animation(List.of(Keyframe.of(0, -1, Interpolation.LINEAR),
                Keyframe.of(2 * S, 1, Interpolation.EASE_OUT)));
    }

    private static CurveModel.Target target(GraphNode n, ParamSpec spec) {
        return new CurveModel.Target(n, spec, spec.name());
    }

    @Test
    void addingAKeyInsertsItLinearAndUndoRestoresTheOldAnimation() {
        Animation old = twoKeys();
        GraphNode grade = new GraphNode("grade", "core.grade").set("exposure", old);
        Animation added = CurveModel.addKey(EXPOSURE, old, S, 0, 0.5);
        assertEquals(List.of(Keyframe.of(0, -1, Interpolation.LINEAR), Keyframe.of(S, 0.5, Interpolation.LINEAR),
                Keyframe.of(2 * S, 1, Interpolation.EASE_OUT)), added.keyframes());
        Edit e = CurveModel.edit(target(grade, EXPOSURE), "Add keyframe", added);
        assertEquals("Add keyframe (grade.exposure)", e.label());
        e.apply();
        assertSame(added, grade.params().get("exposure"));
        e.revert();
        assertSame(old, grade.params().get("exposure"));
    }

    @Test
    void addingOnTheCurveKeepsItsValueAndClampsToTheRange() {
        Animation a = twoKeys();
        Animation onCurve = CurveModel.addKey(EXPOSURE, a, S, -1, 99);
        assertEquals(a.valueAt(S), onCurve.keyframes().get(1).value()[0], 0);
        assertEquals(4, CurveModel.addKey(EXPOSURE, a, S, 0, 99).keyframes().get(1).value()[0], 0);
        // a key at an existing time replaces the value and keeps the interpolation
        Animation replaced = CurveModel.addKey(EXPOSURE, a, 2 * S, 0, 0.25);
        assertEquals(List.of(Keyframe.of(0, -1, Interpolation.LINEAR), Keyframe.of(2 * S, 0.25,
                Interpolation.EASE_OUT)), replaced.keyframes());
    }

    @Test
    void addingToAConstantStartsAnAnimationAtItsValue() {
        Animation one = CurveModel.addKey(TINT, "#FF0000", S, -1, 0);
        assertEquals(1, one.keyframes().size());
        assertArrayEquals(new double[] {1, 0, 0, 1}, one.keyframes().get(0).value(), 1e-12);
        Animation green = CurveModel.addKey(TINT, new Color(0.2, 0.4, 0.6, 1), 0, 1, 0.9);
        assertArrayEquals(new double[] {0.2, 0.9, 0.6, 1}, green.keyframes().get(0).value(), 1e-12);
    }

    @Test
    void movingShiftsTheSelectedKeysAndRefusesCollisions() {
        Animation a = CurveModel.addKey(EXPOSURE, twoKeys(), S, 0, 0.5);
        Animation moved = CurveModel.moveKeys(EXPOSURE, a, Set.of(S), S / 2, 0, -0.25);
        assertEquals(List.of(Keyframe.of(0, -1, Interpolation.LINEAR),
                Keyframe.of(S + S / 2, 0.25, Interpolation.LINEAR), Keyframe.of(2 * S, 1, Interpolation.EASE_OUT)),
                moved.keyframes());
        assertNull(CurveModel.moveKeys(EXPOSURE, a, Set.of(S), S, 0, 0), "onto the key at 2 s");
        assertNull(CurveModel.moveKeys(EXPOSURE, a, Set.of(0L), -1, 0, 0), "before clip time 0");
        // several keys move together, past each other's old times
        Animation both = CurveModel.moveKeys(EXPOSURE, a, Set.of(S, 2 * S), S, -1, 5);
        assertEquals(List.of(0L, 2 * S, 3 * S), both.keyframes().stream().map(Keyframe::time).toList());
        assertEquals(0.5, both.keyframes().get(1).value()[0], 0, "component -1 moves no value");
        assertEquals(4, CurveModel.moveKeys(EXPOSURE, a, Set.of(S), 0, 0, 10).keyframes().get(1).value()[0], 0);
    }

    @Test
    void deletingRemovesKeysAndTheLastOneLeavesItsValue() {
        Animation a = twoKeys();
        Object one = CurveModel.deleteKeys(EXPOSURE, a, Set.of(0L));
        assertEquals(List.of(Keyframe.of(2 * S, 1, Interpolation.EASE_OUT)), ((Animation) one).keyframes());
        assertEquals(-1.0, CurveModel.deleteKeys(EXPOSURE, a, Set.of(0L, 2 * S)));
        assertSame(a, CurveModel.deleteKeys(EXPOSURE, a, Set.of(5L)));
        Object colour = CurveModel.deleteKeys(TINT, CurveModel.addKey(TINT, Color.BLACK, 0, -1, 0), Set.of(0L));
        assertEquals(Color.BLACK, colour);
    }

    @Test
    void interpolationAndHandlesGiveWhatTheEngineEvaluates() {
        Animation a = twoKeys();
        Animation bez = CurveModel.setInterpolation(a, Set.of(0L), Interpolation.BEZIER);
        Keyframe k = bez.keyframes().get(0);
        assertEquals(Interpolation.BEZIER, k.interp());
        assertArrayEquals(CurveModel.DEFAULT_HANDLES, k.handles());
        Animation shaped = CurveModel.setHandles(bez, 0, new double[] {1.7, 1.4, -0.2, 0.3});
        Keyframe s = shaped.keyframes().get(0);
        assertArrayEquals(new double[] {1, 1.4, 0, 0.3}, s.handles(), "x clamped to 0..1, y free");
        double u = 0.3;
        double expected = -1 + 2 * Interpolation.cubicBezier(1, 1.4, 0, 0.3, u);
        assertEquals(expected, shaped.valueAt(Math.round(u * 2 * S)), 1e-9);
        // turning bezier again keeps the shaped handles; another interpolation drops them
        assertArrayEquals(s.handles(), CurveModel.setInterpolation(shaped, Set.of(0L), Interpolation.BEZIER)
                .keyframes().get(0).handles());
        Keyframe hold = CurveModel.setInterpolation(shaped, Set.of(0L), Interpolation.HOLD).keyframes().get(0);
        assertEquals(Keyframe.of(0, -1, Interpolation.HOLD), hold);
        assertEquals(-1, CurveModel.setInterpolation(a, Set.of(0L), Interpolation.HOLD).valueAt(2 * S - 1), 0);
        // setting handles on a linear key makes it bezier
        assertEquals(Interpolation.BEZIER, CurveModel.setHandles(a, 0, new double[] {0.5, 0, 0.5, 1})
                .keyframes().get(0).interp());
    }

    @Test
    void keysSnapToTheTimelinesFrameStarts() {
        FrameRate rate = FrameRate.FPS_29_97;
        Clip clip = new Clip("c", new GraphNode("c", "core.solid"), 2 * S, S / 3, 4 * S);
        for (long t : new long[] {0, 1, S, S + 12345, 3 * S - 7}) {
            long snapped = CurveModel.snapToFrame(t, clip, rate);
            long onTimeline = snapped + clip.start() - clip.in();
            assertEquals(rate.frameToTicks(rate.ticksToFrame(onTimeline, RoundingMode.FLOOR)), onTimeline,
                    "clip time " + t + " -> " + snapped + " is not a frame start");
            assertTrue(Math.abs(snapped - t) <= rate.ticksPerFrame() / 2 + 1, t + " -> " + snapped);
        }
    }

    @Test
    void targetsListAnimatedFirstAndOnlyAnimatableParameters() {
        ParamSpec mode = ParamSpec.choice("mode", "blend", "normal", "add");
        ParamSpec lookahead = ParamSpec.number("lookahead", 8, 0, 64, "", "frames").notAnimatable();
        NodeDescriptor grade = new NodeDescriptor("core.grade", "Grade", "Colour", "", List.of(PortSpec.image("in",
                "")), PortType.IMAGE, List.of(EXPOSURE, TINT, mode));
        NodeDescriptor video = new NodeDescriptor("media.video", "Video", "Source", "", List.of(), PortType.IMAGE,
                List.of(lookahead, ParamSpec.number("gain", 1, 0, 4, "", "")));
        GraphNode src = new GraphNode("c", "media.video");
        Clip clip = new Clip("c", src, 0, 0, S);
        clip.effects().add(new GraphNode("grade", "core.grade").set("tint", CurveModel.addKey(TINT, null, 0, -1, 0)));
        clip.effects().add(new GraphNode("x", "vendor.unknown"));
        List<String> labels = CurveModel.targets(clip, t -> t.equals("core.grade") ? grade
                : t.equals("media.video") ? video : null).stream().map(CurveModel.Target::label).toList();
        assertEquals(List.of("grade \u203A tint  (r g b a)", "source \u203A gain", "grade \u203A exposure"), labels);
        assertTrue(CurveModel.targets(null, t -> grade).isEmpty());
    }
}
