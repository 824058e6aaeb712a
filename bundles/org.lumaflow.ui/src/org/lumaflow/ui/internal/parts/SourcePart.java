package org.lumaflow.ui.internal.parts;

import org.eclipse.swt.widgets.Composite;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.source.SourceMonitor;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/** The source monitor part: the media bin's selected file, scrubbed on its own, with in/out marks for , and . edits. */
public final class SourcePart {

    private SourceMonitor monitor;

    @PostConstruct
    public void create(Composite parent, Studio studio) {
        monitor = new SourceMonitor(parent, studio);
    }

    /** The monitor (UI tests). */
    public SourceMonitor monitor() {
        return monitor;
    }

    @PreDestroy
    void dispose() {
        if (monitor != null) {
            monitor.dispose();
        }
    }
}
