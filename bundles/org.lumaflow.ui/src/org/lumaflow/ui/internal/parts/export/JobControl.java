package org.lumaflow.ui.internal.parts.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.lumaflow.export.ExportProgress;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.Exporter;
import org.lumaflow.export.segment.SegmentExecutor;
import org.lumaflow.export.segment.SegmentListener;
import org.lumaflow.export.segment.SegmentedExporter;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.ui.internal.Dialogs;
import org.lumaflow.ui.internal.jobs.ExportJob;
import org.lumaflow.ui.internal.jobs.Snapshot;

/**
 * Export and Cancel, the progress bar and status line, and the running {@link ExportJob} on a snapshot of the project
 * (single pass, or segmented with the segment table); at the end the {@link ResultView} ({@code export.start},
 * {@code export.cancel}, {@code export.progress}, {@code export.status}).
 */
final class JobControl {

    private final ExportContext ctx;
    private final SettingsForm form;
    private final Button start;
    private final Button cancel;
    private final ProgressBar progress;
    private final Label status;
    private final SegmentTable segments;
    private final ResultView results;
    private volatile ExportJob job;
    private volatile ExportProgress latest;
    private final AtomicBoolean progressPosted = new AtomicBoolean();

    JobControl(ExportContext ctx, SettingsForm form) {
        this.ctx = ctx;
        this.form = form;
        Composite buttons = new Composite(ctx.body, SWT.NONE);
        buttons.setLayoutData(ExportContext.span(3));
        GridLayout bl = new GridLayout(3, false);
        bl.marginWidth = 0;
        buttons.setLayout(bl);
        start = new Button(buttons, SWT.PUSH);
        start.setText("Export");
        start.setData("id", "export.start");
        GridData sd = new GridData();
        sd.widthHint = 110;
        start.setLayoutData(sd);
        start.addListener(SWT.Selection, e -> startExport());
        cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setData("id", "export.cancel");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> cancelExport());
        progress = new ProgressBar(buttons, SWT.HORIZONTAL | SWT.SMOOTH);
        progress.setData("id", "export.progress");
        progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        status = new Label(ctx.body, SWT.WRAP);
        status.setData("id", "export.status");
        status.setLayoutData(ExportContext.span(3));
        status.setText("Ready.");

