package org.lumaflow.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;

class AnimationTest {

    @Test
    void linearHoldAndClamping() {
        Animation a = new Animation(List.of(Keyframe.of(100, 10, Interpolation.LINEAR),
                Keyframe.of(200, 20, Interpolation.HOLD), Keyframe.of(300, 0, Interpolation.LINEAR)));
        assertEquals(10, a.valueAt(0));
        assertEquals(15, a.valueAt(150), 1e-12);
        assertEquals(20, a.valueAt(250), "hold keeps the value");
        assertEquals(0, a.valueAt(300));
        assertEquals(0, a.valueAt(10_000));
    }

    @Test
    void easingPresetsMatchCssCurves() {
        // CSS ease-in-out at x = 0.5 is y = 0.5 by symmetry; ease-in is slower than linear early on
        assertEquals(0.5, Interpolation.cubicBezier(0.42, 0, 0.58, 1, 0.5), 1e-9);
        assertTrue(Interpolation.cubicBezier(0.42, 0, 1, 1, 0.25) < 0.25);
        assertTrue(Interpolation.cubicBezier(0, 0, 0.58, 1, 0.25) > 0.25);
        double prev = 0;
        for (int i = 1; i <= 100; i++) {
            double y = Interpolation.cubicBezier(0.25, 0.1, 0.25, 1, i / 100.0);
            assertTrue(y >= prev, "monotonic");
            prev = y;
        }
        assertEquals(1, prev, 1e-9);
    }

    @Test
    void bezierKeyframesAndMultiComponentValues() {
        Animation a = new Animation(List.of(
                new Keyframe(0, new double[] {0, 0, 0, 1}, Interpolation.BEZIER, new double[] {0.42, 0, 0.58, 1}),
                new Keyframe(1000, new double[] {1, 0.5, 0.25, 1}, Interpolation.LINEAR, null)));
        double[] out = new double[5];
        a.evaluate(500, out, 1);
        assertEquals(0.5, out[1], 1e-6);
        assertEquals(0.25, out[2], 1e-6);
        assertEquals(0.125, out[3], 1e-6);
        assertEquals(1, out[4]);
        assertEquals(0, out[0], "offset respected");
    }

    @Test
    void invalidAnimationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Animation(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Animation(List.of(Keyframe.of(0, 1, Interpolation.LINEAR),
                Keyframe.of(0, 2, Interpolation.LINEAR))));
        assertThrows(IllegalArgumentException.class, () -> new Keyframe(0, new double[] {1}, Interpolation.BEZIER, null));
        assertEquals(Interpolation.EASE_IN_OUT, Interpolation.parse("ease"));
        assertThrows(IllegalArgumentException.class, () -> Interpolation.parse("wobble"));
    }
}
