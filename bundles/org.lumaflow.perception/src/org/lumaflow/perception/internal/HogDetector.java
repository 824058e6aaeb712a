package org.lumaflow.perception.internal;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.HOGDescriptor;
import org.lumaflow.perception.Detection;

/**
 * OpenCV's HOG descriptor with its default people detector (Dalal-Triggs, 64x128 window): upright people at least
 * about 100 px tall on the proxy. The picture is first padded by an eighth of its height on every side (edge pixels
 * repeated): the detector needs a margin round a person, and people in action footage are often cut by the frame
 * edge (without the padding it finds nobody in the test photo). Confidence from the SVM margin {@code m}:
 * {@code m / (1 + m)}.
 */
final class HogDetector implements ObjectDetector {

    private final HOGDescriptor hog = new HOGDescriptor();
    private final Mat svm;
    private final RectVector found = new RectVector();
    private final DoublePointer weights = new DoublePointer();
    private final Size stride = new Size(8, 8);
    private final Size padding = new Size(16, 16);
    private final Mat padded = new Mat();

    HogDetector() {
        OpenCv.load();
        try (FloatPointer coefficients = HOGDescriptor.getDefaultPeopleDetector()) {
            svm = new Mat(coefficients, true); // a column of the SVM's coefficients
        }
        hog.setSVMDetector(svm);
    }

    @Override
    public String name() {
        return "hog:default_people";
    }

    @Override
    public List<List<Detection>> detect(Mat[] pictures, int n) {
        return Detections.each(pictures, n, m -> {
            int w = m.cols();
            int h = m.rows();
            int border = Math.max(16, h / 8);
            opencv_core.copyMakeBorder(m, padded, border, border, border, border, opencv_core.BORDER_REPLICATE);
            hog.detectMultiScale(padded, found, weights, 0, stride, padding, 1.05, 2, false);
            List<Detection> list = new ArrayList<>((int) found.size());
            for (long k = 0; k < found.size(); k++) {
                Rect r = found.get(k);
                double margin = k < weights.limit() ? Math.max(0, weights.get(k)) : 1;
                Detection d = Detections.clip(new Detection("person", Detection.Kind.PERSON,
                        (r.x() - border) / (double) w, (r.y() - border) / (double) h, r.width() / (double) w,
                        r.height() / (double) h, margin / (1 + margin)));
                if (d.w() > 0 && d.h() > 0) {
                    list.add(d);
                }
            }
            return list;
        });
    }

    @Override
    public void close() {
        hog.close();
        svm.close();
        padded.close();
        found.close();
        weights.close();
        stride.close();
        padding.close();
    }
}
