package org.lumaflow.perception;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Finds the faces in media files (an OSGi service; OpenCV through JavaCV).
 * <p>
 * A file is decoded once, straight to a small proxy picture ({@link FaceAnalysisSettings#proxyWidth()}, 320 px wide by
 * default). Every decoded frame gets a cheap scene-cut check (mean absolute difference of a 32x18 grey thumbnail);
 * the detector runs at most {@link FaceAnalysisSettings#maxRate()} times per second of media time and at every cut.
 * Work runs on the analyzer's own threads ({@code -Dlumaflow.workers.analysis=N}, default a quarter of the cores, at
 * least one); detectors are created once per thread and reused. Results are cached on disk (the product's cache
 * folder {@code faces/}, or {@code -Dlumaflow.cache.dir=DIR}) keyed by the file's content and the settings, so a file
 * is analysed once; requests for an analysis already running share it.
 * <p>
 * The detector is OpenCV's Haar cascade {@code haarcascade_frontalface_alt.xml} (shipped inside the OpenCV jar), or
 * the YuNet DNN ({@code FaceDetectorYN}) when a model file is configured: in the settings, through
 * {@link #setDefaultModel}, or with the system property {@value FaceAnalysisSettings#MODEL_PROPERTY}.
 */
public interface FaceAnalyzer {

    /** The settings {@link #analyze(Path)} uses: {@link FaceAnalysisSettings#defaults()} with the configured model. */
    FaceAnalysisSettings defaultSettings();

    /**
     * Makes {@code onnx} (a YuNet face-detection model) the default detector, or the Haar cascade again when null.
     *
     * @throws IOException when the file is not readable
     */
    void setDefaultModel(Path onnx) throws IOException;

    /** {@link #analyze(Path, FaceAnalysisSettings)} with {@link #defaultSettings()}. */
    CompletableFuture<FaceTrack> analyze(Path media);

    /**
     * The faces of {@code media}'s first video stream: from the disk cache when this file (same content) was analysed
     * with the same settings before, else analysed on the analyzer's threads. The future fails with a
     * {@link org.lumaflow.decoder.MediaException} when the file cannot be read or has no video, and with an
     * {@link IOException} for other I/O problems. Each call gets its own future; cancelling it stops the analysis once no
     * other requester still waits for it.
     */
    CompletableFuture<FaceTrack> analyze(Path media, FaceAnalysisSettings settings);

    /** The cached analysis of {@code media} with {@code settings}, or null (never starts one). */
    FaceTrack cached(Path media, FaceAnalysisSettings settings) throws IOException;

    /** Deletes every cached analysis of {@code media}'s current content; returns how many were removed. */
    int evict(Path media) throws IOException;

    /** The folder holding the cache (JSON files and their {@code manifest.json}). */
    Path cacheDir();
}
