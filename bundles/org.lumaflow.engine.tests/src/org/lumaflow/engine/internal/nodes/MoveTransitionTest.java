package org.lumaflow.engine.internal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Push and slide move whole pixels: the offsets at known progress values. */
class MoveTransitionTest {

    @Test
    void pushMovesBothPicturesSlideOnlyTheIncoming() {
        // 100 px wide, 30% in, moving left: 'to' enters from the right edge
        assertArrayEquals(new int[] {70, 0, -30, 0}, MoveTransition.offsets("left", 0.3, 100, 50, true));
        assertArrayEquals(new int[] {70, 0, 0, 0}, MoveTransition.offsets("left", 0.3, 100, 50, false));
        // moving down: 'to' enters from the top, by the height
        assertArrayEquals(new int[] {0, -35, 0, 15}, MoveTransition.offsets("down", 0.3, 100, 50, true));
        // the ends: all 'from', all 'to'
        assertArrayEquals(new int[] {-100, 0, 0, 0}, MoveTransition.offsets("right", 0, 100, 50, true));
        assertArrayEquals(new int[] {0, 0, 100, 0}, MoveTransition.offsets("right", 1, 100, 50, true));
        assertEquals(-1, Integer.signum(MoveTransition.offsets("up", 0.5, 100, 50, true)[3]));
    }
}
