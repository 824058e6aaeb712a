package org.lumaflow.perception.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.lumaflow.perception.Detection;

/**
 * A people cascade shipped in the OpenCV jar ({@code haarcascade_fullbody.xml} or {@code haarcascade_upperbody.xml})
 * on the equalized grey proxy; confidence from the agreeing windows as for faces ({@code 1 - exp(-n / 8)}, see
 * {@link Cascade}). The jar has no vehicle cascade: vehicles need a YOLO model.
 */
final class BodyCascadeDetector implements ObjectDetector {

    private final Cascade cascade;

    /** @param cascade {@code haarcascade_fullbody.xml} or {@code haarcascade_upperbody.xml} */
    BodyCascadeDetector(String cascade) throws IOException {
        this.cascade = new Cascade(cascade, 16, 32);
    }

    @Override
    public String name() {
        return cascade.name();
    }

    @Override
    public List<List<Detection>> detect(Mat[] pictures, int n) {
        return Detections.each(pictures, n, m -> {
            List<Detection> list = new ArrayList<>();
            cascade.detect(m, opencv_imgproc.COLOR_BGR2GRAY, 1.1, (x, y, w, h, c) -> list
                    .add(Detections.clip(new Detection("person", Detection.Kind.PERSON, x, y, w, h, c))));
            return list;
        });
    }

    @Override
    public void close() {
        cascade.close();
    }
}
