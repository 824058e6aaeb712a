package org.lumaflow.perception;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How a file is analysed for objects. Part of the cache key.
 *
 * @param proxyWidth width in pixels of the downscaled picture the detector sees (never more than the source)
 * @param maxRate most detector passes per second of media time (2 by default; 0 = every frame); scene cuts add one
 * @param cutThreshold scene-cut threshold, as for faces (mean absolute difference 0..255 of 32x18 thumbnails)
 * @param minConfidence detections with a lower confidence (0..1) are dropped
 * @param detector the built-in detector when no model is given: {@code "hog"} (OpenCV's default HOG people
 *        detector), {@code "haar-fullbody"} or {@code "haar-upperbody"} (cascades shipped in the OpenCV jar)
 * @param model a YOLO-family ONNX model (YOLOv5 or YOLOv8 output layout, COCO classes) run by OpenCV dnn, or null
 * @param inputSize the model's square input size in pixels (640 for the usual exports)
 * @param batch pictures per detector batch; 0 = from the memory available
 */
public record ObjectAnalysisSettings(int proxyWidth, double maxRate, double cutThreshold, double minConfidence,
        String detector, Path model, int inputSize, int batch) {

    /** System property naming a default YOLO model file. */
    public static final String MODEL_PROPERTY = "lumaflow.objects.model";

    /** Validates the values. */
    public ObjectAnalysisSettings {
        if (proxyWidth < 64) {
            throw new IllegalArgumentException("proxy width must be at least 64 px: " + proxyWidth);
        }
        if (!(maxRate >= 0) || !(cutThreshold > 0) || !(minConfidence >= 0 && minConfidence <= 1) || batch < 0
                || inputSize < 32 || inputSize % 32 != 0) {
            throw new IllegalArgumentException("bad object analysis settings: rate " + maxRate + ", cut threshold "
                    + cutThreshold + ", min confidence " + minConfidence + ", input " + inputSize + ", batch "
                    + batch);
        }
        if (!detector.equals("hog") && !detector.equals("haar-fullbody") && !detector.equals("haar-upperbody")) {
            throw new IllegalArgumentException("unknown detector '" + detector
                    + "': expected hog, haar-fullbody or haar-upperbody (or a YOLO model)");
        }
        model = model == null ? null : model.toAbsolutePath().normalize();
    }

    /** 640 px proxy, 2 passes per second, cut threshold 28, min confidence 0.3, HOG, model from the property. */
    public static ObjectAnalysisSettings defaults() {
        String m = System.getProperty(MODEL_PROPERTY);
        return new ObjectAnalysisSettings(640, 2, 28, 0.3, "hog", m == null || m.isBlank() ? null : Path.of(m), 640,
                0);
    }

    /** A copy with another proxy width. */
    public ObjectAnalysisSettings withProxyWidth(int px) {
        return new ObjectAnalysisSettings(px, maxRate, cutThreshold, minConfidence, detector, model, inputSize, batch);
    }

    /** A copy with another pass rate (0 = every frame). */
    public ObjectAnalysisSettings withMaxRate(double perSecond) {
        return new ObjectAnalysisSettings(proxyWidth, perSecond, cutThreshold, minConfidence, detector, model,
                inputSize, batch);
    }

    /** A copy with another confidence floor. */
    public ObjectAnalysisSettings withMinConfidence(double min) {
        return new ObjectAnalysisSettings(proxyWidth, maxRate, cutThreshold, min, detector, model, inputSize, batch);
    }

    /** A copy with another built-in detector. */
    public ObjectAnalysisSettings withDetector(String name) {
        return new ObjectAnalysisSettings(proxyWidth, maxRate, cutThreshold, minConfidence, name, model, inputSize,
                batch);
    }

    /** A copy using the YOLO model {@code onnx}, or the built-in detector when null. */
    public ObjectAnalysisSettings withModel(Path onnx) {
        return new ObjectAnalysisSettings(proxyWidth, maxRate, cutThreshold, minConfidence, detector, onnx, inputSize,
                batch);
    }

    /** A copy with a fixed batch size (0 = from memory). */
    public ObjectAnalysisSettings withBatch(int pictures) {
        return new ObjectAnalysisSettings(proxyWidth, maxRate, cutThreshold, minConfidence, detector, model, inputSize,
                pictures);
    }

    /** Stable text of the values that change results (batch size does not; the model's content is hashed apart). */
    public String describe() {
        return String.format(Locale.ROOT, "proxy=%d rate=%s cut=%s conf=%s detector=%s", proxyWidth,
                Double.toString(maxRate), Double.toString(cutThreshold), Double.toString(minConfidence),
                model == null ? detector : "yolo:" + model + "@" + inputSize);
    }
}
