package org.lumaflow.ui.internal.parts;

import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.lumaflow.ui.internal.jobs.ExportJob;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.export.ExportView;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Export: a preset plus editable settings (output, container, codec, encoder probed in the background, quality or bit
 * rate, speed preset, size, frame range, audio, QC, segments and where they run), an Export button that runs an
 * {@link ExportJob} on a snapshot of the project (editing goes on), the part's own progress bar, status and Cancel,
 * the segment table of a segmented export, and at the end a summary: encoder and why, output size, warnings and the
 * QC events of the encoded file with its HTML report. The views live in {@code org.lumaflow.ui.internal.parts.export}.
 *
 * <p>For UI tests the main widgets carry {@code setData("id", ...)}: {@code export.output}, {@code export.start},
 * {@code export.cancel}, {@code export.progress}, {@code export.status} (also {@code export.preset}, {@code
 * export.container}, {@code export.codec}, {@code export.encoder}, {@code export.summary}, {@code export.qc.events},
 * {@code export.qc.open}, {@code export.segments}, {@code export.executor}, {@code export.segments.table}); {@link
 * #currentJob()} is the running job.
 */
public final class ExportPart {

    private Studio studio;
    private ExportView view;
    private final Consumer<Change> listener = c -> {
        if (c == Change.PROJECT) {
            view.projectChanged();
        } else if (c == Change.DIRTY) { // a save may have renamed or moved the project: the default output follows
            view.projectRenamed();
        }
    };

    /** The running export job, or null. */
    public Job currentJob() {
        return view == null ? null : view.job();
    }

    @PostConstruct
    public void create(Composite parent, Studio studio) {
        this.studio = studio;
        DarkLook look = new DarkLook(parent);
        parent.setLayout(new FillLayout());
        ScrolledComposite scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setScrollbarsMode(SWT.NONE); // classic bars: GTK's overlay bars stay hidden until hovered (defect 5)
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        Composite body = new Composite(scroll, SWT.NONE);
        scroll.setContent(body);
        GridLayout gl = new GridLayout(3, false);
        gl.marginWidth = 8;
        gl.verticalSpacing = 5;
        body.setLayout(gl);
        view = new ExportView(studio, look, scroll, body);
        scroll.addListener(SWT.Resize, e -> view.relayout());
        look.apply(parent);
        view.start();
        studio.addListener(listener);
    }

    @PreDestroy
    public void dispose() {
        studio.removeListener(listener);
        view.dispose();
    }
}
