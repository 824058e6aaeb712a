package org.lumaflow.export.internal.segment;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.lumaflow.export.ExportException;
import org.lumaflow.export.segment.SegmentListener;
import org.lumaflow.export.segment.SegmentPlan;
import org.lumaflow.export.segment.SegmentResult;
import org.lumaflow.export.segment.SegmentedExporter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A framework started as a segment worker ({@code -Dlumaflow.segment.worker=PLAN#INDEX}, see {@link WorkerLauncher}):
 * starts the product's bundles, encodes that one segment, reports on stdout ({@link #report}) and exits with 0, or 1
 * with the reason. Does nothing in any other framework.
 */
@Component(immediate = true)
public final class WorkerMode {

    /** Lines a worker prints: {@code segment-progress FRAMES}, {@code segment-done SHA256}, {@code segment-failed WHY}. */
    public static final String PROGRESS = "segment-progress ";
    public static final String DONE = "segment-done ";
    public static final String FAILED = "segment-failed ";

    @Activate
    void activate(BundleContext bc) {
        String spec = bc.getProperty(WorkerLauncher.WORKER_PROPERTY);
        if (spec == null || !spec.contains("#")) {
            return;
        }
        Thread.ofPlatform().name("segment worker").start(() -> {
            int code = 1;
            try {
                for (Bundle b : bc.getBundles()) {
                    if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.lumaflow.")
                            && b.getHeaders().get("Fragment-Host") == null && b.getState() != Bundle.ACTIVE) {
                        b.start(Bundle.START_TRANSIENT);
                    }
                }
                ServiceTracker<SegmentedExporter, SegmentedExporter> t = new ServiceTracker<>(bc,
                        SegmentedExporter.class, null);
                t.open();
                SegmentedExporter ex = t.waitForService(60_000);
                if (ex == null) {
                    throw new ExportException("the segmented exporter did not start within 60 s", null);
                }
                int hash = spec.lastIndexOf('#');
                code = run(ex, Path.of(spec.substring(0, hash)), Integer.parseInt(spec.substring(hash + 1)),
                        System.out);
            } catch (Throwable e) {
                System.out.println(FAILED + org.lumaflow.export.internal.SegmentSupport.describe(e));
            }
            System.out.flush();
            System.exit(code);
        });
    }

    /** Runs one segment, reporting on {@code out}; the exit code (0 done, 1 failed). Used by the CLI worker too. */
    public static int run(SegmentedExporter ex, Path planFile, int index, PrintStream out) {
        try {
            SegmentPlan plan = ex.load(planFile);
            long[] last = {-1};
            SegmentResult r = ex.encode(plan, index, new SegmentListener() {
                @Override
                public void progress(int i, long frames) {
                    if (frames != last[0]) {
                        last[0] = frames;
                        out.println(PROGRESS + frames);
                        out.flush();
                    }
                }
            }, parentGone());
            out.println(DONE + r.sha256());
            out.flush();
            return 0;
        } catch (ExportException e) {
            out.println(FAILED + e.getMessage());
            out.flush();
            return 1;
        }
    }

    /** True once the process that started this worker has gone (then the segment stops). */
    private static BooleanSupplier parentGone() {
        String parent = System.getProperty(WorkerLauncher.PARENT_PROPERTY);
        if (parent == null) {
            return () -> false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(parent));
        return () -> p.isEmpty() || !p.get().isAlive();
    }
}
