package org.lumaflow.perception.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.perception.FaceAnalysisSettings;
import org.lumaflow.perception.FaceBox;
import org.lumaflow.perception.FaceSample;
import org.lumaflow.perception.FaceTrack;

/** Interpolation rules of {@link FaceTrack#facesAt}. */
class FaceTrackTest {

    static FaceTrack track(FaceSample... s) {
        return new FaceTrack(Path.of("/x.mp4"), "k", FaceAnalysisSettings.defaults(), "test", 640, 360, 1000,
                new FaceTrack.Stats(10, s.length, 0, 0, 0), List.of(s), FaceTrack.Origin.ANALYSED);
    }

    static FaceBox box(double x, double y, double s) {
        return new FaceBox(x, y, s, s, 1);
    }

    @Test
    void matchedFacesMoveLinearlyAndKeepTheirIdentity() {
        FaceBox a1 = box(0.1, 0.1, 0.1);
        FaceBox a2 = box(0.6, 0.5, 0.2);
        FaceBox b1 = box(0.15, 0.12, 0.1);
        FaceBox b2 = box(0.5, 0.5, 0.24);
        FaceTrack t = track(new FaceSample(0, false, List.of(a2, a1)), new FaceSample(100, false, List.of(b1, b2)));
        List<FaceBox> mid = t.facesAt(25);
        assertEquals(2, mid.size());
        assertEquals(a2.lerp(b2, 0.25), mid.get(0));
        assertEquals(a1.lerp(b1, 0.25), mid.get(1));
        assertEquals(List.of(a2, a1), t.facesAt(-5), "before the first sample: held");
        assertEquals(List.of(b1, b2), t.facesAt(500), "after the last: held");
    }

    @Test
    void facesLeaveAndArriveHalfWay() {
        FaceBox stay = box(0.1, 0.1, 0.1);
        FaceBox gone = box(0.7, 0.7, 0.1);
        FaceBox fresh = box(0.4, 0.2, 0.15);
        FaceTrack t = track(new FaceSample(0, false, List.of(stay, gone)),
                new FaceSample(100, false, List.of(fresh, stay)));
        assertEquals(2, t.facesAt(40).size());
        assertTrue(t.facesAt(40).contains(gone));
        assertTrue(t.facesAt(60).contains(fresh));
        assertTrue(!t.facesAt(60).contains(gone));
    }

    @Test
    void nearbyFacesWithoutOverlapStillMatch() {
        FaceBox a = box(0.1, 0.1, 0.05);
        FaceBox b = box(0.16, 0.1, 0.05); // moved more than its width, still within 1.5 sizes
        FaceTrack t = track(new FaceSample(0, false, List.of(a)), new FaceSample(10, false, List.of(b)));
        assertEquals(List.of(a.lerp(b, 0.5)), t.facesAt(5));
    }

    @Test
    void nothingIsInterpolatedAcrossACut() {
        FaceBox a = box(0.1, 0.1, 0.1);
        FaceBox b = box(0.12, 0.1, 0.1);
        FaceTrack t = track(new FaceSample(0, false, List.of(a)), new FaceSample(100, true, List.of(b)));
        assertEquals(List.of(a), t.facesAt(99));
        assertEquals(List.of(b), t.facesAt(100));
    }

    @Test
    void iou() {
        FaceBox a = new FaceBox(0, 0, 0.2, 0.2, 1);
        assertEquals(1, a.iou(a), 1e-12);
        assertEquals(1 / 3.0, a.iou(new FaceBox(0.1, 0, 0.2, 0.2, 1)), 1e-12);
        assertEquals(0, a.iou(new FaceBox(0.3, 0.3, 0.1, 0.1, 1)));
    }
}
