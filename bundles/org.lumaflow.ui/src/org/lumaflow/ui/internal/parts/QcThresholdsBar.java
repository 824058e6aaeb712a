package org.lumaflow.ui.internal.parts;

import java.io.IOException;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.ui.internal.Dialogs;
import org.lumaflow.ui.internal.dialogs.QcThresholdsDialog;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.QcSettings;
import org.lumaflow.ui.internal.model.Studio;

/**
 * The QC part's threshold row: the preset list, whose choice replaces the thresholds in the preferences, and
 * "Thresholds…" ({@link QcThresholdsDialog}) for single values; the list's tooltip shows what is set.
 */
final class QcThresholdsBar {

    private final Studio studio;
    private final Combo preset;

    /** Adds the row to {@code parent} (a one-column grid). */
    QcThresholdsBar(Composite parent, Studio studio) {
        this.studio = studio;
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout gl = new GridLayout(3, false);
        gl.marginWidth = gl.marginHeight = 0;
        bar.setLayout(gl);
        new Label(bar, SWT.NONE).setText("Thresholds");
        preset = new Combo(bar, SWT.READ_ONLY);
        preset.setItems(QcOptions.presets().keySet().toArray(String[]::new));
        preset.setData("id", "qc.preset");
        preset.addListener(SWT.Selection, e -> choose(preset.getText()));
        Button edit = new Button(bar, SWT.PUSH);
        edit.setText("Thresholds…");
        edit.setToolTipText("Black, freeze, scene, clipping and silence thresholds (FFmpeg's names and units)");
        edit.setData("id", "qc.thresholds");
        edit.addListener(SWT.Selection, e -> new QcThresholdsDialog(edit.getShell(), studio).open());
    }

    private void choose(String name) {
        QcSettings.store(studio.preferences(), QcOptions.preset(name));
        try {
            studio.preferences().save();
        } catch (IOException e) {
            Dialogs.error(preset.getShell(), "QC thresholds", "Cannot save the preferences: " + e.getMessage());
        }
        studio.fire(Change.PREFERENCES);
    }

    /** Shows the thresholds in the preferences (call on the UI thread when they may have changed). */
    void show() {
        if (preset.isDisposed()) {
            return;
        }
        QcOptions o = QcSettings.options(studio.preferences());
        preset.setText(o.preset());
        preset.setToolTipText("QC thresholds: " + QcSettings.describe(o) + " (" + QcOptions.presets().get(o.preset())
                + ")");
    }
}
