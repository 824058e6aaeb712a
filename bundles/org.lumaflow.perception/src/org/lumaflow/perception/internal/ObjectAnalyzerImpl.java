package org.lumaflow.perception.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;

import org.lumaflow.core.internal.ProductCache;
import org.lumaflow.decoder.MediaException;
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
 * in the cache folder {@code objects/}, detectors created once and reused.
 */
@Component(service = ObjectAnalyzer.class)
public final class ObjectAnalyzerImpl implements ObjectAnalyzer {

    /** Bump when results change for the same settings, so old cache entries are not used. */
    private static final String ALGORITHM = "objects-v1";

    @Reference
    private MediaService media;

    private ExecutorService executor;
    private ResultCache cache;
    private volatile boolean closed;
    private final SharedWork<ObjectTrack> work = new SharedWork<>();
    private final Map<String, ConcurrentLinkedDeque<ObjectDetector>> idle = new ConcurrentHashMap<>();

    /** For DS. */
    public ObjectAnalyzerImpl() {
    }

    @Activate
    void activate() {
        executor = AnalysisWorkers.acquire();
        cache = new ResultCache(ProductCache.dir("objects", ObjectAnalyzerImpl.class).toPath(), ObjectJson.FORMAT);
    }

    /** Cancels running analyses, gives the threads back and frees the detectors. */
    @Deactivate
    public void close() {
        closed = true;
        work.cancelAll();
        AnalysisWorkers.release();
        idle.values().forEach(q -> {
            for (ObjectDetector d; (d = q.poll()) != null;) {
                d.close();
            }
        });
    }

    @Override
    public ObjectAnalysisSettings defaultSettings() {
        return ObjectAnalysisSettings.defaults();
    }

    @Override
    public CompletableFuture<ObjectTrack> analyze(Path mediaFile, ObjectAnalysisSettings settings) {
        Path file = mediaFile.toAbsolutePath().normalize();
        String contentKey;
        String settingsKey;
        try {
            contentKey = contentKey(file);
            settingsKey = settingsKey(settings);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        ObjectTrack hit = cache.get(contentKey, settingsKey, r -> ObjectJson.read(r, true));
        if (hit != null) {
            return CompletableFuture.completedFuture(hit.with(file, true));
        }
        return work.submit(contentKey + "-" + settingsKey, executor,
                result -> run(result, file, contentKey, settingsKey, settings), "the object analyzer");
    }

    private void run(CompletableFuture<ObjectTrack> result, Path file, String contentKey, String settingsKey,
            ObjectAnalysisSettings settings) {
        if (result.isDone()) {
            return;
        }
        String kind = kind(settings);
        ObjectDetector d = null;
        try {
            d = borrow(kind, settings);
            ObjectDetector det = d;
            ObjectTrack t = new ObjectAnalysis(media, file, contentKey, settings, d,
                    (w, h) -> batchSize(settings, det, w, h), result::isDone).run();
            try {
                cache.put(contentKey, settingsKey, file, settings.describe(), t.detector(),
                        w -> ObjectJson.write(t, w));
            } catch (IOException unwritable) {
                // still a result; the next request analyses again
            }
            result.complete(t);
        } catch (Throwable e) {
            result.completeExceptionally(e);
        } finally {
            if (d != null) {
                if (closed) {
                    d.close();
                } else {
                    idle.computeIfAbsent(kind, k -> new ConcurrentLinkedDeque<>()).push(d);
                }
            }
        }
    }

    private static String kind(ObjectAnalysisSettings s) {
        return s.model() == null ? s.detector() : "yolo:" + s.model() + "@" + s.inputSize() + "/" + s.minConfidence();
    }

    private ObjectDetector borrow(String kind, ObjectAnalysisSettings s) throws IOException {
        ConcurrentLinkedDeque<ObjectDetector> q = idle.get(kind);
        ObjectDetector d = q == null ? null : q.poll();
        if (d != null) {
            return d;
        }
        return create(s);
    }

    static ObjectDetector create(ObjectAnalysisSettings s) throws IOException {
        if (s.model() != null) {
            return new YoloDetector(s.model(), s.inputSize(), s.minConfidence());
        }
        return switch (s.detector()) {
            case "haar-fullbody" -> new BodyCascadeDetector("haarcascade_fullbody.xml");
            case "haar-upperbody" -> new BodyCascadeDetector("haarcascade_upperbody.xml");
            default -> new HogDetector();
        };
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
    public ObjectTrack cached(Path mediaFile, ObjectAnalysisSettings settings) throws IOException {
        Path file = mediaFile.toAbsolutePath().normalize();
        return cache.get(contentKey(file), settingsKey(settings), r -> ObjectJson.read(r, true));
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

    private static String settingsKey(ObjectAnalysisSettings s) throws IOException {
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
