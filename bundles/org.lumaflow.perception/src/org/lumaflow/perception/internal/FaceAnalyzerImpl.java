package org.lumaflow.perception.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;

import org.lumaflow.core.internal.ProductCache;
import org.lumaflow.decoder.MediaException;
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
 * reused per thread.
 */
@Component(service = FaceAnalyzer.class)
public final class FaceAnalyzerImpl implements FaceAnalyzer {

    /** Bump when results change for the same settings, so old cache entries are not used. */
    private static final String ALGORITHM = "faces-v1";

    @Reference
    private MediaService media;

    private ExecutorService executor;
    private ResultCache cache;
    private volatile Path defaultModel;
    private final SharedWork<FaceTrack> work = new SharedWork<>();
    /** Idle detectors by kind ({@code haar} or the model path): created once, reused by later analyses. */
    private final Map<String, ConcurrentLinkedDeque<Detector>> idle = new ConcurrentHashMap<>();

    /** For DS. */
    public FaceAnalyzerImpl() {
    }

    /** Outside OSGi: ready to use; {@link #close()} when done. */
    public FaceAnalyzerImpl(MediaService media) {
        this.media = media;
        activate();
    }

    @Activate
    void activate() {
        executor = AnalysisWorkers.acquire();
        cache = new ResultCache(ProductCache.dir("faces", FaceAnalyzerImpl.class).toPath());
    }

    private volatile boolean closed;

    /** Stops the threads (running analyses are cancelled) and frees the detectors. */
    @Deactivate
    public void close() {
        closed = true;
        work.cancelAll();
        AnalysisWorkers.release();
        idle.values().forEach(q -> {
            for (Detector d; (d = q.poll()) != null;) {
                d.close();
            }
        });
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
    public CompletableFuture<FaceTrack> analyze(Path mediaFile, FaceAnalysisSettings settings) {
        Path file = mediaFile.toAbsolutePath().normalize();
        String contentKey;
        String settingsKey;
        try {
            contentKey = contentKey(file);
            settingsKey = settingsKey(settings);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        FaceTrack hit = cache.get(contentKey, settingsKey);
        if (hit != null) {
            return CompletableFuture.completedFuture(hit.source().equals(file) ? hit : new FaceTrack(file,
                    hit.contentKey(), hit.settings(), hit.detector(), hit.width(), hit.height(), hit.durationTicks(),
                    hit.stats(), hit.samples(), hit.origin()));
        }
        return work.submit(contentKey + "-" + settingsKey, executor,
                result -> run(result, file, contentKey, settingsKey, settings), "the face analyzer");
    }

    private void run(CompletableFuture<FaceTrack> result, Path file, String contentKey, String settingsKey,
            FaceAnalysisSettings settings) {
        if (result.isDone()) {
            return;
        }
        String kind = settings.model() == null ? "haar" : settings.model().toString();
        Detector d = null;
        try {
            d = borrow(kind, settings.model());
            FaceTrack t = new Analysis(media, file, contentKey, settings, d, result::isDone).run();
            try {
                cache.put(t, settingsKey);
            } catch (IOException unwritable) {
                // still a result; the next request analyses again
            }
            result.complete(t);
        } catch (Throwable e) {
            result.completeExceptionally(e);
        } finally {
            if (d != null) {
                if (closed) {
                    d.close(); // the analyzer is gone: nobody would free it from the idle pool
                } else {
                    idle.computeIfAbsent(kind, k -> new ConcurrentLinkedDeque<>()).push(d);
                }
            }
        }
    }

    private Detector borrow(String kind, Path model) throws IOException {
        ConcurrentLinkedDeque<Detector> q = idle.get(kind);
        Detector d = q == null ? null : q.poll();
        if (d != null) {
            return d;
        }
        return model == null ? new CascadeDetector() : new YuNetDetector(model);
    }

    @Override
    public FaceTrack cached(Path mediaFile, FaceAnalysisSettings settings) throws IOException {
        Path file = mediaFile.toAbsolutePath().normalize();
        return cache.get(contentKey(file), settingsKey(settings));
    }

    @Override
    public int evict(Path mediaFile) throws IOException {
        return cache.evict(contentKey(mediaFile.toAbsolutePath().normalize()));
    }

    @Override
    public Path cacheDir() {
        return cache.dir();
    }

    private static String contentKey(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new MediaException(file, "no such file");
        }
        return ContentKey.of(file);
    }

    private static String settingsKey(FaceAnalysisSettings s) throws IOException {
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
