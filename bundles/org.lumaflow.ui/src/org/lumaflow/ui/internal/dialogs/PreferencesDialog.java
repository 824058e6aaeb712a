package org.lumaflow.ui.internal.dialogs;

import org.eclipse.swt.widgets.Shell;
import org.lumaflow.ui.internal.model.Studio;

/** Placeholder: being written. */
public final class PreferencesDialog {

    public PreferencesDialog(Shell shell, Studio studio) {
    }

    public int open() {
        return 0;
    }
}
