package org.lumaflow.ui.internal.parts.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The gain line's scale: dB to pixels and back, clamped, snapping to 0 dB. */
class ClipAudioLayerTest {

    @Test
    void scale() {
        // an area 60 px high from y 100: +12 dB at the top, -48 at the bottom, 1 dB a pixel
        assertEquals(100, ClipAudioLayer.gainY(12, 100, 60));
        assertEquals(112, ClipAudioLayer.gainY(0, 100, 60));
        assertEquals(118, ClipAudioLayer.gainY(-6, 100, 60));
        assertEquals(160, ClipAudioLayer.gainY(-48, 100, 60));
        assertEquals(160, ClipAudioLayer.gainY(-90, 100, 60), "clamped at the bottom");
        assertEquals(100, ClipAudioLayer.gainY(40, 100, 60), "clamped at the top");
        assertEquals(-6.0, ClipAudioLayer.gainAt(118, 100, 60));
        assertEquals(12.0, ClipAudioLayer.gainAt(90, 100, 60), "above the area: the top");
        assertEquals(-48.0, ClipAudioLayer.gainAt(160, 100, 60));
        assertEquals(-60.0, ClipAudioLayer.gainAt(400, 100, 60), "far below: the lowest gain");
        for (int y = 100; y <= 160; y++) {
            double db = ClipAudioLayer.gainAt(y, 100, 60);
            if (db != 0) {
                assertEquals(y, ClipAudioLayer.gainY(db, 100, 60), "round trip at y " + y);
            }
        }
    }

    @Test
    void snapsToUnity() {
        assertEquals(0.0, ClipAudioLayer.gainAt(111, 100, 60)); // +1 dB
        assertEquals(0.0, ClipAudioLayer.gainAt(113, 100, 60)); // -1 dB
        assertEquals(-2.0, ClipAudioLayer.gainAt(114, 100, 60));
        assertEquals(-2.5, ClipAudioLayer.gainAt(129, 100, 120), "half-dB steps");
    }
}
