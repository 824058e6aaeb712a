package org.lumaflow.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.lumaflow.core.concurrent.TaskType;
import org.lumaflow.core.concurrent.WorkerPools;
import org.lumaflow.core.pool.Frame;

/**
 * Writes rendered frames to numbered PNG files on background threads while rendering goes on, several frames at
 * once (one {@link PngWriter} per thread). The queue between the renderer and the writers is bounded, so at most
 * twice as many frames as writers are held; a writer that stalls for more than a minute, or fails, fails the render
 * with the file named.
 */
final class FrameSink implements AutoCloseable {

    private record Job(Frame frame, long index) {
    }

    private static final Job END = new Job(null, -1);
    private static final long STALL_SECONDS = 60;

    private final Path dir;
    private final BlockingQueue<Job> queue;
    private final Thread[] threads;
    private volatile Throwable failure;

    FrameSink(Path dir, int writers) {
        this.dir = dir;
        this.queue = new ArrayBlockingQueue<>(writers); // frames waiting + one per writer: bounded memory
        this.threads = new Thread[writers];
        for (int i = 0; i < writers; i++) {
            threads[i] = new Thread(this::work, "lumaflow-png-" + (i + 1));
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    /**
     * PNG writers for this machine: one per core (deflate is the costly part, and a writer without work only waits),
     * at most 8 so that the frames held by the writers and the queue stay bounded; {@code -Dlumaflow.workers.png=N}
     * overrides it.
     */
    static int defaultWriters() {
        String p = System.getProperty("lumaflow.workers.png");
        if (p != null) {
            try {
                int n = Integer.parseInt(p.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the default
            }
            System.err.println("lumaflow: ignoring lumaflow.workers.png=" + p + " (need an integer >= 1)");
        }
        return Math.max(1, Math.min(8, WorkerPools.threads(TaskType.PIXEL)));
    }

    static Path fileFor(Path dir, long index) {
        String n = Long.toString(index);
        return dir.resolve("frame_" + "000000".substring(Math.min(6, n.length())) + n + ".png");
    }

    /** Queues {@code frame} (its lease is taken over) for writing as frame number {@code index}. */
    void submit(Frame frame, long index) throws IOException, InterruptedException {
        check();
        if (!queue.offer(new Job(frame, index), STALL_SECONDS, TimeUnit.SECONDS)) {
            frame.release();
            throw new IOException("PNG writing stalled for " + STALL_SECONDS + " s (disk full or slow?) in " + dir);
        }
    }

    private void work() {
        PngWriter png = new PngWriter();
        while (true) {
            Job job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (job == END) {
                return;
            }
            try {
                if (failure == null) {
                    png.write(job.frame, fileFor(dir, job.index));
                }
            } catch (IOException | RuntimeException e) {
                failure = new IOException("cannot write " + fileFor(dir, job.index) + ": " + e.getMessage(), e);
            } finally {
                job.frame.release();
            }
        }
    }

    private void check() throws IOException {
        Throwable f = failure;
        if (f instanceof IOException io) {
            throw io;
        }
        if (f != null) {
            throw new UncheckedIOException(new IOException(f));
        }
    }

    /** Waits for every queued frame to be written; rethrows the first write error. */
    @Override
    public void close() throws IOException, InterruptedException {
        for (int i = 0; i < threads.length; i++) {
            queue.put(END);
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(STALL_SECONDS));
        }
        check();
    }
}
