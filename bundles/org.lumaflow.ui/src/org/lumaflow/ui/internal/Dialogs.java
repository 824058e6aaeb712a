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

    /** Answers questions in unattended sessions (tests): title and message in, SWT.YES/NO/CANCEL out, or null. */
    private static volatile java.util.function.BiFunction<String, String, Integer> responder;

    /**
     * Makes unattended questions go to {@code r} (null: every question gets its default answer again); each question
     * is logged either way.
     */
    public static void respondWith(java.util.function.BiFunction<String, String, Integer> r) {
        responder = r;
    }

    private static Integer scripted(String title, String message) {
        var r = responder;
        return r == null ? null : r.apply(title, message);
    }

    public static boolean unattended() {
        return Boolean.getBoolean("lumaflow.studio.noprompt");
    }

    /** A yes/no question; {@code def} when unattended. */
    public static boolean confirm(Shell shell, String title, String message, boolean def) {
        if (unattended() || shell == null || shell.isDisposed()) {
            Integer a = scripted(title, message);
            boolean answer = a == null ? def : a == SWT.YES;
            LOG.log(System.Logger.Level.INFO, title + ": " + message + " -> " + (answer ? "yes" : "no") + " (unattended)");
            return answer;
        }
        MessageBox box = new MessageBox(shell, SWT.ICON_QUESTION | SWT.YES | SWT.NO);
        box.setText(title);
        box.setMessage(message);
        return box.open() == SWT.YES;
    }

    /** Yes/No/Cancel: returns SWT.YES, SWT.NO or SWT.CANCEL; {@code def} when unattended. */
    public static int ask3(Shell shell, String title, String message, int def) {
        if (unattended() || shell == null || shell.isDisposed()) {
            Integer a = scripted(title, message);
            LOG.log(System.Logger.Level.INFO, title + ": " + message + " (unattended)");
            return a == null ? def : a;
        }
        MessageBox box = new MessageBox(shell, SWT.ICON_QUESTION | SWT.YES | SWT.NO | SWT.CANCEL);
        box.setText(title);
        box.setMessage(message);
        return box.open();
    }

    /** Asks for a line of text; {@code def} when unattended; null when cancelled. */
    public static String ask(Shell shell, String title, String message, String def) {
        if (unattended() || shell == null || shell.isDisposed()) {
            LOG.log(System.Logger.Level.INFO, title + ": " + message + " -> " + def + " (unattended)");
            return def;
        }
        org.eclipse.jface.dialogs.InputDialog d = new org.eclipse.jface.dialogs.InputDialog(shell, title, message, def,
                null);
        return d.open() == org.eclipse.jface.window.Window.OK ? d.getValue() : null;
    }

    /** Shows information (logged as well). */
    public static void info(Shell shell, String title, String message) {
        LOG.log(System.Logger.Level.INFO, title + ": " + message);
        if (unattended() || shell == null || shell.isDisposed()) {
            return;
        }
        MessageBox box = new MessageBox(shell, SWT.ICON_INFORMATION | SWT.OK);
        box.setText(title);
        box.setMessage(message);
        box.open();
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
