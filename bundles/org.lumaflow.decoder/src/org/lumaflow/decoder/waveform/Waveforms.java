package org.lumaflow.decoder.waveform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.internal.WaveformCache;

/**
 * Waveform peaks of media files for the studio's timeline, computed in the background (one decoding pass at
 * {@value #THREADS} files at a time) and cached: one file per media file in the cache folder, named by a hash of the
 * file's absolute path, size and modification time (so an edited file is measured again), written atomically. Asking
 * again for a file being measured returns the same future. Close to stop the background threads.
 */
public final class Waveforms implements AutoCloseable {

    /** Samples per peak of the zoom levels, finest first (5.3 ms .. 341 ms at 48 kHz). */
    public static final int[] LEVELS = {256, 1024, 4096, 16384};
    /** Files measured at once. */
    public static final int THREADS = 2;

    private final MediaService media;
    private final Path cacheDir;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "lumaflow waveforms");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, CompletableFuture<Waveform>> running = new ConcurrentHashMap<>();

    /** Waveforms of files opened by {@code media}, cached in {@code cacheDir} (created when needed). */
    public Waveforms(MediaService media, Path cacheDir) {
        this.media = media;
        this.cacheDir = cacheDir;
    }

    /** The default cache folder: {@code $XDG_CACHE_HOME/lumaflow/waveforms} or {@code ~/.cache/lumaflow/waveforms}. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("lumaflow").resolve("waveforms");
    }

    /**
     * The waveform of {@code file}'s first audio stream: from the cache when it is there and current, else measured
     * in the background and cached. Completes exceptionally with a {@link MediaException} naming the file when it
     * cannot be read or has no audio.
     */
    public CompletableFuture<Waveform> of(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String key;
        try {
            key = WaveformCache.key(abs);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new MediaException(abs, "cannot read (" + e.getMessage() + ")"));
        }
        return running.computeIfAbsent(key, k -> {
            CompletableFuture<Waveform> f = CompletableFuture.supplyAsync(() -> load(abs, k), pool);
            f.whenComplete((w, e) -> running.remove(k));
            return f;
        });
    }

    /** The cache file that holds (or will hold) {@code file}'s waveform. */
    public Path cacheFile(Path file) throws IOException {
        return cacheDir.resolve(WaveformCache.key(file.toAbsolutePath().normalize()) + WaveformCache.SUFFIX);
    }

    private Waveform load(Path file, String key) {
        Path cached = cacheDir.resolve(key + WaveformCache.SUFFIX);
        Waveform w = Files.isRegularFile(cached) ? WaveformCache.read(cached) : null;
        if (w != null) {
            return w;
        }
        try {
            w = WaveformCache.measure(media, file, LEVELS);
        } catch (MediaException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
        try {
            WaveformCache.write(cached, w);
        } catch (IOException e) {
            System.getLogger("org.lumaflow.decoder").log(System.Logger.Level.WARNING, cached
                    + ": waveform not cached (" + e.getMessage() + ")");
        }
        return w;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
