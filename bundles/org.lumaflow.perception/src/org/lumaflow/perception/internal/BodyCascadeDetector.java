package org.lumaflow.perception.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.lumaflow.perception.Detection;

/**
 * A people cascade shipped in the OpenCV jar ({@code haarcascade_fullbody.xml} or {@code haarcascade_upperbody.xml})
 * on the equalized grey proxy; confidence from the agreeing windows as for faces ({@code 1 - exp(-n / 8)}). The jar
 * has no vehicle cascade: vehicles need a YOLO model.
 */
final class BodyCascadeDetector implements ObjectDetector {

    private final String cascade;
    private final CascadeClassifier classifier;
    private final Mat gray = new Mat();
    private final RectVector found = new RectVector();
    private final IntPointer neighbours = new IntPointer(64);
    private final Size minSize = new Size(16, 32);
    private final Size maxSize = new Size();

    /** @param cascade {@code haarcascade_fullbody.xml} or {@code haarcascade_upperbody.xml} */
    BodyCascadeDetector(String cascade) throws IOException {
        OpenCv.load();
        this.cascade = cascade;
        classifier = new CascadeClassifier(OpenCv.share("haarcascades/" + cascade).toString());
        if (classifier.empty()) {
            throw new IOException("OpenCV could not load the cascade " + cascade);
        }
    }

    @Override
    public String name() {
        return "haar:" + cascade;
    }

    @Override
    public long bytesPerPicture(int w, int h) {
        return BatchSizer.classicBytes(w, h);
    }

    @Override
    public List<List<Detection>> detect(Mat[] pictures, int n) {
        List<List<Detection>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Mat m = pictures[i];
            int w = m.cols();
            int h = m.rows();
            opencv_imgproc.cvtColor(m, gray, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.equalizeHist(gray, gray);
            classifier.detectMultiScale2(gray, found, neighbours, 1.1, 3, 0, minSize, maxSize);
            List<Detection> list = new ArrayList<>();
            for (long k = 0; k < found.size(); k++) {
                Rect r = found.get(k);
                int nb = k < neighbours.limit() ? neighbours.get(k) : 3;
                list.add(HogDetector.clip(new Detection("person", Detection.Kind.PERSON, r.x() / (double) w,
                        r.y() / (double) h, r.width() / (double) w, r.height() / (double) h, 1 - Math.exp(-nb / 8.0))));
            }
            list.sort(Comparator.comparingDouble(Detection::area).reversed());
            out.add(list);
        }
        return out;
    }

    @Override
    public void close() {
        classifier.close();
        gray.close();
        found.close();
        neighbours.close();
        minSize.close();
        maxSize.close();
    }
}
