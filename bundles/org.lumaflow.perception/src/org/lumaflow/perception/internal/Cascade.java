package org.lumaflow.perception.internal;

import java.io.IOException;

import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * A Haar cascade shipped in the OpenCV jar run on the equalized grey picture, with its buffers reused from picture to
 * picture (faces in {@link CascadeDetector}, people in {@link BodyCascadeDetector}). Confidence comes from the number
 * {@code n} of agreeing detection windows: {@code 1 - exp(-n / 8)}. Not thread-safe.
 */
final class Cascade implements Reusable {

    /** Receives one box, normalized to the picture. */
    interface Box {
        void accept(double x, double y, double w, double h, double confidence);
    }

    private final String file;
    private final CascadeClassifier classifier;
    private final Mat gray = new Mat();
    private final RectVector found = new RectVector();
    private final IntPointer neighbours = new IntPointer(64);
    private final Size minSize;
    private final Size maxSize = new Size();

    /** Loads {@code haarcascades/FILE}; boxes smaller than {@code minW x minH} px are not looked for. */
    Cascade(String file, int minW, int minH) throws IOException {
        OpenCv.load();
        this.file = file;
        minSize = new Size(minW, minH);
        classifier = new CascadeClassifier(OpenCv.share("haarcascades/" + file).toString());
        if (classifier.empty()) {
            close();
            throw new IOException("OpenCV could not load the cascade " + file);
        }
    }

    /** {@code haar:FILE}. */
    String name() {
        return "haar:" + file;
    }

    /**
     * Converts {@code src} to grey with the {@code cvtColor} code {@code toGray}, equalizes it, runs the cascade with
     * {@code scaleStep} between scales and gives each box found to {@code out}, in the order found.
     */
    void detect(Mat src, int toGray, double scaleStep, Box out) {
        int w = src.cols();
        int h = src.rows();
        opencv_imgproc.cvtColor(src, gray, toGray);
        opencv_imgproc.equalizeHist(gray, gray);
        classifier.detectMultiScale2(gray, found, neighbours, scaleStep, 3, 0, minSize, maxSize);
        for (long i = 0; i < found.size(); i++) {
            Rect r = found.get(i);
            int n = i < neighbours.limit() ? neighbours.get(i) : 3;
            out.accept(r.x() / (double) w, r.y() / (double) h, r.width() / (double) w, r.height() / (double) h,
                    1 - Math.exp(-n / 8.0));
        }
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
