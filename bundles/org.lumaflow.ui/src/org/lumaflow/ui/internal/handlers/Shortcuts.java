package org.lumaflow.ui.internal.handlers;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.ui.internal.model.Studio;

/**
 * Editor keyboard shortcuts for the whole window (a display filter, so they work whichever part has focus, except
 * while typing into a text field): Space play/pause, J/K/L shuttle, arrows step a frame, Home/End, S split, Delete
 * and Shift+Delete (ripple), Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo/redo, Ctrl+S save, Ctrl+N new project, Ctrl+O open, Ctrl+I import,
 * Ctrl+E export, Ctrl+Q quit; editing: Ctrl+C/Ctrl+V copy and paste the selected clip (over what is at the playhead),
 * , insert and . overwrite the bin's selected file at the playhead, Ctrl+T a dissolve at the nearest cut, Alt+Left/Right
 * slip, Alt+Shift+Left/Right slide, Ctrl+Alt+Left/Right roll the selected clip's out point by a frame; M a marker at
 * the playhead.
 */
public final class Shortcuts {

    private Shortcuts() {
    }

    public static void install(Display display, Studio studio, MApplication app) {
        display.addFilter(SWT.KeyDown, e -> {
            String action = action(e);
            if (action == null || typing(display.getFocusControl(), e)) {
                return;
            }
            Shell shell = display.getActiveShell();
            if (shell == null && e.widget instanceof org.eclipse.swt.widgets.Control c && !c.isDisposed()) {
                shell = c.getShell(); // no window manager (or focus between windows): the key's own window
            }
            if (shell == null || shell.getParent() != null) {
                return; // dialogs keep their keys
            }
            EPartService parts = app.getChildren().isEmpty() ? null
                    : app.getChildren().get(0).getContext().get(EPartService.class);
            Actions.run(action, studio, shell, app, parts);
            e.doit = false;
        });
    }

    /** The action a key event maps to, or null. */
    static String action(Event e) {
        boolean ctrl = (e.stateMask & SWT.MOD1) != 0;
        boolean shift = (e.stateMask & SWT.SHIFT) != 0;
        int k = Character.toLowerCase(e.keyCode);
        boolean alt = (e.stateMask & SWT.ALT) != 0;
        if (alt && (k == SWT.ARROW_LEFT || k == SWT.ARROW_RIGHT)) {
            String tool = ctrl ? "roll" : shift ? "slide" : "slip";
            return tool + (k == SWT.ARROW_RIGHT ? "+" : "-");
        }
        if (ctrl) {
            return switch (k) {
                case 'c' -> "copy";
                case 'v' -> "paste";
                case 't' -> "transition";
                case 'z' -> shift ? "redo" : "undo";
                case 'y' -> "redo";
                case 's' -> shift ? "saveas" : "save";
                case 'o' -> "open";
                case 'n' -> "new";
                case 'i' -> "import";
                case 'e' -> "export";
                case 'q' -> "quit";
                default -> null;
            };
        }
        if ((e.stateMask & (SWT.ALT | SWT.MOD3)) != 0) {
            return null;
        }
        return switch (k) {
            case ' ' -> "play";
            case 'j' -> "reverse";
            case 'k' -> "stop";
            case 'l' -> "forward";
            case 's' -> "split";
            case SWT.ARROW_LEFT -> "prev";
            case SWT.ARROW_RIGHT -> "next";
            case SWT.HOME -> "home";
            case SWT.END -> "end";
            case SWT.DEL -> shift ? "ripple" : "delete";
            case ',' -> "insert";
            case 'm' -> "marker";
            case '.' -> "overwrite";
            default -> null;
        };
    }

    private static boolean typing(Control focus, Event e) {
        int k = Character.toLowerCase(e.keyCode);
        boolean clipboard = k == 'c' || k == 'v';
        if ((e.stateMask & SWT.MOD1) != 0 && !clipboard) {
            return false; // Ctrl shortcuts are the studio's everywhere (SWT text fields have no undo of their own)
        }
        return focus instanceof Text || focus instanceof Spinner || focus instanceof Combo combo
                && (combo.getStyle() & SWT.READ_ONLY) == 0;
    }
}
