package org.lumaflow.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.menu.MDirectMenuItem;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.lumaflow.ui.internal.model.Studio;

import jakarta.inject.Named;

/** The handler of every menu item: the item's id (last segment) names the {@link Actions action}. */
public final class StudioAction {

    @Execute
    public void execute(MDirectMenuItem item, Studio studio, @Named("activeShell") Shell shell, MApplication app,
            EPartService parts) {
        Actions.run(action(item), studio, shell, app, parts);
    }

    @CanExecute
    public boolean canExecute(MDirectMenuItem item, Studio studio) {
        String action = action(item);
        String label = Actions.menuLabel(action, studio);
        if (label != null && !label.equals(item.getLabel())) {
            item.setLabel(label);
        }
        return Actions.enabled(action, studio);
    }

    private static String action(MDirectMenuItem item) {
        String id = item.getElementId();
        return id.substring(id.lastIndexOf('.') + 1);
    }

    /** A save dialog for project files (null = cancelled). */
    public static String askSavePath(Shell shell) {
        FileDialog d = new FileDialog(shell, SWT.SAVE);
        d.setText("Save project");
        d.setFilterExtensions(new String[] {"*.lumaflow"});
        d.setOverwrite(true);
        String f = d.open();
        if (f != null && !f.endsWith(".lumaflow")) {
            f += ".lumaflow";
        }
        return f;
    }
}
