package org.lumaflow.decoder.proxy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.lumaflow.core.internal.PartialFile;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.internal.ProxyMaker;
import org.lumaflow.decoder.internal.ProxyWriter;
import org.lumaflow.decoder.internal.ProxyNames;
import org.lumaflow.decoder.internal.ProxyRule;
import org.lumaflow.decoder.proxy.ProxyStatus.State;

/**
 * Proxy media: for a heavy file ({@link #reason}), a copy at 1/2, 1/4 or 1/8 of its size (at most 1280x720), Motion
 * JPEG (every picture a keyframe, so scrubbing never decodes a GOP) in a QuickTime file, with exactly the original's
 * frame count and timestamps, so clips' in/out points and speeds map 1:1. Proxies are made one at a time on a
 * low-priority background thread (cancellable, progress per file) into a cache folder, named by the original's path,
 * size and modification time (an edited file gets a new proxy), written atomically, kept across sessions within a size
 * budget (least recently used removed first).
 * <p>
 * <b>Who reads them.</b> The {@code media.video} node reads a file's proxy instead of the file only while the switch is
 * on ({@link #setEnabled}) <em>and</em> the rendering thread declared itself a preview thread
 * ({@link #previewThread}): the studio's viewer does; exports, command-line renders and quality control never do, so
 * they always read the originals. The proxy picture is scaled to the size the original would have, so a preview frame
 * keeps its size and framing.
 */
public final class Proxies implements AutoCloseable {

    /** Default size budget: {@code -Dlumaflow.proxy.budgetMB}, 20 GiB. */
    public static final long DEFAULT_BUDGET = Long.getLong("lumaflow.proxy.budgetMB", 20 * 1024) * 1024 * 1024;

    private static volatile boolean enabled;
    private static final ThreadLocal<Boolean> PREVIEW = new ThreadLocal<>();
    private static final AtomicLong GENERATION = new AtomicLong();
    private static final AtomicLong PROXY_READERS = new AtomicLong();
    private static volatile Proxies shared;

    private final Path cacheDir;
    private final long budget;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lumaflow proxies");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final Map<Path, Job> jobs = new ConcurrentHashMap<>();
    private final Map<Path, String> failures = new ConcurrentHashMap<>();
    private final Set<Path> touched = ConcurrentHashMap.newKeySet();
    private final List<Consumer<ProxyStatus>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong written = new AtomicLong();

    /** A proxy being made. */
    private static final class Job {
        final Path original;
        final CompletableFuture<Path> future = new CompletableFuture<>();
        volatile boolean cancelled;
        volatile boolean running;
        volatile double progress;

        Job(Path original) {
            this.original = original;
        }
    }

    /** Proxies cached in {@code cacheDir} (created when needed) within {@code budgetBytes}. */
    public Proxies(Path cacheDir, long budgetBytes) {
        this.cacheDir = cacheDir.toAbsolutePath().normalize();
        this.budget = budgetBytes;
        if (Files.isDirectory(this.cacheDir)) {
            PartialFile.removeStale(this.cacheDir); // temporaries of a writer that was killed
        }
    }

    /** The default cache folder: {@code $XDG_CACHE_HOME/lumaflow/proxies} or {@code ~/.cache/lumaflow/proxies}. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("lumaflow").resolve("proxies");
    }

    /** The process-wide proxies that {@code media.video} reads (the default folder and budget unless replaced). */
    public static Proxies shared() {
        Proxies p = shared;
        if (p == null) {
            synchronized (Proxies.class) {
                if (shared == null) {
                    shared = new Proxies(defaultCacheDir(), DEFAULT_BUDGET);
                }
                p = shared;
            }
        }
        return p;
    }

    /** Replaces the process-wide proxies (tests, another folder); returns the previous ones (not closed), or null. */
    public static synchronized Proxies setShared(Proxies p) {
        Proxies old = shared;
        shared = p;
        GENERATION.incrementAndGet();
        return old;
    }

