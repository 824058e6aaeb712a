package org.lumaflow.perception.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.lumaflow.core.internal.ProductCache;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.perception.ObjectAnalysisSettings;
import org.lumaflow.perception.ObjectAnalyzer;
import org.lumaflow.perception.ObjectTrack;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link ObjectAnalyzer} service: the shared analysis threads ({@link AnalysisWorkers}), the {@link ProxyWalk}
 * (proxy decode, scene cuts, throttling), batches sized by {@link BatchSizer}, the content-hash {@link ResultCache}
 * in the cache folder {@code objects/}, detectors created once and reused (the request flow is
 * {@link AnalyzerBase}'s).
 */
@Component(service = ObjectAnalyzer.class)
public final class ObjectAnalyzerImpl extends AnalyzerBase<ObjectAnalysisSettings, ObjectDetector, ObjectTrack>
        implements ObjectAnalyzer {

    /** Bump when results change for the same settings, so old cache entries are not used. */
    private static final String ALGORITHM = "objects-v1";

    @Reference
    private MediaService media;

    /** For DS. */
    public ObjectAnalyzerImpl() {
        super("the object analyzer");
    }

    @Activate
    void activate() {
        start(new ResultCache(ProductCache.dir("objects", ObjectAnalyzerImpl.class).toPath(), ObjectJson.FORMAT));
    }

    /** Cancels running analyses, gives the threads back and frees the detectors. */
    @Deactivate
    public void close() {
        stop();
    }

    @Override
    public ObjectAnalysisSettings defaultSettings() {
        return ObjectAnalysisSettings.defaults();
    }

    @Override
    String kind(ObjectAnalysisSettings s) {
        return s.model() == null ? s.detector() : "yolo:" + s.model() + "@" + s.inputSize() + "/" + s.minConfidence();
    }

    @Override
    ObjectDetector newDetector(ObjectAnalysisSettings s) throws IOException {
        if (s.model() != null) {
            return new YoloDetector(s.model(), s.inputSize(), s.minConfidence());
        }
        return switch (s.detector()) {
            case "haar-fullbody" -> new BodyCascadeDetector("haarcascade_fullbody.xml");
            case "haar-upperbody" -> new BodyCascadeDetector("haarcascade_upperbody.xml");
            default -> new HogDetector();
        };
    }

    @Override
    ObjectTrack analyse(Path file, String contentKey, ObjectAnalysisSettings settings, ObjectDetector d,
            BooleanSupplier cancelled) throws Exception {
        return new ObjectAnalysis(media, file, contentKey, settings, d, (w, h) -> batchSize(settings, d, w, h),
                cancelled).run();
    }

    @Override
    ObjectTrack read(Reader r) throws IOException {
        return ObjectJson.read(r, true);
    }

    @Override
    ObjectTrack at(ObjectTrack hit, Path file) {
        return hit.with(file, true);
    }

    @Override
    void store(ResultCache cache, ObjectTrack t, String settingsKey) throws IOException {
        cache.put(t.contentKey(), settingsKey, t.source(), t.settings().describe(), t.detector(),
                w -> ObjectJson.write(t, w));
    }

    private static int batchSize(ObjectAnalysisSettings s, ObjectDetector d, int w, int h) {
        if (s.batch() > 0) {
            return Math.min(BatchSizer.MAX, s.batch());
        }
        return BatchSizer.size(BatchSizer.hostAvailable(), AnalysisWorkers.threads(), d.bytesPerPicture(w, h),
                BatchSizer.MAX);
    }

    @Override
    public int batchSize(ObjectAnalysisSettings s, int width, int height) throws IOException {
        if (s.batch() > 0) {
            return Math.min(BatchSizer.MAX, s.batch());
        }
        long per = s.model() != null ? BatchSizer.dnnBytes(width, height, s.inputSize(), YoloDetector.ACTIVATION_FACTOR)
                : BatchSizer.classicBytes(width, height);
        return BatchSizer.size(BatchSizer.hostAvailable(), AnalysisWorkers.threads(), per, BatchSizer.MAX);
    }

    @Override
    String settingsKey(ObjectAnalysisSettings s) throws IOException {
        String model = "";
        if (s.model() != null) {
            if (!Files.isRegularFile(s.model())) {
                throw new IOException(s.model()
                        + ": no such model file (the YOLO ONNX model to detect people and vehicles)");
            }
            model = ContentKey.of(s.model());
        }
        return ContentKey.ofText(ALGORITHM + " " + s.describe() + " " + model);
    }
}
