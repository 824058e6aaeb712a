package org.lumaflow.perception.internal;

import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.lumaflow.perception.Detection;

/** An object detector on BGR proxy pictures, a batch at a time. Not thread-safe: one per analysis thread. */
interface ObjectDetector extends Reusable {

    /** What it is ({@code hog:default_people}). */
    String name();

    /** Memory one {@code w x h} picture of a batch costs, bytes (for batch sizing); by default a HOG or Haar one. */
    default long bytesPerPicture(int w, int h) {
        return BatchSizer.classicBytes(w, h);
    }

    /** Detects in {@code pictures[0..n)}: one list per picture, boxes normalized, largest first. */
    List<List<Detection>> detect(Mat[] pictures, int n);
}
