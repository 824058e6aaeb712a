package org.lumaflow.ui.internal.dialogs;

import org.eclipse.swt.widgets.Shell;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.ui.internal.model.ProjectSettings;

/**
 * File > New project: name, format preset (1080p, 720p, 4K UHD, vertical, square) or a custom even size, frame rate
 * (23.976 to 60, exact NTSC rationals) and sample rate; the new project gets tracks V1 and A1.
 */
public final class NewProjectDialog extends ProjectSettingsDialog {

    /** The dialog's first values: "Untitled", 1080p, 25 fps, 48 kHz. */
    public static final ProjectSettings DEFAULTS = new ProjectSettings("Untitled", 1920, 1080, FrameRate.FPS_25,
            ProjectSettings.DEFAULT_SAMPLE_RATE);

    public NewProjectDialog(Shell shell) {
        super(shell, DEFAULTS);
    }

    @Override
    protected String title() {
        return "New Project";
    }

    @Override
    protected String message() {
        return "A new project with one video track (V1) and one audio track (A1).";
    }

    @Override
    protected String okLabel() {
        return "Create";
    }
}
