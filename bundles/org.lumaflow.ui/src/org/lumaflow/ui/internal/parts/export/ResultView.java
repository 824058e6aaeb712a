package org.lumaflow.ui.internal.parts.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.export.EncoderChoice;
import org.lumaflow.export.ExportResult;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.ui.internal.Dialogs;
import org.lumaflow.ui.internal.jobs.ExportJob;
import org.lumaflow.ui.internal.parts.QcPart;

/**
 * The end of an export: a summary (output, size, encoder and why, warnings, notes), the QC events of the encoded file
 * (click one to go there) and buttons to open the QC report and play the output ({@code export.summary},
 * {@code export.qc.events}, {@code export.qc.open}, {@code export.play}).
 */
final class ResultView {

    private final ExportContext ctx;
    private final Text summary;
    private final Table qcEvents;
    private final Button openQc;
    private final Button openOutput;
    private final List<String> liveNotes = new ArrayList<>();
    private Path lastQcReport;
    private Path lastOutput;
    private long firstFrame;

    ResultView(ExportContext ctx) {
        this.ctx = ctx;
        summary = new Text(ctx.body, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        summary.setData("id", "export.summary");
        GridData smd = ExportContext.span(3);
        smd.heightHint = 110;
        summary.setLayoutData(smd);

        qcEvents = new Table(ctx.body, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        qcEvents.setData("id", "export.qc.events");
        qcEvents.setHeaderVisible(true);
        GridData qd = ExportContext.span(3);
        qd.heightHint = 110;
        qcEvents.setLayoutData(qd);
        String[] cols = {"QC event", "Start", "End", "Detail"};
        int[] widths = {80, 95, 95, 240};
        for (int i = 0; i < cols.length; i++) {
            TableColumn c = new TableColumn(qcEvents, SWT.LEFT);
            c.setText(cols[i]);
            c.setWidth(widths[i]);
        }
        qcEvents.addListener(SWT.Selection, e -> {
            if (e.item instanceof TableItem it && it.getData() instanceof QcEvent ev) {
                FrameRate rate = ctx.studio.timeline().format().rate();
                ctx.studio.setPlayhead(firstFrame + Math.round(ev.start() * rate.toDouble()));
            }
        });

        Composite after = new Composite(ctx.body, SWT.NONE);
        after.setLayoutData(ExportContext.span(3));
        GridLayout al = new GridLayout(2, false);
        al.marginWidth = 0;
        after.setLayout(al);
        openQc = new Button(after, SWT.PUSH);
        openQc.setText("Open QC report");
        openQc.setData("id", "export.qc.open");
        openQc.setEnabled(false);
        openQc.addListener(SWT.Selection, e -> launch(lastQcReport));
        openOutput = new Button(after, SWT.PUSH);
        openOutput.setText("Play output");
        openOutput.setData("id", "export.play");
        openOutput.setEnabled(false);
        openOutput.addListener(SWT.Selection, e -> launch(lastOutput));
    }

    /** Fonts and colours after the look is applied. */
    void style() {
        summary.setFont(ctx.look.mono());
        qcEvents.setFont(ctx.look.mono());
        qcEvents.setHeaderBackground(ctx.look.raised);
        qcEvents.setHeaderForeground(ctx.look.foreground);
    }

    /** A new export from {@code first} (the range's first frame): everything cleared. */
    void started(long first) {
        firstFrame = first;
        liveNotes.clear();
        summary.setText("");
        qcEvents.removeAll();
        openQc.setEnabled(false);
        openOutput.setEnabled(false);
    }

    /** A note during the export (encoder choice, fallback, warning). */
    void note(String message) {
        liveNotes.add(message);
        summary.setText(String.join("\n", liveNotes));
    }

    /** The end: the summary and the QC events. */
    void finished(ExportJob j, ExportResult r, List<QcEvent> events, String qcLine) {
        StringBuilder sb = new StringBuilder();
        if (r != null) {
            sb.append(String.format(Locale.ROOT, "%s  %s%n%dx%d, %d frames, %s%n", r.output(), bytes(r.output()),
                    r.width(), r.height(), r.frames(), ExportJob.clock(r.seconds())));
            sb.append("Encoder: ").append(r.encoder()).append(why(r, j)).append('\n');
            for (String w : r.warnings()) {
                sb.append("Warning: ").append(w).append('\n');
            }
            lastOutput = r.output();
            openOutput.setEnabled(true);
            lastQcReport = r.qcReport();
            openQc.setEnabled(r.qcReport() != null);
            if (qcLine != null) {
                sb.append(qcLine).append('\n');
            } else if (j != null && j.settings().qc()) {
                sb.append("QC: no report (see the notes above)\n");
            }
        }
        for (String n : liveNotes) {
            if (r == null || !r.warnings().contains(n)) {
                sb.append("Note: ").append(n).append('\n');
            }
        }
        summary.setText(sb.toString().strip());
        qcEvents.removeAll();
        FrameRate rate = ctx.studio.timeline().format().rate();
        for (QcEvent e : events) {
            TableItem it = new TableItem(qcEvents, SWT.NONE);
            it.setText(new String[] {e.type(), QcPart.tc(e.start(), rate),
                e.type().equals("scene") ? "" : QcPart.tc(e.end(), rate), e.detail()});
            it.setData(e);
        }
        if (r != null && r.qcReport() != null && events.isEmpty()) {
            new TableItem(qcEvents, SWT.NONE).setText(new String[] {"", "", "", "no QC events"});
        }
    }

    /** Why the encoder was used: pinned, or the automatic choice with the skipped candidates. */
    private static String why(ExportResult r, ExportJob j) {
        if (j != null && j.settings().encoderPinned()) {
            return " (chosen by you)";
        }
        StringBuilder sb = new StringBuilder(" (automatic: ");
        List<String> skipped = new ArrayList<>();
        for (EncoderChoice c : r.candidates()) {
            if (c.name().equals(r.encoder())) {
                break;
            }
            skipped.add(c.name() + ": " + (c.usable() ? "failed during the export" : c.reason()));
        }
        EncoderChoice used = r.candidates().stream().filter(c -> c.name().equals(r.encoder())).findFirst()
                .orElse(null);
        sb.append(skipped.isEmpty() ? "first candidate" : "first usable candidate");
        if (used != null) {
            sb.append(used.hardware() ? ", hardware" : ", software");
        }
        sb.append(')');
        for (String s : skipped) {
            sb.append("\n  skipped ").append(s);
        }
        return sb.toString();
    }

    private static String bytes(Path file) {
        try {
            long b = Files.size(file);
            return b >= 1 << 30 ? String.format(Locale.ROOT, "%.2f GB", b / 1e9)
                    : b >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", b / 1e6)
                            : String.format(Locale.ROOT, "%.1f kB", b / 1e3);
        } catch (IOException e) {
            return "(size unknown)";
        }
    }

    private void launch(Path file) {
        if (file == null) {
            return;
        }
        if (!Files.exists(file)) {
            Dialogs.error(summary.getShell(), "Export", file + " is gone.");
        } else if (!Dialogs.unattended() && !Program.launch(file.toString())) {
            Dialogs.error(summary.getShell(), "Export", "No program is set up to open " + file);
        }
    }
}
