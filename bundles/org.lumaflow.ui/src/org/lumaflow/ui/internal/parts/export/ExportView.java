package org.lumaflow.ui.internal.parts.export;

import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.lumaflow.ui.internal.jobs.ExportJob;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.DarkLook;

/** The export part's content: the settings form, then job control (with the segment table and the results). */
public final class ExportView {

    private final ExportContext ctx;
    private final SettingsForm form;
    private final JobControl control;

    /** Builds the views in {@code body} (a 3-column grid inside {@code scroll}); call {@link #start} after styling. */
    public ExportView(Studio studio, DarkLook look, ScrolledComposite scroll, Composite body) {
        ctx = new ExportContext(studio, look, scroll, body);
        form = new SettingsForm(ctx);
        control = new JobControl(ctx, form);
    }

    /** After the look is applied: fonts and colours, the project's defaults and the first preset. */
    public void start() {
        control.style();
        form.start();
        ctx.relayout();
    }

    public void projectChanged() {
        form.projectChanged();
    }

    /** The project was saved (perhaps under another name): the default output file follows. */
    public void projectRenamed() {
        form.projectRenamed();
    }

    public void relayout() {
        ctx.relayout();
    }

    /** The running export job, or null. */
    public ExportJob job() {
        return control.job();
    }

    public void dispose() {
        form.dispose();
    }
}
