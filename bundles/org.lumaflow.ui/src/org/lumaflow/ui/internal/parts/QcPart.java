package org.lumaflow.ui.internal.parts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Timecode;
import org.lumaflow.qc.AudioQc;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.QcService;
import org.lumaflow.ui.internal.Dialogs;
import org.lumaflow.ui.internal.jobs.QcJob;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.QcSettings;
import org.lumaflow.ui.internal.model.Studio;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The last QC run: a summary line (frames, mean luma, event counts, loudness when measured) and the events in a
 * table (type, start, end, duration, detail); selecting an event moves the playhead to its first frame. "Run QC"
 * analyses the open timeline in the background ({@link QcJob}, whoever started it: the progress bar follows any QC
 * job); "Open HTML report" writes the report to a temporary file and opens it in the desktop's browser. The preset
 * list and "Thresholds…" set the detector thresholds ({@link QcThresholdsBar}).
 */
public final class QcPart {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.ui");

    private Studio studio;
    private Display display;
    private DarkLook look;
    private Label summary;
    private Label stale;
    private Table table;
    private Button run;
    private Button cancel;
    private Button html;
    private QcThresholdsBar thresholds;
    private ProgressBar bar;
    private Label progressText;
    private QcReport shown;
    private volatile QcJob running;
    private long analysedRevision = -1;
    private final Consumer<Change> listener = this::changed;
    private final IJobChangeListener jobs = new JobChangeAdapter() {
        @Override
        public void running(IJobChangeEvent event) {
            if (event.getJob() instanceof QcJob q) {
                running = q;
                ui(QcPart.this::showRunning);
            }
        }

        @Override
        public void done(IJobChangeEvent event) {
            if (event.getJob() instanceof QcJob q) {
                if (running == q) {
                    running = null;
                }
                IStatus st = event.getResult();
                ui(() -> finished(q, st));
            }
        }
    };