        segments = new SegmentTable(ctx);
        results = new ResultView(ctx);
    }

    /** Fonts after the look is applied. */
    void style() {
        status.setFont(ctx.look.mono());
        start.setFont(ctx.look.bold());
        segments.style();
        results.style();
    }

    /** The running export job, or null. */
    ExportJob job() {
        return job;
    }

    private void startExport() {
        if (job != null) {
            return;
        }
        ExportSettings s;
        SegmentFields.Choice choice;
        try {
            s = form.settings();
            choice = form.segments.choice();
        } catch (IllegalArgumentException e) {
            status(e.getMessage(), ctx.look.error);
            return;
        }
        if (Files.exists(s.output()) && !Dialogs.confirm(start.getShell(), "Export", s.output() + " exists.\n\n"
                + "Replace it when the export has finished? (Until then, and if the export fails or is cancelled, it "
                + "stays as it is.)", true)) {
            return;
        }
        Snapshot snap;
        ExportJob.Start starter;
        String where = null;
        try {
            snap = Snapshot.of(ctx.studio);
            if (choice.segmented()) {
                SegmentedExporter seg = ctx.studio.services().require(SegmentedExporter.class);
                SegmentExecutor executor = form.segments.executor(choice);
                where = where(choice);
                SegmentListener table = segments.begin(where);
                starter = (t, base, st, l) -> seg.start(t, base, st, choice.segments(), executor, l, table);
            } else {
                Exporter exporter = ctx.studio.services().exporter();
                starter = exporter::start;
            }
        } catch (IOException | RuntimeException e) {
            segments.hide();
            status("Cannot export: " + e.getMessage(), ctx.look.error);
            return;
        }
        form.segments.remember();
        if (!choice.segmented()) {
            segments.hide();
        }
        latest = null;
        results.started(s.firstFrame());
        ExportJob[] self = new ExportJob[1];
        ExportJob j = new ExportJob(starter, snap, s, new ExportJob.Observer() {
            @Override
            public void progress(ExportProgress p) {
                latest = p;
                if (progressPosted.compareAndSet(false, true)) {
                    ctx.ui(JobControl.this::showProgress);
                }
            }

            @Override
            public void note(String message) {
                ctx.ui(() -> results.note(message));
            }

            @Override
            public void finished(ExportResult result, Throwable failure, boolean cancelled) {
                List<QcEvent> events = List.of();
                String qcLine = null;
                if (result != null && result.qcReport() != null) {
                    try {
                        Path json = QcReportJson.jsonBeside(result.qcReport());
                        QcReportJson.QcSummary q = QcReportJson.QcSummary.read(json);
                        events = q.events();
                        qcLine = q.line();
                    } catch (IOException | RuntimeException e) {
                        qcLine = "QC report written, but its JSON could not be read: " + e.getMessage();
                    }
                }
                List<QcEvent> ev = events;
                String ql = qcLine;
                ctx.ui(() -> done(self[0], result, failure, cancelled, ev, ql));
            }
        });
        self[0] = j;
        j.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                // safety net: the observer normally cleared it already
                ctx.ui(() -> {
                    if (job == j) {
                        job = null;
                        JobControl.this.running(false);
                    }
                });
            }
        });
        job = j;
        running(true);
        progress.setMaximum((int) Math.max(1, Math.min(Integer.MAX_VALUE, j.expectedFrames())));
        progress.setSelection(0);
        status("Starting " + s.output().getFileName() + " (" + j.expectedFrames() + " frames"
                + (where == null ? "" : ", " + (choice.segments() == 0 ? "automatic" : choice.segments())
                        + " segments on " + where) + ")…", ctx.look.foreground);
        j.schedule();
    }

    /** Where the segments run, in words. */
    private static String where(SegmentFields.Choice c) {
        return switch (c.executor()) {
            case "local" -> "this machine";
            case "hazelcast" -> c.options().containsKey("cluster") ? "cluster " + c.options().get("cluster")
                    : "an embedded Hazelcast member";
            default -> c.executor();
        };
    }

    private void cancelExport() {
        ExportJob j = job;
        if (j != null) {
            j.cancel();
            cancel.setEnabled(false);
            status("Cancelling… (the existing file stays untouched)", ctx.look.warning);
        }
    }

    private void running(boolean on) {
        start.setEnabled(!on);
        cancel.setEnabled(on);
    }

    private void showProgress() {
        progressPosted.set(false);
        ExportProgress p = latest;
        if (p == null || job == null || progress.isDisposed()) {
            return;
        }
        progress.setMaximum((int) Math.max(1, Math.min(Integer.MAX_VALUE, p.framesTotal())));
        progress.setSelection((int) Math.min(Integer.MAX_VALUE, p.framesDone()));
        if (cancel.getEnabled()) {
            status(ExportJob.describe(p), ctx.look.foreground);
        }
    }

    private void done(ExportJob j, ExportResult r, Throwable failure, boolean cancelled, List<QcEvent> events,
            String qcLine) {
        if (j == null || job == j) {
            job = null;
        }
        running(false);
        if (cancelled) {
            progress.setSelection(0);
            status("Cancelled. " + (j != null && Files.exists(j.settings().output()) ? "The existing file was left "
                    + "as it was." : "Nothing was written."), ctx.look.warning);
        } else if (failure != null) {
            status("Export failed: " + (failure.getMessage() == null ? failure : failure.getMessage()),
                    ctx.look.error);
        } else if (r != null) {
            progress.setSelection(progress.getMaximum());
            status(String.format(Locale.ROOT, "Done: %d frames in %.1f s (%.1f fps).", r.frames(), r.seconds(),
                    r.fps()), ctx.look.ok);
        }
        results.finished(j, r, events, qcLine);
        ctx.relayout();
    }

    private void status(String text, Color color) {
        ctx.status(status, text, color);
    }
}
