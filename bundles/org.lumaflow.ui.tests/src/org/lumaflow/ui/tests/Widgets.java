package org.lumaflow.ui.tests;

import java.lang.reflect.Method;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

/** Sets values in widgets the way a user's input does (value, then the events the widget would send). */
final class Widgets {

    private Widgets() {
    }

    static void setNumber(Workbench wb, Control c, double value) {
        wb.run(() -> {
            c.setFocus();
            if (c instanceof Spinner s) {
                s.setSelection((int) Math.round(value * Math.pow(10, s.getDigits())));
                send(c, SWT.Modify, SWT.Selection, SWT.DefaultSelection);
            } else if (c instanceof Text t) {
                t.setText(Double.toString(value));
                send(c, SWT.Modify, SWT.DefaultSelection, SWT.FocusOut);
            } else if (c instanceof Scale s) {
                s.setSelection((int) Math.round(value));
                send(c, SWT.Selection, SWT.MouseUp);
            } else {
                throw new IllegalArgumentException("no numeric editor: " + c);
            }
        });
    }

    static void setText(Workbench wb, Control c, String value) {
        wb.run(() -> {
            if (c instanceof Text t) {
                t.setText(value);
            } else if (c instanceof Combo combo) {
                combo.setText(value);
            } else {
                throw new IllegalArgumentException("not a text field: " + c);
            }
            send(c, SWT.Modify, SWT.DefaultSelection, SWT.FocusOut);
        });
    }

    /** Selects {@code value} in a read-only combo as a user would (a Selection event follows). */
    static void select(Workbench wb, Control c, String value) {
        wb.run(() -> {
            Combo combo = (Combo) c;
            int i = java.util.Arrays.asList(combo.getItems()).indexOf(value);
            if (i < 0) {
                throw new IllegalArgumentException(value + " is not in " + java.util.Arrays.toString(combo.getItems()));
            }
            combo.select(i);
            send(c, SWT.Selection);
        });
    }

    static void click(Workbench wb, Control c) {
        wb.run(() -> {
            if (!(c instanceof Button b) || !b.isEnabled()) {
                throw new IllegalStateException("not an enabled button: " + c);
            }
            send(c, SWT.Selection);
        });
    }

    static int progress(Control c) {
        return c instanceof ProgressBar p ? p.getSelection() : -1;
    }

    static String text(Control c) {
        if (c instanceof Label l) {
            return l.getText();
        }
        if (c instanceof Text t) {
            return t.getText();
        }
        if (c instanceof Button b) {
            return b.getText();
        }
        return String.valueOf(c);
    }

    /** The part's running job (its public currentJob()), or null. */
    static Job job(Object part) {
        try {
            Method m = part.getClass().getMethod("currentJob");
            return (Job) m.invoke(part);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(part.getClass() + " has no currentJob()", e);
        }
    }

    static boolean jobDone(Object part) {
        Job j = job(part);
        return j == null || j.getState() == Job.NONE;
    }

    private static void send(Control c, int... types) {
        for (int t : types) {
            Event e = new Event();
            e.widget = c;
            c.notifyListeners(t, e);
        }
    }
}
