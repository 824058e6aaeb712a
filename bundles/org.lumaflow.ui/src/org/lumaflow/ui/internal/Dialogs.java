package org.lumaflow.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;

/**
 * Message boxes that scripted sessions can answer: with {@code -Dlumaflow.studio.noprompt=true} (UI tests, demos)
 * every question gets its default answer and errors are logged instead of shown.
 */
public final class Dialogs {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.ui");

    private Dialogs() {
    }

    public static boolean unattended() {
        return Boolean.getBoolean("lumaflow.studio.noprompt");
    }

    /** A yes/no question; {@code def} when unattended. */
    public static boolean confirm(Shell shell, String title, String message, boolean def) {
        if (unattended() || shell == null || shell.isDisposed()) {
            LOG.log(System.Logger.Level.INFO, title + ": " + message + " -> " + (def ? "yes" : "no") + " (unattended)");
            return def;
        }
        MessageBox box = new MessageBox(shell, SWT.ICON_QUESTION | SWT.YES | SWT.NO);
        box.setText(title);
        box.setMessage(message);
        return box.open() == SWT.YES;
    }

    /** Yes/No/Cancel: returns SWT.YES, SWT.NO or SWT.CANCEL; {@code def} when unattended. */
    public static int ask3(Shell shell, String title, String message, int def) {
        if (unattended() || shell == null || shell.isDisposed()) {
            LOG.log(System.Logger.Level.INFO, title + ": " + message + " (unattended)");
            return def;
        }
        MessageBox box = new MessageBox(shell, SWT.ICON_QUESTION | SWT.YES | SWT.NO | SWT.CANCEL);
        box.setText(title);
        box.setMessage(message);
        return box.open();
    }

    /** Shows an error (logged as well). */
    public static void error(Shell shell, String title, String message) {
        LOG.log(System.Logger.Level.WARNING, title + ": " + message);
        if (unattended() || shell == null || shell.isDisposed()) {
            return;
        }
        MessageBox box = new MessageBox(shell, SWT.ICON_ERROR | SWT.OK);
        box.setText(title);
        box.setMessage(message);
        box.open();
    }
}
