package org.lumaflow.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.telemetry.Channel;
import org.lumaflow.telemetry.internal.ArraySeries;

class ArraySeriesTest {

    @Test
    void looksUpAndInterpolatesWithGaps() {
        ArraySeries.Builder b = new ArraySeries.Builder("s", List.of(new Channel("v", "m/s"))).gapLimit(1.5);
        assertTrue(b.add(0, 0));
        assertTrue(b.add(1, 10));
        assertFalse(b.add(1, 11), "a sample not after the previous one is refused");
        assertTrue(b.add(4, 40));
        ArraySeries s = b.build();
        assertEquals(3, s.size());
        assertEquals(-1, s.indexAt(-0.5));
        assertEquals(0, s.indexAt(0.5));
        assertEquals(1, s.indexAt(1));
        assertEquals(2, s.indexAt(9));
        assertEquals(5, s.interpolate(0, 0.5), 1e-12);
        assertTrue(Double.isNaN(s.interpolate(0, 2)), "no interpolation across a gap");
        assertEquals(0, s.interpolate(0, -3), 1e-12);
        assertEquals(40, s.interpolate(0, 7), 1e-12);
        assertEquals(0.5, s.rate(), 1e-12);
    }
}