    @PostConstruct
    public void create(Composite parent, Studio studio) {
        this.studio = studio;
        this.display = parent.getDisplay();
        look = new DarkLook(parent);
        parent.setLayout(new GridLayout(1, false));

        Composite bar0 = new Composite(parent, SWT.NONE);
        bar0.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout gl = new GridLayout(6, false);
        gl.marginWidth = gl.marginHeight = 0;
        bar0.setLayout(gl);
        run = new Button(bar0, SWT.PUSH);
        run.setText("Run QC");
        run.setToolTipText("Render the timeline and check every frame (black, freeze, scene cuts, clipping)");
        run.setData("id", "qc.run");
        run.addListener(SWT.Selection, e -> runQc());
        cancel = new Button(bar0, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setData("id", "qc.cancel");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> {
            QcJob j = running;
            if (j != null) {
                j.cancel();
            }
        });
        html = new Button(bar0, SWT.PUSH);
        html.setText("Open HTML report");
        html.setData("id", "qc.html");
        html.addListener(SWT.Selection, e -> openHtml());
        bar = new ProgressBar(bar0, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setData("id", "qc.progress");
        GridData bd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        bd.minimumWidth = 60;
        bar.setLayoutData(bd);
        progressText = new Label(bar0, SWT.NONE);
        progressText.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, false, false));
        stale = new Label(bar0, SWT.NONE);
        stale.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, false, false));

        thresholds = new QcThresholdsBar(parent, studio);

        summary = new Label(parent, SWT.WRAP);
        summary.setData("id", "qc.summary");
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        table = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        table.setData("id", "qc.events");
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        table.setLinesVisible(false);
        String[] names = {"Type", "Start", "End", "Duration", "Detail"};
        int[] widths = {80, 100, 100, 80, 320};
        for (int i = 0; i < names.length; i++) {
            TableColumn c = new TableColumn(table, i == 3 ? SWT.RIGHT : SWT.LEFT);
            c.setText(names[i]);
            c.setWidth(widths[i]);
        }
        table.addListener(SWT.Selection, e -> jump(e.item));
        table.addListener(SWT.DefaultSelection, e -> jump(e.item));

        look.apply(parent);
        summary.setFont(look.bold());
        progressText.setForeground(look.dim);
        progressText.setFont(look.mono());
        table.setFont(look.mono());
        table.setHeaderBackground(look.raised);
        table.setHeaderForeground(look.foreground);
        stale.setForeground(look.warning);

        studio.addListener(listener);
        Job.getJobManager().addJobChangeListener(jobs);
        for (Job j : Job.getJobManager().find(QcJob.FAMILY)) {
            if (j.getState() == Job.RUNNING && j instanceof QcJob q) {
                running = q;
            }
        }
        refresh();
        showRunning();
        thresholds.show();
    }

    @PreDestroy
    public void dispose() {
        studio.removeListener(listener);
        Job.getJobManager().removeJobChangeListener(jobs);
    }

    private void changed(Change c) {
        switch (c) {
            case QC, PROJECT -> refresh();
            case TIMELINE, PARAMS -> updateStale();
            case PREFERENCES -> thresholds.show();
            default -> {
            }
        }
    }

    private void runQc() {
        if (running != null) {
            return;
        }
        QcJob j = new QcJob(studio, display);
        j.setUser(true);
        running = j;
        j.schedule();
        showRunning();
    }

    private void showRunning() {
        if (bar.isDisposed()) {
            return;
        }
        QcJob j = running;
        boolean on = j != null;
        run.setEnabled(!on);
        cancel.setEnabled(on);
        bar.setVisible(on);
        progressText.setVisible(on);
        if (on) {
            long total = j.total();
            long done = j.done();
            bar.setMaximum((int) Math.max(1, Math.min(Integer.MAX_VALUE, total)));
            bar.setSelection((int) Math.min(Integer.MAX_VALUE, done));
            progressText.setText(total > 0 ? done + " / " + total : "starting");
            progressText.getParent().layout();
            display.timerExec(200, this::showRunning); // polls while running, stops by itself
        }
    }

    private void finished(QcJob q, IStatus st) {
        if (bar.isDisposed()) {
            return;
        }
        showRunning();
        if (st != null && st.getSeverity() == IStatus.ERROR) {
            summary.setText(st.getMessage());
            summary.setForeground(look.error);
            summary.getParent().layout();
        } else if (st != null && st.getSeverity() == IStatus.CANCEL) {
            progressText.setText("cancelled");
        } else if (q.report() != null) {
            analysedRevision = q.revision();
            updateStale();
        }
    }

    private void refresh() {
        if (table.isDisposed()) {
            return;
        }
        QcReport r = studio.lastQc();
        shown = r;
        table.removeAll();
        summary.setForeground(look.foreground);
        html.setEnabled(r != null);
        if (r == null) {
            summary.setText("No QC run yet for " + studio.project().name() + ". Run QC renders the timeline and "
                    + "checks every frame.");
            analysedRevision = -1;
        } else {
            summary.setText(summaryLine(r));
            FrameRate rate = studio.timeline().format().rate();
            for (QcEvent e : r.events()) {
                TableItem it = new TableItem(table, SWT.NONE);
                it.setText(new String[] {e.type(), tc(e.start(), rate), e.type().equals("scene") ? "" : tc(e.end(),
                        rate), e.duration() > 0 ? String.format(Locale.ROOT, "%.2f s", e.duration()) : "",
                        e.detail()});
                it.setForeground(0, typeColor(e.type()));
                it.setData(e);
            }
            if (r.events().isEmpty()) {
                TableItem it = new TableItem(table, SWT.NONE);
                it.setText(new String[] {"", "", "", "", "no events: nothing black, frozen or clipping"});
                it.setForeground(look.ok);
            }
        }
        updateStale();
        summary.getParent().layout(true, true);
    }

    private void updateStale() {
        if (stale.isDisposed()) {
            return;
        }
        boolean old = shown != null && analysedRevision >= 0 && studio.timeline().revision() != analysedRevision;
        stale.setText(old ? "timeline edited since this run" : "");
        stale.getParent().layout();
    }

    static String summaryLine(QcReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d frames, %dx%d at %.3f fps, mean luma %.1f", r.frames().size(),
                r.width(), r.height(), r.fps(), r.meanLuma()));
        for (String t : List.of("black", "freeze", "scene", "clipping", "silence")) {
            int n = r.events(t).size();
            if (n > 0) {
                sb.append(", ").append(n).append(' ').append(t);
            }
        }
        if (r.options() != null) {
            sb.append("; thresholds ").append(QcSettings.describe(r.options()));
        }
        AudioQc a = r.audio();
        if (a != null) {
            sb.append(String.format(Locale.ROOT, "; loudness %.1f LUFS, range %.1f LU, true peak %.1f dBTP",
                    a.integrated(), a.range(), a.truePeak()));
        }
        return sb.toString();
    }

    private org.eclipse.swt.graphics.Color typeColor(String type) {
        return switch (type) {
            case "black" -> look.color(0xa0, 0xa4, 0xad);
            case "freeze" -> look.color(0x5f, 0xd3, 0xe0);
            case "scene" -> look.accent;
            case "clipping" -> look.error;
            case "silence" -> look.warning;
            default -> look.foreground;
        };
    }

    /** Seconds to timecode at the project rate. */
    public static String tc(double seconds, FrameRate rate) {
        return Timecode.format(frame(seconds, rate), rate, Timecode.defaultDropFrame(rate));
    }

    /** The frame shown at {@code seconds} (QC times are frame starts, so round to the nearest). */
    static long frame(double seconds, FrameRate rate) {
        return Math.max(0, Math.round(seconds * rate.toDouble()));
    }

    private void jump(org.eclipse.swt.widgets.Widget item) {
        if (item instanceof TableItem it && it.getData() instanceof QcEvent e) {
            studio.transport().stop();
            studio.setPlayhead(frame(e.start(), studio.timeline().format().rate()));
        }
    }

    private void openHtml() {
        QcReport r = shown;
        if (r == null) {
            return;
        }
        html.setEnabled(false);
        Thread t = new Thread(() -> {
            Path file = null;
            String error = null;
            try {
                QcService qc = studio.services().qc();
                file = Files.createTempFile("lumaflow-qc-", ".html");
                file.toFile().deleteOnExit();
                qc.writeHtml(r, file);
            } catch (Exception e) {
                error = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            Path f = file;
            String err = error;
            ui(() -> {
                html.setEnabled(shown != null);
                if (err != null) {
                    Dialogs.error(html.getShell(), "QC report", "Cannot write the HTML report: " + err);
                } else if (!Dialogs.unattended() && !Program.launch(f.toString())) {
                    Dialogs.error(html.getShell(), "QC report", "No program opens HTML files here; the report is at "
                            + f);
                } else {
                    LOG.log(System.Logger.Level.INFO, "QC report written to " + f);
                }
            });
        }, "qc-html-report");
        t.setDaemon(true);
        t.start();
    }

    private void ui(Runnable r) {
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(() -> {
                if (!table.isDisposed()) {
                    r.run();
                }
            });
        } catch (org.eclipse.swt.SWTException e) {
            // display went away meanwhile
        }
    }
}
