package org.lumaflow.perception;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How a file is analysed. Part of the cache key: a change gives a new analysis.
 *
 * @param proxyWidth width in pixels of the downscaled picture the detector and the scene-cut check see (the height
 *        follows the picture's aspect ratio); never more than the source width
 * @param maxRate most detector passes per second of media time (5 by default); 0 = every frame. Scene cuts add a
 *        pass at the cut's first frame
 * @param cutThreshold mean absolute difference (0..255) between the 32x18 grey thumbnails of consecutive frames above
 *        which a scene cut is assumed
 * @param minConfidence faces with a lower confidence (0..1) are dropped
 * @param model a YuNet face-detection ONNX model ({@code face_detection_yunet_*.onnx}) run by OpenCV's
 *        {@code FaceDetectorYN}, or null for the Haar cascade shipped with OpenCV
 *        ({@code haarcascade_frontalface_alt.xml})
 */
public record FaceAnalysisSettings(int proxyWidth, double maxRate, double cutThreshold, double minConfidence,
        Path model) {

    /** System property naming a default YuNet model file. */
    public static final String MODEL_PROPERTY = "lumaflow.faces.model";

    /** Validates the values. */
    public FaceAnalysisSettings {
        if (proxyWidth < 32) {
            throw new IllegalArgumentException("proxy width must be at least 32 px: " + proxyWidth);
        }
        if (!(maxRate >= 0) || !(cutThreshold > 0) || !(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("bad face analysis settings: rate " + maxRate + ", cut threshold "
                    + cutThreshold + ", min confidence " + minConfidence);
        }
        model = model == null ? null : model.toAbsolutePath().normalize();
    }

    /** 320 px proxy, 5 passes per second, cut threshold 28, min confidence 0.3, model from {@link #MODEL_PROPERTY}. */
    public static FaceAnalysisSettings defaults() {
        String m = System.getProperty(MODEL_PROPERTY);
        return new FaceAnalysisSettings(320, 5, 28, 0.3, m == null || m.isBlank() ? null : Path.of(m));
    }

    /** A copy with another proxy width. */
    public FaceAnalysisSettings withProxyWidth(int px) {
        return new FaceAnalysisSettings(px, maxRate, cutThreshold, minConfidence, model);
    }

    /** A copy with another pass rate (0 = every frame). */
    public FaceAnalysisSettings withMaxRate(double perSecond) {
        return new FaceAnalysisSettings(proxyWidth, perSecond, cutThreshold, minConfidence, model);
    }

    /** A copy with another scene-cut threshold. */
    public FaceAnalysisSettings withCutThreshold(double threshold) {
        return new FaceAnalysisSettings(proxyWidth, maxRate, threshold, minConfidence, model);
    }

    /** A copy with another confidence floor. */
    public FaceAnalysisSettings withMinConfidence(double min) {
        return new FaceAnalysisSettings(proxyWidth, maxRate, cutThreshold, min, model);
    }

    /** A copy using the YuNet model {@code onnx}, or the Haar cascade when null. */
    public FaceAnalysisSettings withModel(Path onnx) {
        return new FaceAnalysisSettings(proxyWidth, maxRate, cutThreshold, minConfidence, onnx);
    }

    /** Stable text of the values that change results (the model is named; its content is hashed separately). */
    public String describe() {
        return String.format(Locale.ROOT, "proxy=%d rate=%s cut=%s conf=%s detector=%s", proxyWidth,
                Double.toString(maxRate), Double.toString(cutThreshold), Double.toString(minConfidence),
                model == null ? "haar:frontalface_alt" : "yunet:" + model);
    }
}
