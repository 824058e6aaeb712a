package org.lumaflow.perception.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

import org.lumaflow.decoder.MediaException;

/**
 * The request flow the analyzer services share: the content and settings keys, the {@link ResultCache} look-up,
 * {@link SharedWork} so equal requests share one analysis on the shared threads ({@link AnalysisWorkers}), and the
 * pools of idle detectors by kind, created once and reused. Subclasses say how to key, build detectors, analyse and
 * store; they call {@link #start} on activation and {@link #stop} on deactivation.
 *
 * @param <S> the settings
 * @param <D> the detector
 * @param <T> the result (a track)
 */
abstract class AnalyzerBase<S, D extends Reusable, T> {

    private final String what;
    private ExecutorService executor;
    private ResultCache cache;
    private volatile boolean closed;
    private final SharedWork<T> work = new SharedWork<>();
    /** Idle detectors by kind: created once, reused by later analyses. */
    private final Map<String, ConcurrentLinkedDeque<D>> idle = new ConcurrentHashMap<>();

    /** @param what the analyzer in messages ({@code the face analyzer}) */
    AnalyzerBase(String what) {
        this.what = what;
    }

    /** Takes the shared threads and opens {@code cache}. */
    final void start(ResultCache resultCache) {
        executor = AnalysisWorkers.acquire();
        cache = resultCache;
    }

    /** Cancels running analyses, gives the threads back and frees the detectors. */
    final void stop() {
        closed = true;
        work.cancelAll();
        AnalysisWorkers.release();
        idle.values().forEach(q -> {
            for (D d; (d = q.poll()) != null;) {
                d.close();
            }
        });
    }

    /** The cache key of {@code settings} (with the model file's content key); fails when the model is missing. */
    abstract String settingsKey(S settings) throws IOException;

    /** The pool key of the detector {@code settings} need. */
    abstract String kind(S settings);

    /** A new detector for {@code settings}. */
    abstract D newDetector(S settings) throws IOException;

    /** Analyses {@code file} with {@code detector}, stopping early once {@code cancelled}. */
    abstract T analyse(Path file, String contentKey, S settings, D detector, BooleanSupplier cancelled)
            throws Exception;

    /** Reads a cache entry. */
    abstract T read(Reader r) throws IOException;

    /** {@code hit}, a cache entry, for {@code file} (the same content may have been analysed under another name). */
    abstract T at(T hit, Path file);

    /** Stores {@code t} in {@code resultCache} under {@code settingsKey}. */
    abstract void store(ResultCache resultCache, T t, String settingsKey) throws IOException;

    /** The cached result, or the running analysis shared, or a new one. */
    public final CompletableFuture<T> analyze(Path mediaFile, S settings) {
        Path file = mediaFile.toAbsolutePath().normalize();
        String contentKey;
        String settingsKey;
        try {
            contentKey = contentKey(file);
            settingsKey = settingsKey(settings);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        T hit = cache.get(contentKey, settingsKey, this::read);
        if (hit != null) {
            return CompletableFuture.completedFuture(at(hit, file));
        }
        return work.submit(contentKey + "-" + settingsKey, executor,
                result -> run(result, file, contentKey, settingsKey, settings), what);
    }

    private void run(CompletableFuture<T> result, Path file, String contentKey, String settingsKey, S settings) {
        if (result.isDone()) {
            return;
        }
        String kind = kind(settings);
        D d = null;
        try {
            d = borrow(kind, settings);
            T t = analyse(file, contentKey, settings, d, result::isDone);
            try {
                store(cache, t, settingsKey);
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

    private D borrow(String kind, S settings) throws IOException {
        ConcurrentLinkedDeque<D> q = idle.get(kind);
        D d = q == null ? null : q.poll();
        return d != null ? d : newDetector(settings);
    }

    /** The cached result for {@code mediaFile} and {@code settings}, or null. */
    public T cached(Path mediaFile, S settings) throws IOException {
        Path file = mediaFile.toAbsolutePath().normalize();
        return cache.get(contentKey(file), settingsKey(settings), this::read);
    }

    /** Deletes the cached results of {@code mediaFile}'s content; returns how many. */
    public int evict(Path mediaFile) throws IOException {
        return cache.evict(contentKey(mediaFile.toAbsolutePath().normalize()));
    }

    /** The cache folder. */
    public Path cacheDir() {
        return cache.dir();
    }

    private static String contentKey(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new MediaException(file, "no such file");
        }
        return ContentKey.of(file);
    }
}
