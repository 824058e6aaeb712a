package org.lumaflow.perception.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.perception.Detection;

/** YOLOv5 and YOLOv8 output layouts decode to the same boxes; non-maximum suppression keeps one per object. */
class ObjectYoloOutputTest {

    static final int C = 80;
    static final int INPUT = 640;

    /** Anchors: a person (two overlapping boxes), a car, and a weak truck under the threshold. */
    static final double[][] BOXES = { // cx, cy, w, h, class, score
        {320, 320, 100, 240, 0, 0.90}, {326, 318, 104, 236, 0, 0.70}, {100, 500, 160, 80, 2, 0.80},
        {500, 100, 50, 50, 7, 0.10}};

    static float[] v5(int anchors) {
        float[] d = new float[anchors * (C + 5)];
        for (int a = 0; a < BOXES.length; a++) {
            int o = a * (C + 5);
            for (int k = 0; k < 4; k++) {
                d[o + k] = (float) BOXES[a][k];
            }
            d[o + 4] = 1f; // objectness: all of it in the class score
            d[o + 5 + (int) BOXES[a][4]] = (float) BOXES[a][5];
        }
        return d;
    }

    static float[] v8(int anchors) {
        float[] d = new float[(C + 4) * anchors];
        for (int a = 0; a < BOXES.length; a++) {
            for (int k = 0; k < 4; k++) {
                d[k * anchors + a] = (float) BOXES[a][k];
            }
            d[(4 + (int) BOXES[a][4]) * anchors + a] = (float) BOXES[a][5];
        }
        return d;
    }

    @Test
    void bothLayoutsGiveThePersonAndTheCar() {
        int anchors = 200;
        List<Detection> a = YoloOutput.decode(v5(anchors), 0, anchors, C + 5, C, INPUT, 0.25, 0.45);
        List<Detection> b = YoloOutput.decode(v8(anchors), 0, C + 4, anchors, C, INPUT, 0.25, 0.45);
        assertEquals(2, a.size(), a.toString());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).label(), b.get(i).label());
            assertEquals(a.get(i).x(), b.get(i).x(), 1e-6);
            assertEquals(a.get(i).h(), b.get(i).h(), 1e-6);
            assertEquals(a.get(i).confidence(), b.get(i).confidence(), 1e-6);
        }
        Detection person = a.stream().filter(d -> d.label().equals("person")).findFirst().orElseThrow();
        assertEquals(Detection.Kind.PERSON, person.kind());
        assertEquals(0.9, person.confidence(), 1e-6, "NMS kept the stronger of the two person boxes");
        assertEquals((320 - 50) / 640.0, person.x(), 1e-9);
        assertEquals(240 / 640.0, person.h(), 1e-9);
        Detection car = a.stream().filter(d -> d.label().equals("car")).findFirst().orElseThrow();
        assertEquals(Detection.Kind.VEHICLE, car.kind());
        assertEquals((500 - 40) / 640.0, car.y(), 1e-9);
    }

    @Test
    void aSecondPictureOfTheBatchIsReadAtItsOffset() {
        int anchors = 100;
        float[] one = v5(anchors);
        float[] two = new float[one.length * 2];
        System.arraycopy(one, 0, two, one.length, one.length);
        assertEquals(0, YoloOutput.decode(two, 0, anchors, C + 5, C, INPUT, 0.25, 0.45).size());
        assertEquals(2, YoloOutput.decode(two, one.length, anchors, C + 5, C, INPUT, 0.25, 0.45).size());
    }

    @Test
    void shapesOfNeitherLayoutAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> YoloOutput.decode(new float[10 * 10], 0, 10, 10, C, INPUT, 0.25, 0.45));
        assertTrue(e.getMessage().contains("neither YOLOv5"), e.getMessage());
        assertEquals(80, YoloDetector.classesFor(25200, 85));
        assertEquals(80, YoloDetector.classesFor(84, 8400));
        assertEquals(80, YoloDetector.classesFor(8400, 84));
    }
}
