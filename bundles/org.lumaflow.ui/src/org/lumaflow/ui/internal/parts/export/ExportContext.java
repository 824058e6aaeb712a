package org.lumaflow.ui.internal.parts.export;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Timecode;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.DarkLook;

/**
 * What the export part's views share: the studio, the look, the scrolled form body (a 3-column grid: label, field,
 * extra) with its row helpers, relayout and marshalling onto the UI thread.
 */
public final class ExportContext {

    final Studio studio;
    final Display display;
    final DarkLook look;
    final ScrolledComposite scroll;
    final Composite body;

    ExportContext(Studio studio, DarkLook look, ScrolledComposite scroll, Composite body) {
        this.studio = studio;
        this.display = body.getDisplay();
        this.look = look;
        this.scroll = scroll;
        this.body = body;
    }

    /** A label in the first column; returns the body for the row's widgets. */
    Composite row(String label) {
        Label l = new Label(body, SWT.NONE);
        l.setText(label);
        l.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
        return body;
    }

    /** An empty first column. */
    void skip() {
        new Label(body, SWT.NONE).setLayoutData(new GridData(0, 0));
    }

    static GridData span(int n) {
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false, n, 1);
        d.widthHint = 200;
        return d;
    }

    Combo combo(Composite p, int style, int span) {
        Combo c = new Combo(p, style);
        c.setLayoutData(span(span));
        c.setVisibleItemCount(16);
        return c;
    }

    void relayout() {
        body.layout(true, true);
        int w = scroll.getClientArea().width;
        scroll.setMinSize(body.computeSize(Math.max(280, w), SWT.DEFAULT));
    }

    /** Runs {@code r} on the UI thread later, unless the part has gone. */
    void ui(Runnable r) {
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(() -> {
                if (!body.isDisposed()) {
                    r.run();
                }
            });
        } catch (org.eclipse.swt.SWTException e) {
            // the display went away
        }
    }

    /** A frame of the timeline as timecode. */
    String tc(long frame) {
        FrameRate rate = studio.timeline().format().rate();
        return Timecode.format(frame, rate, Timecode.defaultDropFrame(rate));
    }

    void status(Label status, String text, Color color) {
        status.setText(text);
        status.setForeground(color);
        relayout();
    }
}
