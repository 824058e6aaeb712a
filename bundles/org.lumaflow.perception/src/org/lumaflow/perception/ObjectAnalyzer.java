package org.lumaflow.perception;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds people and vehicles in media files (an OSGi service; OpenCV through JavaCV).
 * <p>
 * Works like {@link FaceAnalyzer}: one decode straight to a proxy picture, a scene-cut check on every frame, the
 * detector at most {@link ObjectAnalysisSettings#maxRate()} times per second of media time and at every cut, on the
 * shared analysis threads ({@code -Dlumaflow.workers.analysis=N}), results cached on disk (cache folder
 * {@code objects/} with a {@code manifest.json}) by the file's content and the settings. Frames are detected in
 * batches whose size comes from the memory available (the JVM's heap headroom and the machine's free memory, and for
 * a DNN the size of its input blob) unless the settings fix it.
 * <p>
 * Detectors: OpenCV's default HOG people detector (the default), the full-body or upper-body Haar cascades shipped in
 * the OpenCV jar, or a YOLO-family ONNX model (YOLOv5 or YOLOv8 output, COCO classes: people and vehicles) through
 * OpenCV dnn when a model path is given.
 */
@ProviderType
public interface ObjectAnalyzer {

    /** The default settings ({@link ObjectAnalysisSettings#defaults()}). */
    ObjectAnalysisSettings defaultSettings();

    /**
     * The objects of {@code media}'s first video stream: from the disk cache when this content was analysed with the
     * same settings, else analysed on the analysis threads. The future fails with a
     * {@link org.lumaflow.decoder.MediaException} for unreadable media and with an {@link IOException} naming the
     * model file when a model is missing or not a usable ONNX model.
     */
    CompletableFuture<ObjectTrack> analyze(Path media, ObjectAnalysisSettings settings);

    /** The cached analysis, or null (never starts one). */
    ObjectTrack cached(Path media, ObjectAnalysisSettings settings) throws IOException;

    /** Deletes every cached analysis of {@code media}'s current content; returns how many were removed. */
    int evict(Path media) throws IOException;

    /** The folder holding the cache. */
    Path cacheDir();

    /**
     * Pictures per detector batch for {@code settings} on {@code width x height} proxies with the memory available
     * now (what an analysis started now would use when the settings leave it at 0).
     */
    int batchSize(ObjectAnalysisSettings settings, int width, int height) throws IOException;
}
