package org.lumaflow.ui.internal.parts.export;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.core.time.Timecode;
import org.lumaflow.export.ExportSettings;

/**
 * The frame range: all, or in to out (timecode or frame number, out included), with buttons that take the playhead
 * ({@code export.range.all}, {@code export.range.inout}, {@code export.in}, {@code export.out}).
 */
final class RangeFields {

    private final ExportContext ctx;
    private final SettingsForm form;
    private final Button all;
    private final Button inOut;
    private final Text in;
    private final Text out;

    RangeFields(ExportContext ctx, SettingsForm form) {
        this.ctx = ctx;
        this.form = form;
        Composite range = new Composite(ctx.row("Range"), SWT.NONE);
        range.setLayoutData(ExportContext.span(2));
        GridLayout gr = new GridLayout(2, true);
        gr.marginWidth = gr.marginHeight = 0;
        range.setLayout(gr);
        all = new Button(range, SWT.RADIO);
        all.setText("All");
        all.setData("id", "export.range.all");
        all.setSelection(true);
        inOut = new Button(range, SWT.RADIO);
        inOut.setText("In–out");
        inOut.setData("id", "export.range.inout");
        in = new Text(range, SWT.BORDER);
        in.setData("id", "export.in");
        in.setToolTipText("First frame: timecode or frame number");
        out = new Text(range, SWT.BORDER);
        out.setData("id", "export.out");
        out.setToolTipText("Last frame (included): timecode or frame number");
        for (Text t : new Text[] {in, out}) {
            GridData td = new GridData(SWT.FILL, SWT.CENTER, true, false);
            td.widthHint = 80;
            t.setLayoutData(td);
        }
        markButton(range, "Set in", "In point = the playhead", in);
        markButton(range, "Set out", "Out point = the playhead (included)", out);
        all.addListener(SWT.Selection, e -> changed());
        inOut.addListener(SWT.Selection, e -> changed());
    }

    /** A button that sets {@code field} to the playhead and switches the range to in-out. */
    private void markButton(Composite range, String text, String tip, Text field) {
        Button b = new Button(range, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        b.addListener(SWT.Selection, e -> {
            field.setText(ctx.tc(ctx.studio.playhead()));
            inOut.setSelection(true);
            all.setSelection(false);
            changed();
        });
    }

    /** The project changed: the whole timeline. */
    void projectChanged() {
        long last = Math.max(0, ctx.studio.timeline().frameCount() - 1);
        in.setText(ctx.tc(0));
        out.setText(ctx.tc(last));
        all.setSelection(true);
        inOut.setSelection(false);
        changed();
    }

    private void changed() {
        boolean io = inOut.getSelection();
        in.setEnabled(io);
        out.setEnabled(io);
        form.custom();
    }

    /** {@code s} with the range, when in-out; names a bad field. */
    ExportSettings applyTo(ExportSettings s) {
        if (!inOut.getSelection()) {
            return s;
        }
        long total = ctx.studio.timeline().frameCount();
        long a = parseFrame(in.getText(), "In");
        long b = parseFrame(out.getText(), "Out");
        if (a < 0 || b < a || b >= total) {
            throw new IllegalArgumentException("Range " + ctx.tc(a) + " to " + ctx.tc(b) + " is not inside the "
                    + "timeline (0 to " + ctx.tc(Math.max(0, total - 1)) + ", out not before in).");
        }
        return s.withRange(a, b - a + 1);
    }

    private long parseFrame(String text, String what) {
        String t = text.trim();
        try {
            if (t.matches("\\d+")) {
                return Long.parseLong(t);
            }
            return Timecode.parse(t, ctx.studio.timeline().format().rate());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " point '" + t + "': " + e.getMessage());
        }
    }
}