    // ---- the switch -------------------------------------------------------------------------------------------

    /** Switches proxies on or off for preview threads (the viewer's switch). */
    public static void setEnabled(boolean on) {
        enabled = on;
        GENERATION.incrementAndGet();
    }

    /** Whether proxies are switched on. */
    public static boolean enabled() {
        return enabled;
    }

    /**
     * Declares the calling thread a preview thread (the viewer's render thread) or not: only preview threads read
     * proxies, and only while they are {@linkplain #enabled() on}. Never call it on a thread that exports or measures.
     */
    public static void previewThread(boolean preview) {
        if (preview) {
            PREVIEW.set(Boolean.TRUE);
        } else {
            PREVIEW.remove();
        }
    }

    /** Whether a render on the calling thread reads proxies now (switch on and a preview thread). */
    public static boolean previewing() {
        return enabled && PREVIEW.get() == Boolean.TRUE;
    }

    /** Changes whenever what a preview reads may change (switch, a proxy made or removed). */
    public static long generation() {
        return GENERATION.get();
    }

    /** Readers opened on proxy files by {@code media.video} so far (statistics, tests). */
    public static long proxyReaders() {
        return PROXY_READERS.get();
    }

    /** Counts a reader opened on a proxy (called by {@code media.video}). */
    public static void readerOpened() {
        PROXY_READERS.incrementAndGet();
    }

    // ---- the rule ---------------------------------------------------------------------------------------------

    /**
     * Why {@code info} deserves a proxy, or null when it does not. The rule, on the first video stream: larger than
     * 1920x1080 in either direction; more than 8 bits per sample; HEVC, AV1 or VP9 (long GOP, costly to decode and
     * seek) at full HD or more; H.264, MPEG-2, MPEG-4 or VP8 at full HD above 47 fps. Still images never.
     */
    public static String reason(MediaInfo info) {
        return ProxyRule.reason(info);
    }

    // ---- the cache --------------------------------------------------------------------------------------------

    /** The cache folder. */
    public Path cacheDir() {
        return cacheDir;
    }

