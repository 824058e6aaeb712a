package org.lumaflow.ui.internal.parts;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.timeline.Skin;
import org.lumaflow.ui.internal.parts.timeline.TimelineView;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The timeline: tracks (highest layer on top) with clips and transitions, timecode ruler and playhead. Click or drag
 * the ruler to scrub; click a clip to select it, drag it to move it (also to another track), drag its edges to trim
 * (snapping to clip edges and the playhead); Ctrl+wheel zooms; the toolbar splits, deletes, ripple-deletes and adds
 * transitions; media files dropped on a track become clips.
 */
public final class TimelinePart {

    private Studio studio;
    private Skin skin;
    private TimelineView view;
    private Label status;
    private ToolItem split;
    private ToolItem delete;
    private ToolItem ripple;
    private ToolItem transition;
    private ToolItem snap;
    private long lastPlayhead;
    private final Consumer<Change> listener = this::changed;

    @PostConstruct
    public void create(Composite parent, Studio studio) {
        this.studio = studio;
        skin = new Skin(parent.getDisplay());
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.verticalSpacing = 0;
        root.setLayout(gl);
        root.setBackground(skin.panel);

        ToolBar bar = new ToolBar(root, SWT.FLAT | SWT.RIGHT);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setData("org.lumaflow.ui.timeline.toolbar", Boolean.TRUE);
        bar.setBackground(skin.panel); // light text on the dark panel (GTK's default drew dark text on it)
        bar.setForeground(skin.text);
        view = new TimelineView(root, studio, skin);
        view.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        tool(bar, "\u2212", "Zoom out (Ctrl+wheel)", "zoomOut", () -> view.zoom(1 / 1.5));
        tool(bar, "+", "Zoom in (Ctrl+wheel)", "zoomIn", () -> view.zoom(1.5));
        tool(bar, "Fit", "Zoom to fit the whole timeline", "fit", view::zoomFit);
        snap = new ToolItem(bar, SWT.CHECK);
        snap.setText("Snap");
        snap.setToolTipText("Snap to clip edges and the playhead while dragging");
        snap.setData("action", "snap");
        snap.setSelection(view.snapping());
        snap.addListener(SWT.Selection, e -> view.setSnapping(snap.getSelection()));
        view.onSnappingChanged(() -> snap.setSelection(view.snapping()));
        new ToolItem(bar, SWT.SEPARATOR);
        split = tool(bar, "Split", "Split the selected clip at the playhead", "split",
                () -> view.commands().action("split"));
        delete = tool(bar, "Delete", "Delete the selected clip (leaves a gap)", "delete",
                () -> view.commands().action("delete"));
        ripple = tool(bar, "Ripple", "Delete the selected clip and close the gap", "ripple",
                () -> view.commands().action("ripple"));
        transition = tool(bar, "Transition", "Add a dissolve where the selected clip overlaps its neighbour",
                "transition", () -> view.commands().addTransitionToSelection());

        for (ToolItem ti : bar.getItems()) { // GTK drew the enabled items' text dark on the dark panel
            ti.setForeground(skin.text);
            ti.setBackground(skin.panel);
        }
        status = new Label(root, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setBackground(skin.panel);
        status.setForeground(skin.textDim);
        status.setFont(skin.small);
        view.setStatusSink(s -> {
            if (!status.isDisposed() && !status.getText().equals(s)) {
                status.setText(s);
            }
        });
        root.addListener(SWT.Dispose, e -> skin.dispose());
        lastPlayhead = studio.project() == null ? 0 : studio.playhead();
        studio.addListener(listener);
        updateButtons();
    }

    private static ToolItem tool(ToolBar bar, String text, String tip, String action, Runnable r) {
        ToolItem ti = new ToolItem(bar, SWT.PUSH);
        ti.setText(text);
        ti.setToolTipText(tip);
        ti.setData("action", action);
        ti.addListener(SWT.Selection, e -> r.run());
        return ti;
    }

    private void changed(Change c) {
        if (view.control().isDisposed()) {
            return;
        }
        switch (c) {
            case PROJECT -> {
                view.projectChanged();
                lastPlayhead = studio.playhead();
                updateButtons();
            }
            case TIMELINE -> {
                view.timelineChanged();
                updateButtons();
            }
            case SELECTION -> {
                view.control().redraw();
                updateButtons();
            }
            case PLAYHEAD -> {
                view.playheadChanged(lastPlayhead);
                lastPlayhead = studio.playhead();
                split.setEnabled(view.commands().enabled("split"));
            }
            case PARAMS -> view.control().redraw();
            case NOTICE -> {
                if (!status.getText().equals(studio.notice())) {
                    status.setText(studio.notice());
                }
            }
            default -> {
            }
        }
    }

    private void updateButtons() {
        split.setEnabled(view.commands().enabled("split"));
        delete.setEnabled(view.commands().enabled("delete"));
        ripple.setEnabled(view.commands().enabled("ripple"));
        transition.setEnabled(studio.project() != null && view.commands().selectedTransitionCandidate() != null);
    }

    /** The timeline widget (for tests). */
    public TimelineView view() {
        return view;
    }

    @PreDestroy
    public void dispose() {
        studio.removeListener(listener);
    }
}
