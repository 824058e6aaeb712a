package org.lumaflow.ui.internal.parts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.lumaflow.ui.internal.model.Studio;

import jakarta.annotation.PostConstruct;

/** Placeholder: being written. */
public final class ExportPart {

    @PostConstruct
    public void create(Composite parent, Studio studio) {
        new Label(parent, SWT.NONE).setText("ExportPart");
    }
}
