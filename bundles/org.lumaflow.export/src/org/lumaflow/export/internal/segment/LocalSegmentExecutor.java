package org.lumaflow.export.internal.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.lumaflow.export.ExportException;
import org.lumaflow.export.segment.SegmentExecutor;
import org.lumaflow.export.segment.SegmentListener;
import org.lumaflow.export.segment.SegmentPlan;
import org.lumaflow.export.segment.SegmentResult;
import org.lumaflow.export.segment.SegmentedExporter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code local} executor: segments run as worker processes of the product on this machine
 * ({@link WorkerProcess}), {@link AutoParallelism#workers()} at once, each worker on its own GPU where there are
 * several. A failed segment is retried up to {@code -Dlumaflow.segments.tries} times in all (default 3); a
 * failure for good stops the others. {@code -Dlumaflow.segments.inprocess=true} runs segments on threads of this
 * process instead (no crash isolation; for tests and debugging).
 */
@Component(service = SegmentExecutor.class, property = "name=local")
public final class LocalSegmentExecutor implements SegmentExecutor {

    private final SegmentedExporter exporter;

    @Activate
    public LocalSegmentExecutor(@Reference SegmentedExporter exporter) {
        this.exporter = exporter;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public int parallelism() {
        return AutoParallelism.workers();
    }

    static int tries() {
        return Math.max(1, Integer.getInteger("lumaflow.segments.tries", 3));
    }

    @Override
    public List<SegmentResult> run(SegmentPlan plan, SegmentListener listener, BooleanSupplier cancelled)
            throws ExportException {
        int n = plan.segments().size();
        boolean inProcess = Boolean.getBoolean("lumaflow.segments.inprocess");
        int workers = Math.min(n, parallelism());
        int gpus = AutoParallelism.gpus();
        int cpus = AutoParallelism.cpuShare(workers);
        SegmentResult[] results = new SegmentResult[n];
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < n; i++) {
            queue.add(i);
            listener.state(i, "queued");
        }
        AtomicReference<ExportException> failure = new AtomicReference<>();
        BooleanSupplier stop = () -> cancelled.getAsBoolean() || failure.get() != null;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int gpu = gpus >= 2 ? w % gpus : -1;
            threads.add(Thread.ofPlatform().name("segment worker " + w).start(() -> {
                Integer index;
                while (!stop.getAsBoolean() && (index = queue.poll()) != null) {
                    try {
                        results[index] = attempt(plan, index, gpu, cpus, inProcess, listener, stop);
                        listener.state(index, "done");
                    } catch (ExportException e) {
                        if (!e.cancelled() || !stop.getAsBoolean()) {
                            failure.compareAndSet(null, e);
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new ExportException("interrupted", e, true));
            }
        }
        if (cancelled.getAsBoolean()) {
            throw new ExportException(plan.output() + ": export cancelled; the destination was not touched", null,
                    true);
        }
        if (failure.get() != null) {
            ExportException e = failure.get();
            throw new ExportException(plan.output() + ": " + e.getMessage() + "; the destination was not touched",
                    e.getCause(), e.cancelled());
        }
        return List.of(results);
    }

    private SegmentResult attempt(SegmentPlan plan, int index, int gpu, int cpus, boolean inProcess,
            SegmentListener listener,
            BooleanSupplier stop) throws ExportException {
        int tries = tries();
        for (int k = 1;; k++) {
            try {
                return inProcess ? exporter.encode(plan, index, listener, stop)
                        : WorkerProcess.run(plan, index, gpu, cpus, k, listener, stop);
            } catch (ExportException e) {
                if (e.cancelled() || stop.getAsBoolean()) {
                    throw e;
                }
                if (k >= tries) {
                    throw new ExportException(e.getMessage() + " (failed " + k + " time" + (k > 1 ? "s" : "")
                            + ", no retry left)", e.getCause());
                }
                listener.state(index, "retry " + (k + 1) + ": " + e.getMessage());
                listener.progress(index, 0);
            }
        }
    }
}