    /** The current proxy of {@code original} (made from it as it is now), or null. */
    public Path ready(Path original) {
        Path abs = original.toAbsolutePath().normalize();
        try {
            Path p = ProxyNames.find(cacheDir, ProxyNames.prefix(abs));
            if (p != null && touched.add(p)) {
                Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis())); // recently used
            }
            return p;
        } catch (IOException e) {
            return null; // the original is gone: no proxy
        }
    }

    /** The display size of the original a proxy file was made from ({@code {w, h}}), or null. */
    public static int[] originalSize(Path proxy) {
        return ProxyNames.shape(proxy);
    }

    /** Where {@code original}'s proxy stands. */
    public ProxyStatus status(Path original) {
        Path abs = original.toAbsolutePath().normalize();
        Job j = jobs.get(abs);
        if (j != null) {
            return j.running ? new ProxyStatus(abs, State.RUNNING, j.progress, null, null)
                    : new ProxyStatus(abs, State.QUEUED, 0, null, null);
        }
        Path p = ready(abs);
        if (p != null) {
            return new ProxyStatus(abs, State.READY, 1, null, p);
        }
        String f = failures.get(abs);
        return f != null ? new ProxyStatus(abs, State.FAILED, 0, f, null) : new ProxyStatus(abs, State.NONE, 0, null,
                null);
    }

    /** Proxies written by this instance so far (a cache hit writes none). */
    public long written() {
        return written.get();
    }

    /**
     * The proxy of {@code original}: completed at once when a current one is cached, else made in the background
     * (asking again while it is queued or being made returns the same future). Completes exceptionally with a
     * {@link MediaException} naming the file when it cannot be read, or a {@link CancellationException}.
     */
    public CompletableFuture<Path> request(Path original) {
        Path abs = original.toAbsolutePath().normalize();
        Path p = ready(abs);
        if (p != null) {
            return CompletableFuture.completedFuture(p);
        }
        failures.remove(abs);
        Job[] made = new Job[1];
        Job j = jobs.computeIfAbsent(abs, k -> made[0] = new Job(k));
        if (made[0] != null) {
            publish(status(abs));
            worker.execute(() -> run(j));
        }
        return j.future;
    }

    /** Stops making {@code original}'s proxy (queued or running); no partial file is left. False when none was. */
    public boolean cancel(Path original) {
        Job j = jobs.get(original.toAbsolutePath().normalize());
        if (j == null) {
            return false;
        }
        j.cancelled = true;
        return true;
    }

    /** Listens to status changes (called on the worker thread; progress about every percent). */
    public void addListener(Consumer<ProxyStatus> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<ProxyStatus> l) {
        listeners.remove(l);
    }

    private void publish(ProxyStatus s) {
        for (Consumer<ProxyStatus> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                System.getLogger("org.lumaflow.decoder").log(System.Logger.Level.WARNING, "proxy listener: " + e);
            }
        }
    }

    private void run(Job j) {
        Path abs = j.original;
        try {
            if (j.cancelled) {
                throw new CancellationException(abs + ": proxy cancelled");
            }
            j.running = true;
            publish(status(abs));
            Path made = ProxyMaker.make(abs, cacheDir, decodeThreads(), new ProxyWriter.Progress() {
                long shown = -1;

                @Override
                public void frames(long done, long expected) {
                    j.progress = expected > 0 ? Math.min(1, done / (double) expected) : 0;
                    long pct = Math.round(j.progress * 100);
                    if (pct != shown) {
                        shown = pct;
                        publish(new ProxyStatus(abs, State.RUNNING, j.progress, null, null));
                    }
                }

                @Override
                public boolean cancelled() {
                    return j.cancelled;
                }
            });
            written.incrementAndGet();
            evict(made);
            jobs.remove(abs);
            GENERATION.incrementAndGet();
            j.future.complete(made);
            publish(new ProxyStatus(abs, State.READY, 1, null, made));
        } catch (CancellationException e) {
            finish(j, "cancelled", e);
        } catch (MediaException e) {
            finish(j, e.getMessage(), e);
        } catch (IOException | RuntimeException | LinkageError e) {
            finish(j, abs + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()), e);
        }
    }

    private void finish(Job j, String why, Throwable e) {
        failures.put(j.original, why);
        jobs.remove(j.original);
        j.future.completeExceptionally(e);
        publish(new ProxyStatus(j.original, State.FAILED, 0, why, null));
    }

    /** Decoder threads for a proxy: one on a machine of two cores (the editor keeps the other), else two. */
    private static int decodeThreads() {
        return Runtime.getRuntime().availableProcessors() <= 2 ? 1 : 2;
    }

    /** Removes the least recently used proxies (never {@code keep}) until the cache fits the budget. */
    private void evict(Path keep) {
        List<Path> all = new ArrayList<>();
        long total = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(cacheDir, "*" + ProxyNames.SUFFIX)) {
            for (Path p : s) {
                if (ProxyNames.shape(p) != null) {
                    all.add(p);
                    total += Files.size(p);
                }
            }
            all.sort((a, b) -> {
                try {
                    return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
                } catch (IOException e) {
                    return 0;
                }
            });
            for (Path p : all) {
                if (total <= budget) {
                    break;
                }
                if (!p.equals(keep)) {
                    total -= Files.size(p);
                    Files.deleteIfExists(p);
                    GENERATION.incrementAndGet();
                }
            }
        } catch (IOException e) {
            System.getLogger("org.lumaflow.decoder").log(System.Logger.Level.WARNING, cacheDir
                    + ": proxy cache not trimmed (" + e.getMessage() + ")");
        }
    }

    /** Stops the worker: the proxy being made is cancelled (its temporary removed); queued ones are dropped. */
    @Override
    public void close() {
        for (Job j : jobs.values()) {
            j.cancelled = true;
        }
        worker.shutdown();
        try {
            worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
    }
}
