package org.lumaflow.export.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.QcService;

/**
 * QC of an export on its own thread: the encoder hands over each encoded 4:2:0 frame (retained, no copy) through a
 * small bounded queue; at the end the report is written beside the output ({@code OUT.qc.html}, {@code OUT.qc.json}).
 * If QC falls behind (the queue stays full for {@value #WAIT_MS} ms) it is dropped with a note instead of slowing the
 * export.
 */
final class QcFeed {

    private static final Frame END = null;
    private static final long WAIT_MS = 250;
    private final QcService.Session session;
    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean dropped;

    QcFeed(QcService qc, String source, int width, int height, double fps, QcOptions options) {
        this.session = qc.session(source, width, height, fps,
                (options == null ? QcOptions.defaults() : options).withoutAudio());
        this.thread = Thread.ofPlatform().name("export qc").daemon().start(this::run);
    }

    private void run() {
        try {
            while (true) {
                Object[] item = queue.take();
                if (item[0] == END) {
                    return;
                }
                Frame f = (Frame) item[0];
                try {
                    if (failure == null) {
                        session.add(f, (Double) item[1]);
                    }
                } finally {
                    f.release();
                }
            }
        } catch (InterruptedException e) {
            dropped = true;
            drain();
        } catch (RuntimeException | Error e) {
            failure = e;
            drain();
        }
    }

    /** Hands a frame over (the feed takes a reference); false when QC gave up. */
    boolean add(Frame f, double seconds) {
        if (dropped || failure != null) {
            return false;
        }
        f.retain();
        try {
            if (queue.offer(new Object[] {f, seconds}, WAIT_MS, TimeUnit.MILLISECONDS)) {
                if (failure != null || dropped) {
                    drain(); // the consumer gave up meanwhile: do not leave the frame queued
                }
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        f.release();
        dropped = true;
        return false;
    }

    /**
     * Waits for the queued frames and writes the report beside {@code output}; returns the HTML path, or null with
     * the reason in {@code note[0]} when QC was dropped or failed.
     */
    Path finish(QcService qc, Path output, String[] note) throws InterruptedException {
        queue.put(new Object[] {END, 0.0});
        thread.join();
        drain();
        if (dropped) {
            note[0] = "QC skipped: it could not keep up with the export";
            return null;
        }
        if (failure != null) {
            note[0] = "QC failed: " + failure;
            return null;
        }
        QcReport r = session.finish();
        Path html = output.resolveSibling(output.getFileName() + ".qc.html");
        try {
            qc.writeJson(r, output.resolveSibling(output.getFileName() + ".qc.json"));
            qc.writeHtml(r, html);
        } catch (IOException e) {
            note[0] = "QC report not written: " + e.getMessage();
            return null;
        }
        return html;
    }

    /** Stops without a report (export failed or was cancelled). */
    void abandon() {
        dropped = true;
        drain();
        queue.offer(new Object[] {END, 0.0});
    }

    private synchronized void drain() {
        Object[] item;
        while ((item = queue.poll()) != null) {
            if (item[0] instanceof Frame f) {
                f.release();
            }
        }
    }
}
