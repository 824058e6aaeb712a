package org.lumaflow.ui.internal.dialogs;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.lumaflow.ui.internal.model.ProjectSettings;
import org.lumaflow.ui.internal.parts.DarkLook;

/**
 * File > Project settings: name, picture size, frame rate and sample rate of the open project. {@link #result()} is
 * the new settings after OK (the caller applies them as one undoable edit), null after Cancel. The shell carries
 * {@code setData("id", "project.dialog")}.
 */
public class ProjectSettingsDialog extends TitleAreaDialog {

    private final ProjectSettings initial;
    private ProjectForm form;
    private ProjectSettings result;

    public ProjectSettingsDialog(Shell shell, ProjectSettings initial) {
        super(shell);
        this.initial = initial;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** The window title. */
    protected String title() {
        return "Project Settings";
    }

    /** The line under the title. */
    protected String message() {
        return "Clips keep their place in time when the frame rate changes. Undo takes the change back.";
    }

    /** The OK button's label. */
    protected String okLabel() {
        return "Apply";
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title());
        shell.setData("id", "project.dialog");
    }

    @Override
    protected Point getInitialSize() {
        Point p = super.getInitialSize();
        return new Point(Math.max(560, p.x), p.y);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        DarkLook look = new DarkLook(area);
        setTitle(title());
        setMessage(message());
        setTitleAreaColor(look.raised.getRGB());
        Composite c = ProjectForm.area(area);
        form = new ProjectForm(c, initial, this::problem);
        look.apply(area);
        Form.dimHints(area, look);
        return area;
    }

    private void problem(String p) {
        setErrorMessage(p);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(p == null);
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, okLabel(), true).setData("id", "project.ok");
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        form.validate();
    }

    @Override
    protected void okPressed() {
        if (!form.validate()) {
            return;
        }
        result = form.settings(initial);
        super.okPressed();
    }

    /** The settings chosen, or null when cancelled. */
    public ProjectSettings result() {
        return result;
    }
}
