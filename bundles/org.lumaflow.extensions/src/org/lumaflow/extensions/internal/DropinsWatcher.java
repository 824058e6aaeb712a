package org.lumaflow.extensions.internal;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches a folder and calls back once its jars have settled: after a change, when no event came for
 * {@link #QUIET_MS} and every jar's size and modification time are the same as one quiet period earlier (so a jar
 * still being copied is not read half-written).
 */
final class DropinsWatcher implements AutoCloseable {

    static final long QUIET_MS = 40;

    private static final System.Logger LOG = System.getLogger("org.lumaflow.extensions");

    private final Path dir;
    private final Runnable onSettled;
    private final WatchService watch;
    private final Thread thread;

    DropinsWatcher(Path dir, Runnable onSettled) throws IOException {
        this.dir = dir;
        this.onSettled = onSettled;
        this.watch = dir.getFileSystem().newWatchService();
        dir.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        this.thread = new Thread(this::loop, "lumaflow-dropins-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            for (;;) {
                WatchKey key = watch.take();
                drain(key);
                Map<Path, String> stamps = stamps();
                for (;;) {
                    WatchKey more = watch.poll(QUIET_MS, TimeUnit.MILLISECONDS);
                    if (more != null) {
                        drain(more);
                        continue;
                    }
                    Map<Path, String> now = stamps();
                    if (now.equals(stamps)) {
                        break;
                    }
                    stamps = now;
                }
                try {
                    onSettled.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "dropins reconcile failed: " + e, e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    /** Size and modification time of every jar. */
    private Map<Path, String> stamps() {
        Map<Path, String> m = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".jar")).forEach(p -> {
                try {
                    m.put(p, Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
                } catch (IOException e) {
                    m.put(p, "gone");
                }
            });
        } catch (IOException e) {
            m.put(dir, "unreadable");
        }
        return m;
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            // ignore
        }
        thread.interrupt();
    }
}
