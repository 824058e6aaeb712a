package org.lumaflow.ui.internal.parts;

import java.util.function.Consumer;

import org.eclipse.swt.widgets.Composite;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.curves.CurveView;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The curve editor: the selected clip's animated (or animatable) parameter as curves over clip time, one per
 * component, drawn from what the engine evaluates; keys added, moved, deleted, selected by rubber band, with an
 * interpolation each and draggable bezier handles. Every change is one undo step.
 */
public final class CurvesPart {

    private Studio studio;
    private CurveView view;
    private final Consumer<Change> listener = this::changed;

    @PostConstruct
    public void create(Composite parent, Studio studio) {
        this.studio = studio;
        view = new CurveView(parent, studio);
        studio.addListener(listener);
    }

    private void changed(Change c) {
        if (view.control().isDisposed()) {
            return;
        }
        switch (c) {
            case PROJECT, SELECTION, TIMELINE -> view.refresh();
            case PARAMS -> view.paramsChanged();
            case PLAYHEAD -> view.playheadMoved();
            default -> {
            }
        }
    }

    /** For tests. */
    public CurveView view() {
        return view;
    }

    @PreDestroy
    public void dispose() {
        studio.removeListener(listener);
    }
}
