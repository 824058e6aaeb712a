package org.lumaflow.perception.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.lumaflow.core.internal.ProductCache;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.perception.FaceAnalysisSettings;
import org.lumaflow.perception.FaceAnalyzer;
import org.lumaflow.perception.FaceTrack;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link FaceAnalyzer} service: the shared analysis threads ({@link AnalysisWorkers}), a disk cache, detectors
 * reused per thread (the request flow is {@link AnalyzerBase}'s).
 */
@Component(service = FaceAnalyzer.class)
public final class FaceAnalyzerImpl extends AnalyzerBase<FaceAnalysisSettings, Detector, FaceTrack>
        implements FaceAnalyzer {

    /** Bump when results change for the same settings, so old cache entries are not used. */
    private static final String ALGORITHM = "faces-v1";

    @Reference
    private MediaService media;

    private volatile Path defaultModel;

    /** For DS. */
    public FaceAnalyzerImpl() {
        super("the face analyzer");
    }

    /** Outside OSGi: ready to use; {@link #close()} when done. */
    public FaceAnalyzerImpl(MediaService media) {
        this();
        this.media = media;
        activate();
    }

    @Activate
    void activate() {
        start(new ResultCache(ProductCache.dir("faces", FaceAnalyzerImpl.class).toPath()));
    }

    /** Stops the threads (running analyses are cancelled) and frees the detectors. */
    @Deactivate
    public void close() {
        stop();
    }

    @Override
    public FaceAnalysisSettings defaultSettings() {
        Path m = defaultModel;
        FaceAnalysisSettings s = FaceAnalysisSettings.defaults();
        return m != null ? s.withModel(m) : s;
    }

    @Override
    public void setDefaultModel(Path onnx) throws IOException {
        if (onnx != null && !Files.isReadable(onnx)) {
            throw new NoSuchFileException(onnx.toString(), null, "face model not readable");
        }
        defaultModel = onnx == null ? null : onnx.toAbsolutePath().normalize();
    }

    @Override
    public CompletableFuture<FaceTrack> analyze(Path media) {
        return analyze(media, defaultSettings());
    }

    @Override
    String kind(FaceAnalysisSettings settings) {
        return settings.model() == null ? "haar" : settings.model().toString();
    }

    @Override
    Detector newDetector(FaceAnalysisSettings settings) throws IOException {
        return settings.model() == null ? new CascadeDetector() : new YuNetDetector(settings.model());
    }

    @Override
    FaceTrack analyse(Path file, String contentKey, FaceAnalysisSettings settings, Detector detector,
            BooleanSupplier cancelled) throws Exception {
        return new Analysis(media, file, contentKey, settings, detector, cancelled).run();
    }

    @Override
    FaceTrack read(Reader r) throws IOException {
        return TrackJson.read(r, FaceTrack.Origin.DISK_CACHE);
    }

    @Override
    FaceTrack at(FaceTrack hit, Path file) {
        return hit.source().equals(file) ? hit : new FaceTrack(file, hit.contentKey(), hit.settings(), hit.detector(),
                hit.width(), hit.height(), hit.durationTicks(), hit.stats(), hit.samples(), hit.origin());
    }

    @Override
    void store(ResultCache cache, FaceTrack t, String settingsKey) throws IOException {
        cache.put(t, settingsKey);
    }

    @Override
    String settingsKey(FaceAnalysisSettings s) throws IOException {
        String model = "";
        if (s.model() != null) {
            if (!Files.isReadable(s.model())) {
                throw new NoSuchFileException(s.model().toString(), null, "face model not readable");
            }
            model = ContentKey.of(s.model());
        }
        return ContentKey.ofText(ALGORITHM + " " + s.describe() + " " + model);
    }
}
