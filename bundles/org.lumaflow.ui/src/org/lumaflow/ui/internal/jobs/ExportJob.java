package org.lumaflow.ui.internal.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportProgress;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.Exporter;

/**
 * Exports a {@link Snapshot} of the project with the {@link Exporter} service as an Eclipse job ("Export FILE", a
 * user job). The exporter's progress becomes monitor ticks (one per frame) and a sub-task with frames, fps and ETA;
 * cancelling the monitor cancels the export, which leaves an existing destination untouched (the exporter writes to
 * a {@code .partial} file beside it and renames only on success) and the job ends with {@link Status#CANCEL_STATUS}.
 * An optional {@link Observer} hears the same events (on the job's and the exporter's threads).
 */
public final class ExportJob extends Job {

    /** The family of every export job. */
    public static final Object FAMILY = new Object();

    private static final String PLUGIN = "org.lumaflow.ui";

    /** Hears an export's progress; called on background threads (marshal to the UI yourself). */
    public interface Observer {

        /** About ten times a second. */
        void progress(ExportProgress p);

        /** Encoder choice, fallbacks, warnings as they happen. */
        default void note(String message) {
        }

        /**
         * The end: {@code result} on success, else {@code failure} (null when {@code cancelled}).
         */
        void finished(ExportResult result, Throwable failure, boolean cancelled);
    }

    /** Starts the export itself: the exporter's single pass, or a segmented export. */
    @FunctionalInterface
    public interface Start {
        org.lumaflow.export.ExportJob start(org.lumaflow.engine.timeline.Timeline timeline, java.nio.file.Path baseDir,
                ExportSettings settings, ExportListener listener) throws ExportException;
    }

    private final Start starter;
    private final Snapshot snapshot;
    private final ExportSettings settings;
    private final Observer observer;
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private volatile ExportProgress progress;
    private volatile ExportResult result;
    private volatile Throwable failure;

    public ExportJob(Exporter exporter, Snapshot snapshot, ExportSettings settings, Observer observer) {
        this(exporter::start, snapshot, settings, observer);
    }

    /** An export started by {@code starter} (e.g. a segmented export). */
    public ExportJob(Start starter, Snapshot snapshot, ExportSettings settings, Observer observer) {
        super("Export " + settings.output().getFileName());
        this.starter = starter;
        this.snapshot = snapshot;
        this.settings = settings;
        this.observer = observer;
        setUser(true);
        setPriority(LONG);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    public ExportSettings settings() {
        return settings;
    }

    /** The latest progress (null before the first frame). */
    public ExportProgress progress() {
        return progress;
    }

    /** Notes the exporter made so far. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The result once finished successfully, else null. */
    public ExportResult result() {
        return result;
    }

    /** Why it failed (null while running, on success and on cancel). */
    public Throwable failure() {
        return failure;
    }

    /** Frames the settings ask for. */
    public long expectedFrames() {
        long total = snapshot.timeline().frameCount() - settings.firstFrame();
        return Math.max(0, settings.frames() < 0 ? total : Math.min(total, settings.frames()));
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        long expected = expectedFrames();
        int ticks = (int) Math.min(Integer.MAX_VALUE, Math.max(1, expected));
        monitor.beginTask(getName(), ticks);
        org.lumaflow.export.ExportJob job;
        try {
            job = starter.start(snapshot.timeline(), snapshot.baseDir(), settings, new ExportListener() {
                @Override
                public void progress(ExportProgress p) {
                    progress = p;
                    if (observer != null) {
                        observer.progress(p);
                    }
                }

                @Override
                public void note(String message) {
                    notes.add(message);
                    if (observer != null) {
                        observer.note(message);
                    }
                }
            });
        } catch (ExportException | RuntimeException e) {
            return end(null, e, false, monitor);
        }
        long worked = 0;
        try {
            while (true) {
                if (monitor.isCanceled()) {
                    job.cancel();
                    try {
                        job.await(Duration.ofSeconds(10)); // stops within about half a second
                    } catch (ExportException ignored) {
                        // the expected "cancelled"
                    }
                    return end(null, null, true, monitor);
                }
                ExportResult r;
                try {
                    r = job.await(Duration.ofMillis(100));
                } catch (ExportException e) {
                    return end(null, e, e.cancelled(), monitor);
                }
                ExportProgress p = progress;
                if (p != null) {
                    long d = Math.min(ticks, p.framesDone());
                    if (d > worked) {
                        monitor.worked((int) (d - worked));
                        worked = d;
                    }
                    monitor.subTask(describe(p));
                }
                if (r != null) {
                    return end(r, null, false, monitor);
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            return end(null, null, true, monitor);
        }
    }

    private IStatus end(ExportResult r, Throwable error, boolean cancelled, IProgressMonitor monitor) {
        monitor.done();
        result = r;
        failure = cancelled ? null : error;
        if (observer != null) {
            try {
                observer.finished(r, failure, cancelled);
            } catch (RuntimeException e) {
                System.getLogger(PLUGIN).log(System.Logger.Level.WARNING, "export observer failed", e);
            }
        }
        if (cancelled) {
            return Status.CANCEL_STATUS;
        }
        if (error != null) {
            return new Status(IStatus.ERROR, PLUGIN, error.getMessage() == null ? error.toString()
                    : error.getMessage(), error);
        }
        return Status.OK_STATUS;
    }

    /** "120 / 480 frames, 45.2 fps, ETA 0:08 (libx264)". */
    public static String describe(ExportProgress p) {
        String eta = Double.isNaN(p.etaSeconds()) || Double.isInfinite(p.etaSeconds()) ? "--:--"
                : clock(p.etaSeconds());
        return String.format(Locale.ROOT, "%d / %d frames, %.1f fps, ETA %s%s", p.framesDone(), p.framesTotal(),
                p.fps(), eta, p.encoder() == null ? "" : " (" + p.encoder() + ")");
    }

    /** Seconds as m:ss or h:mm:ss. */
    public static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
