package org.lumaflow.ui.internal.parts;

import java.util.function.Consumer;

import org.eclipse.swt.widgets.Composite;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.props.PropertiesView;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Properties of the selection: the clip's start, in point and duration, and typed editors for every parameter of the
 * selected node (from its type's metadata) with keyframe toggles, keyframe navigation and reset. Animated values are
 * shown at the playhead; each committed change is one undo step.
 */
public final class PropertiesPart {

    private Studio studio;
    private PropertiesView view;
    private NodeRegistry registry;
    private final Consumer<Change> listener = this::changed;
    private final Runnable registryListener = this::registryChanged;

    @PostConstruct
    public void create(Composite parent, Studio studio) {
        this.studio = studio;
        view = new PropertiesView(parent, studio);
        studio.addListener(listener);
        try {
            registry = studio.engine().registry();
            registry.addListener(registryListener);
        } catch (RuntimeException e) {
            registry = null; // no engine: parameters of unknown types are listed read-only
        }
        view.refresh(true);
    }

    private void changed(Change c) {
        if (view.control().isDisposed()) {
            return;
        }
        switch (c) {
            case PROJECT, SELECTION, TIMELINE -> view.refresh(false);
            case PARAMS, PLAYHEAD -> view.refreshValues();
            default -> {
            }
        }
    }

    /** Plugins came or went: a node's type may have become known (or unknown). */
    private void registryChanged() {
        var control = view.control();
        if (!control.isDisposed()) {
            control.getDisplay().asyncExec(() -> {
                if (!control.isDisposed()) {
                    view.refresh(false);
                }
            });
        }
    }

    /** For tests. */
    public PropertiesView view() {
        return view;
    }

    @PreDestroy
    public void dispose() {
        studio.removeListener(listener);
        if (registry != null) {
            registry.removeListener(registryListener);
        }
    }
}
