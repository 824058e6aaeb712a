package org.lumaflow.ui.internal.parts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/** Small widget helpers the parts share: a borderless row of columns, a push button with a test id and tooltip. */
public final class PartWidgets {

    private PartWidgets() {
    }

    /** A composite filling the width, {@code columns} columns, no margins. */
    public static Composite row(Composite parent, int columns) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(columns, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        c.setLayout(gl);
        c.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return c;
    }

    /** A push button carrying {@code setData("id", id)} and a tooltip. */
    public static Button button(Composite parent, String text, String id, String tip) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setData("id", id);
        b.setToolTipText(tip);
        return b;
    }
}
