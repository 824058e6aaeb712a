package org.lumaflow.export.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.QcService;

/**
 * QC of an export on its own thread. The encoder thread samples each encoded 4:2:0 frame into the session's small
 * proxy ({@link QcService.Session#proxy}, about 200 KB at 1080p or 4K) and hands that over through an 8-slot
 * single-producer ring, so the export's own frames go straight back to its pool and nothing is allocated per frame on
 * this path. At the end the report is written beside the output ({@code OUT.qc.html}, {@code OUT.qc.json}). If QC
 * falls behind (the ring stays full for {@value #WAIT_MS} ms) it is dropped with a note instead of slowing the export.
 */
final class QcFeed {

    /** long enough to ride out a busy machine's scheduling (QC itself costs well under a millisecond a frame) */
    private static final long WAIT_MS = 2000;
    private static final int SLOTS = 8;
    private final QcService.Session session;
    private final Frame[] frames = new Frame[SLOTS];
    private final double[] times = new double[SLOTS];
    /** next slot the QC thread takes / the encoder fills (monotonic counters) */
    private volatile long head;
    private volatile long tail;
    private volatile boolean ended;
    private volatile Thread producer;
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean dropped;

    QcFeed(QcService qc, String source, int width, int height, double fps) {
        this.session = qc.session(source, width, height, fps, QcOptions.defaults().withoutAudio());
        this.thread = Thread.ofPlatform().name("export qc").daemon().start(this::run);
    }

    private void run() {
        try {
            while (true) {
                long h = head;
                if (h == tail) {
                    if (ended && h == tail) {
                        return;
                    }
                    LockSupport.parkNanos(this, 50_000_000L);
                    continue;
                }
                int i = (int) (h % SLOTS);
                Frame p = frames[i];
                frames[i] = null;
                try {
                    if (failure == null && !dropped) {
                        session.add(p, times[i]);
                    }
                } finally {
                    p.release();
                    head = h + 1;
                    Thread w = producer;
                    if (w != null) {
                        LockSupport.unpark(w);
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            releaseQueued();
        }
    }

    /** Hands a frame over (sampled now; the feed keeps no reference to {@code f}); false when QC gave up. */
    boolean add(Frame f, double seconds) {
        if (dropped || failure != null) {
            return false;
        }
        long t = tail;
        if (t - head >= SLOTS) {
            producer = Thread.currentThread();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
            while (t - head >= SLOTS) {
                if (dropped || failure != null) {
                    return false;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    dropped = true;
                    return false;
                }
                LockSupport.parkNanos(this, Math.min(left, 5_000_000L));
            }
        }
        Frame p;
        try {
            p = session.proxy(f);
        } catch (RuntimeException e) {
            failure = e;
            return false;
        }
        int i = (int) (t % SLOTS);
        frames[i] = p;
        times[i] = seconds;
        tail = t + 1;
        LockSupport.unpark(thread);
        return true;
    }

    /**
     * Waits for the queued frames and writes the report beside {@code output}; returns the HTML path, or null with
     * the reason in {@code note[0]} when QC was dropped or failed.
     */
    Path finish(QcService qc, Path output, String[] note) throws InterruptedException {
        ended = true;
        LockSupport.unpark(thread);
        thread.join();
        releaseQueued();
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

    /** Stops without a report (export failed or was cancelled); the QC thread releases what is queued and ends. */
    void abandon() {
        dropped = true;
        ended = true;
        LockSupport.unpark(thread);
    }

    /** Releases proxies still queued once the QC thread has stopped taking them. */
    private synchronized void releaseQueued() {
        for (int i = 0; i < SLOTS; i++) {
            Frame p = frames[i];
            if (p != null) {
                frames[i] = null;
                p.release();
            }
        }
    }
}
