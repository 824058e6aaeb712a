package org.lumaflow.ui.internal.dialogs;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.ui.internal.parts.DarkLook;

/**
 * Layout helpers of the settings dialogs: titled groups of three columns (label, control, hint), hints marked to be
 * dimmed.
 */
final class Form {

    private Form() {
    }

    /** Dims the hint labels under {@code c} (after {@link DarkLook#apply}). */
    static void dimHints(Control c, DarkLook look) {
        if (c.getData("hint") != null) {
            c.setForeground(look.dim);
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                dimHints(child, look);
            }
        }
    }

    static Group group(Composite parent, String title) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(title);
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        g.setLayout(new GridLayout(3, false));
        return g;
    }

    static Composite label(Composite parent, String text) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(text);
        GridData d = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        d.widthHint = 150;
        l.setLayoutData(d);
        return parent;
    }

    static void skip(Composite parent) {
        new Label(parent, SWT.NONE).setLayoutData(new GridData(0, 0));
    }

    static Label note(Composite parent, String text) {
        Label l = new Label(parent, SWT.WRAP);
        l.setText(text);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        d.widthHint = 380;
        l.setLayoutData(d);
        return l;
    }

    static Combo combo(Composite parent, String text, String[] items) {
        Combo c = new Combo(label(parent, text), SWT.READ_ONLY);
        c.setItems(items);
        c.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        return c;
    }

    static Spinner spinner(Composite parent, String text, int min, int max, int step, String hint) {
        Spinner s = new Spinner(label(parent, text), SWT.BORDER);
        s.setValues(min, min, max, 0, step, step * 10);
        GridData d = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        d.widthHint = 90;
        s.setLayoutData(d);
        Label h = new Label(parent, SWT.NONE);
        h.setText(hint);
        h.setData("hint", Boolean.TRUE);
        return s;
    }

    /** A text field of {@code width} pixels with a dimmed hint after it. */
    static Text text(Composite parent, String text, int width, String hint) {
        Text t = new Text(label(parent, text), SWT.BORDER);
        GridData d = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        d.widthHint = width;
        t.setLayoutData(d);
        Label h = new Label(parent, SWT.NONE);
        h.setText(hint);
        h.setData("hint", Boolean.TRUE);
        return t;
    }
}
