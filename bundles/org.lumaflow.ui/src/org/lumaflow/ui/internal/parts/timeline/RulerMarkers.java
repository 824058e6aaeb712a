package org.lumaflow.ui.internal.parts.timeline;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.lumaflow.engine.timeline.Marker;
import org.lumaflow.engine.timeline.MarkerColor;
import org.lumaflow.ui.internal.Dialogs;
import org.lumaflow.ui.internal.model.MarkerEdits;

/**
 * Timeline markers on the ruler: a flag in the marker's colour at its start (a bar along a range), its name beside it
 * when there is room; a click moves the playhead there, a drag moves the marker (one undo step), the context menu
 * renames, recolours or removes it. M adds one at the playhead (see the shortcuts).
 */
final class RulerMarkers {

    /** Flags are this many pixels wide; a click within it hits the marker. */
    static final int FLAG = 8;

    private final TimelineView view;
    /** One colour per marker colour, made on first use, disposed with the canvas. */
    private final Color[] colors = new Color[MarkerColor.values().length];

    private boolean disposing;

    RulerMarkers(TimelineView view) {
        this.view = view; // made before the canvas: the colours' dispose listener is added with the first colour
    }

    private Color color(MarkerColor mc) {
        Color c = colors[mc.ordinal()];
        if (c == null) {
            c = new Color(rgb(mc));
            colors[mc.ordinal()] = c;
            if (!disposing) {
                disposing = true;
                view.canvas.addListener(SWT.Dispose, e -> {
                    for (Color k : colors) {
                        if (k != null) {
                            k.dispose();
                        }
                    }
                });
            }
        }
        return c;
    }

    void paint(GC gc, Rectangle ca) {
        gc.setClipping(TimelineView.HEADER_W, 0, ca.width - TimelineView.HEADER_W, TimelineView.RULER_H);
        gc.setFont(view.skin.small);
        for (Marker m : view.timeline().markers()) {
            int x = (int) Math.round(view.canvasX(m.start()));
            if (x > ca.width || x + 200 < TimelineView.HEADER_W) {
                continue;
            }
            Color c = color(m.color());
            gc.setBackground(c);
            if (m.duration() > 0) {
                int x1 = (int) Math.round(view.canvasX(m.end()));
                gc.setAlpha(110);
                gc.fillRectangle(x, 0, Math.max(1, x1 - x), 5);
                gc.setAlpha(255);
            }
            gc.fillPolygon(new int[] {x, 0, x + FLAG, 0, x + FLAG, 7, x, 11});
            gc.setForeground(c);
            gc.drawLine(x, 0, x, TimelineView.RULER_H - 1);
            if (!m.name().isEmpty()) {
                gc.setForeground(view.skin.text);
                gc.drawString(m.name(), x + FLAG + 2, 12, true);
            }
        }
        gc.setClipping((Rectangle) null);
    }

    /** The marker whose flag is at canvas point (x, y), or null. */
    Marker at(int x, int y) {
        if (y >= TimelineView.RULER_H || x < TimelineView.HEADER_W) {
            return null;
        }
        Marker best = null;
        for (Marker m : view.timeline().markers()) {
            int mx = (int) Math.round(view.canvasX(m.start()));
            if (x >= mx - 2 && x <= mx + FLAG + 1 && (best == null || m.start() > best.start())) {
                best = m;
            }
        }
        return best;
    }

    /** Moves {@code m} to canvas x (snapped to frames) as one undoable edit. */
    void moveTo(Marker m, int x) {
        long frame = Math.max(0, view.scale.frame(Math.max(0, x - TimelineView.HEADER_W)));
        long t = view.rate.frameToTicks(frame);
        if (t != m.start()) {
            view.studio.execute(MarkerEdits.replace(view.timeline().markers(), m,
                    new Marker(m.name(), t, m.duration(), m.color(), m.note(), m.metadata())));
        }
    }

    /** The context menu for {@code m}. */
    void fillMenu(Menu menu, Marker m) {
        MenuItem rename = new MenuItem(menu, SWT.PUSH);
        rename.setText("Rename marker...");
        rename.addListener(SWT.Selection, e -> {
            String name = Dialogs.ask(view.canvas.getShell(), "Rename marker", "Name of the marker", m.name());
            if (name != null && !name.equals(m.name())) {
                view.studio.execute(MarkerEdits.replace(view.timeline().markers(), m,
                        new Marker(name, m.start(), m.duration(), m.color(), m.note(), m.metadata())));
            }
        });
        MenuItem colours = new MenuItem(menu, SWT.CASCADE);
        colours.setText("Colour");
        Menu sub = new Menu(colours);
        colours.setMenu(sub);
        for (MarkerColor mc : MarkerColor.values()) {
            MenuItem mi = new MenuItem(sub, SWT.RADIO);
            mi.setText(mc.label().substring(0, 1).toUpperCase(Locale.ROOT) + mc.label().substring(1));
            mi.setSelection(mc == m.color());
            mi.addListener(SWT.Selection, e -> {
                if (mi.getSelection() && mc != m.color()) {
                    view.studio.execute(MarkerEdits.replace(view.timeline().markers(), m,
                            new Marker(m.name(), m.start(), m.duration(), mc, m.note(), m.metadata())));
                }
            });
        }
        MenuItem remove = new MenuItem(menu, SWT.PUSH);
        remove.setText("Remove marker");
        remove.addListener(SWT.Selection, e -> view.studio.execute(MarkerEdits.remove(view.timeline().markers(), m)));
    }

    static RGB rgb(MarkerColor c) {
        return switch (c) {
            case PINK -> new RGB(0xf0, 0x8c, 0xc8);
            case RED -> new RGB(0xe8, 0x4a, 0x4a);
            case ORANGE -> new RGB(0xf2, 0x9a, 0x3b);
            case YELLOW -> new RGB(0xf0, 0xd0, 0x4a);
            case GREEN -> new RGB(0x6f, 0xc3, 0x7a);
            case CYAN -> new RGB(0x5c, 0xd6, 0xe0);
            case BLUE -> new RGB(0x6a, 0xa6, 0xf0);
            case PURPLE -> new RGB(0xa0, 0x7c, 0xe8);
            case MAGENTA -> new RGB(0xe0, 0x5c, 0xe0);
            case BLACK -> new RGB(0x10, 0x10, 0x10);
            case WHITE -> new RGB(0xf4, 0xf4, 0xf4);
        };
    }
}
