package org.lumaflow.perception.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.bytedeco.opencv.opencv_core.Mat;
import org.lumaflow.perception.Detection;

/** What the object detectors share: clipping boxes to the picture, and batches done one picture at a time. */
final class Detections {

    /** Largest box first. */
    static final Comparator<Detection> LARGEST_FIRST = Comparator.comparingDouble(Detection::area).reversed();

    private Detections() {
    }

    /** {@code d} clipped to the picture. */
    static Detection clip(Detection d) {
        double x0 = Math.max(0, d.x());
        double y0 = Math.max(0, d.y());
        double x1 = Math.min(1, d.x() + d.w());
        double y1 = Math.min(1, d.y() + d.h());
        return new Detection(d.label(), d.kind(), x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0),
                Math.min(1, Math.max(0, d.confidence())));
    }

    /**
     * {@link ObjectDetector#detect} for a detector that looks at one picture at a time: {@code one} on each of
     * {@code pictures[0..n)}, each list sorted largest first.
     */
    static List<List<Detection>> each(Mat[] pictures, int n, Function<Mat, List<Detection>> one) {
        List<List<Detection>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Detection> list = one.apply(pictures[i]);
            list.sort(LARGEST_FIRST);
            out.add(list);
        }
        return out;
    }
}
