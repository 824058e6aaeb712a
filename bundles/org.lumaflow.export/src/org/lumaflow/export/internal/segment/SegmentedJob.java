package org.lumaflow.export.internal.segment;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportProgress;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.internal.FutureJob;
import org.lumaflow.export.internal.SegmentSupport;
import org.lumaflow.export.segment.SegmentExecutor;
import org.lumaflow.export.segment.SegmentListener;
import org.lumaflow.export.segment.SegmentPlan;
import org.lumaflow.export.segment.SegmentResult;

/**
 * A segmented export on its own thread: the executor runs the segments, then they are joined and checked. Progress
 * counts frames over all segments; cancel stops every segment and removes the work folder; the output is touched
 * only by the final rename.
 */
final class SegmentedJob extends FutureJob {

    private final SegmentedExporterImpl exporter;
    private final SegmentPlan plan;
    private final SegmentExecutor executor;
    private final ExportListener listener;
    private final SegmentListener segments;
    private final AtomicLongArray framesDone;
    private final AtomicLong lastNote = new AtomicLong();
    /** When the first segment reported its first frame (0: not yet): the workers' start-up. */
    private final AtomicLong firstFrame = new AtomicLong();
    private volatile boolean cancelled;
    private long t0;

    SegmentedJob(SegmentedExporterImpl exporter, SegmentPlan plan, SegmentExecutor executor, ExportListener l,
            SegmentListener segments) {
        this.exporter = exporter;
        this.plan = plan;
        this.executor = executor;
        this.listener = l;
        this.segments = segments == null ? SegmentListener.none() : segments;
        this.framesDone = new AtomicLongArray(plan.segments().size());
    }

    void start() {
        Thread.ofPlatform().name("segmented export " + plan.output().getFileName()).start(this::run);
    }

    private void run() {
        t0 = System.nanoTime();
        ExportResult result = null;
        ExportException failure = null;
        try {
            result = segmentsAndJoin();
        } catch (ExportException e) {
            failure = cancelled && !e.cancelled() ? cancelledException() : e;
        } catch (Throwable e) {
            failure = new ExportException(plan.output() + ": segmented export failed: " + SegmentSupport.describe(e),
                    e);
        }
        SegmentedExporterImpl.cleanUp(plan); // before anyone waiting hears of the end
        if (failure != null) {
            done.completeExceptionally(failure);
        } else {
            done.complete(result);
        }
    }

    private ExportResult segmentsAndJoin() throws ExportException {
        segments.planned(plan);
        List<SegmentResult> results = executor.run(plan, new SegmentListener() {
            @Override
            public void progress(int index, long frames) {
                if (frames > 0 && firstFrame.get() == 0) {
                    firstFrame.compareAndSet(0, System.nanoTime());
                }
                framesDone.set(index, frames);
                segments.progress(index, frames);
                report();
            }

            @Override
            public void state(int index, String state) {
                if (state.startsWith("retry") || state.startsWith("failed")) {
                    listener.note("segment " + index + ": " + state);
                }
                segments.state(index, state);
            }

            @Override
            public void members(List<String> members) {
                segments.members(members);
            }
        }, () -> cancelled);
        if (cancelled) {
            throw cancelledException();
        }
        for (SegmentResult r : results) {
            framesDone.set(r.index(), r.frames());
        }
        report();
        long first = firstFrame.get();
        listener.note(String.format(Locale.ROOT, "%d segments encoded in %.2f s (first frames after %.2f s)",
                plan.segments().size(), (System.nanoTime() - t0) / 1e9, first == 0 ? 0 : (first - t0) / 1e9));
        ExportResult joined = exporter.join(plan, results, listener, () -> cancelled);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new ExportResult(joined.output(), joined.encoder(), joined.candidates(), joined.frames(), secs,
                joined.width(), joined.height(), joined.warnings(), joined.qcReport());
    }

    private ExportException cancelledException() {
        return new ExportException(plan.output() + ": export cancelled; the destination was not touched", null, true);
    }

    private void report() {
        long now = System.nanoTime();
        long last = lastNote.get();
        if (now - last < 100_000_000L || !lastNote.compareAndSet(last, now)) {
            return;
        }
        long sum = 0;
        for (int i = 0; i < framesDone.length(); i++) {
            sum += framesDone.get(i);
        }
        long total = plan.frames();
        double el = (now - t0) / 1e9;
        double fps = el > 0 ? sum / el : 0;
        listener.progress(new ExportProgress(Math.min(sum, total), total, fps,
                fps > 0 ? (total - sum) / fps : Double.NaN, plan.encoder()));
    }

    @Override
    public void cancel() {
        cancelled = true;
    }
}
