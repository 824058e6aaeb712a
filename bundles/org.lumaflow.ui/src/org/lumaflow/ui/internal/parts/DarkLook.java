package org.lumaflow.ui.internal.parts;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;

/**
 * The studio's dark palette and fonts for one part or dialog: created with its top control and disposed with it
 * (fonts are OS resources; colours are cached here so each is made once). {@link #apply} paints a widget tree.
 */
public final class DarkLook {

    /** Window background. */
    public final Color background;
    /** Panels, fields, tables. */
    public final Color panel;
    /** A slightly lighter panel (headers, selected rows). */
    public final Color raised;
    /** Text. */
    public final Color foreground;
    /** Secondary text (units, hints). */
    public final Color dim;
    /** Highlights (links, running progress, playhead). */
    public final Color accent;
    /** Grid lines of plots. */
    public final Color grid;
    /** Warnings. */
    public final Color warning;
    /** Errors. */
    public final Color error;
    /** Success. */
    public final Color ok;

    private final Display display;
    private final Map<Integer, Color> colors = new HashMap<>();
    private Font mono;
    private Font small;
    private Font bold;

    public DarkLook(Control owner) {
        display = owner.getDisplay();
        background = color(0x1e, 0x1f, 0x22);
        panel = color(0x26, 0x28, 0x2c);
        raised = color(0x32, 0x35, 0x3a);
        foreground = color(0xd8, 0xda, 0xde);
        dim = color(0x8a, 0x8f, 0x98);
        accent = color(0x4c, 0x9a, 0xff);
        grid = color(0x44, 0x48, 0x4f);
        warning = color(0xe8, 0xb3, 0x39);
        error = color(0xef, 0x5a, 0x5a);
        ok = color(0x5c, 0xc9, 0x7b);
        owner.addDisposeListener(e -> dispose());
    }

    /** A cached colour (made once per look). */
    public Color color(int r, int g, int b) {
        return colors.computeIfAbsent((r << 16) | (g << 8) | b, k -> new Color(display, r, g, b));
    }

    /** A monospaced font at the system font's size (timecodes, numbers). */
    public Font mono() {
        if (mono == null) {
            FontData fd = display.getSystemFont().getFontData()[0];
            mono = new Font(display, "Monospace", Math.max(8, fd.getHeight() - 1), SWT.NORMAL);
        }
        return mono;
    }

    /** The system font one point smaller (plot labels). */
    public Font small() {
        if (small == null) {
            FontData fd = display.getSystemFont().getFontData()[0];
            small = new Font(display, fd.getName(), Math.max(7, fd.getHeight() - 2), SWT.NORMAL);
        }
        return small;
    }

    /** The system font in bold (headings, summaries). */
    public Font bold() {
        if (bold == null) {
            FontData fd = display.getSystemFont().getFontData()[0];
            bold = new Font(display, fd.getName(), fd.getHeight(), SWT.BOLD);
        }
        return bold;
    }

    /** Paints {@code c} and its children dark (fields and tables on the panel colour). */
    public void apply(Control c) {
        if (c instanceof Text || c instanceof Table || c instanceof org.eclipse.swt.widgets.List
                || c instanceof org.eclipse.swt.widgets.Spinner) {
            c.setBackground(panel);
            c.setForeground(foreground);
        } else if (c instanceof ProgressBar) {
            c.setForeground(accent);
        } else if (c instanceof Label || c instanceof Button || c instanceof Group || c instanceof ToolBar
                || c instanceof Composite) {
            if (c.getData("look.keep") == null) {
                c.setBackground(background);
                c.setForeground(foreground);
            }
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                apply(child);
            }
        }
    }

    /** Marks {@code c} so {@link #apply} leaves its colours alone. */
    public static <T extends Control> T keep(T c) {
        c.setData("look.keep", Boolean.TRUE);
        return c;
    }

    private void dispose() {
        for (Font f : new Font[] {mono, small, bold}) {
            if (f != null && !f.isDisposed()) {
                f.dispose();
            }
        }
        mono = small = bold = null;
        colors.values().forEach(Color::dispose);
        colors.clear();
    }
}
