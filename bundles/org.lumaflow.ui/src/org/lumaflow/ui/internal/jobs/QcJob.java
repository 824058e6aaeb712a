package org.lumaflow.ui.internal.jobs;

import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.lumaflow.qc.QcException;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.QcService;
import org.lumaflow.ui.internal.model.QcSettings;
import org.lumaflow.ui.internal.model.Studio;

/**
 * Renders the open timeline and analyses every frame with the {@link QcService} (black, freeze, scene cuts, clipping,
 * signal statistics) at the thresholds of the preferences ({@link QcSettings}), on a private {@link Snapshot copy} of the project so editing goes on meanwhile. Progress goes to
 * the monitor (one tick per frame); cancelling stops within a frame. At the end the report becomes the studio's
 * {@link Studio#setLastQc last QC} on the UI thread. Jobs of this class belong to the family {@link #FAMILY}.
 */
public final class QcJob extends Job {

    /** The family of every QC job ({@code Job.getJobManager().find(QcJob.FAMILY)}). */
    public static final Object FAMILY = new Object();

    private static final String PLUGIN = "org.lumaflow.ui";

    private final Studio studio;
    private final Display display;
    private volatile long done;
    private volatile long total;
    private volatile long revision = -1;
    private volatile QcReport report;

    public QcJob(Studio studio, Display display) {
        super("QC");
        this.studio = studio;
        this.display = display;
        setPriority(LONG);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    /** Frames analysed so far. */
    public long done() {
        return done;
    }

    /** Frames to analyse (0 until the job started). */
    public long total() {
        return total;
    }

    /** The timeline revision the run analysed (-1 before it started). */
    public long revision() {
        return revision;
    }

    /** The report, once finished successfully (else null). */
    public QcReport report() {
        return report;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Snapshot snap;
        QcService qc;
        QcOptions options;
        try {
            snap = Snapshot.of(studio);
            qc = studio.services().qc();
            options = QcSettings.options(studio.preferences()).withoutAudio();
        } catch (Exception e) {
            return Status.error("QC cannot start: " + e.getMessage(), e);
        }
        revision = snap.revision();
        total = snap.timeline().frameCount();
        setName("QC " + snap.name());
        int ticks = (int) Math.min(Integer.MAX_VALUE, Math.max(1, total));
        monitor.beginTask("QC " + snap.name(), ticks);
        long t0 = System.nanoTime();
        long[] reported = {0};
        long[] lastSub = {0};
        try {
            QcReport r = qc.analyze(snap.timeline(), snap.baseDir(), snap.name(), options, (k, n) -> {
                done = k;
                if (n > 0) {
                    total = n;
                }
                long step = k - reported[0];
                if (step > 0 && k <= ticks) {
                    monitor.worked((int) step);
                    reported[0] = k;
                }
                long now = System.nanoTime();
                if (now - lastSub[0] > 250_000_000L) {
                    lastSub[0] = now;
                    double fps = k / Math.max(1e-9, (now - t0) / 1e9);
                    monitor.subTask(String.format(Locale.ROOT, "frame %d of %d, %.1f fps", k, n, fps));
                }
                return !monitor.isCanceled();
            });
            report = r;
            try {
                if (!display.isDisposed()) {
                    display.asyncExec(() -> studio.setLastQc(r));
                }
            } catch (org.eclipse.swt.SWTException gone) {
                // the workbench closed meanwhile: nobody to tell
            }
            return Status.OK_STATUS;
        } catch (QcException e) {
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            return new Status(IStatus.ERROR, PLUGIN, "QC failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            return new Status(IStatus.ERROR, PLUGIN, "QC failed: " + e, e);
        } finally {
            monitor.done();
        }
    }
}
