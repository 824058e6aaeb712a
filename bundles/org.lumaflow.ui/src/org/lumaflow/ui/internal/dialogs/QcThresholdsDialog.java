package org.lumaflow.ui.internal.dialogs;

import java.io.IOException;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.QcSettings;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.DarkLook;

/**
 * The QC part's Thresholds dialog: the {@link QcThresholdsGroup} alone; OK saves them in the preferences (as the
 * preferences dialog does) and announces {@link Change#PREFERENCES}. Run QC and exports use them from then on.
 */
public final class QcThresholdsDialog extends TitleAreaDialog {

    private final Studio studio;
    private QcThresholdsGroup group;

    public QcThresholdsDialog(Shell shell, Studio studio) {
        super(shell);
        this.studio = studio;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("QC Thresholds");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        DarkLook look = new DarkLook(area);
        setTitle("QC thresholds");
        setMessage("Used by Run QC and by exports' QC reports; FFmpeg's option names and units.");
        setTitleAreaColor(look.raised.getRGB());
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 12;
        c.setLayout(gl);
        group = new QcThresholdsGroup(c);
        group.load(QcSettings.options(studio.preferences()));
        look.apply(c);
        Form.dimHints(c, look);
        area.setBackground(look.background);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setData("id", "qc.thresholds.ok");
    }

    @Override
    protected void okPressed() {
        QcOptions o;
        try {
            o = group.options();
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        QcSettings.store(studio.preferences(), o);
        try {
            studio.preferences().save();
        } catch (IOException e) {
            setErrorMessage("Cannot save " + studio.preferences().file() + ": " + e.getMessage());
            return;
        }
        super.okPressed();
        studio.fire(Change.PREFERENCES);
    }
}
