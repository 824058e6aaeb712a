package org.lumaflow.ui.internal.parts.proxy;

import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lumaflow.ui.internal.model.ProxyTracker;
import org.lumaflow.ui.internal.model.Studio;

/**
 * The media bin's "Proxy" column (ready, 42%, queued, needed, failed, -), drawn from the item's file so the bin's own
 * refreshes never lose it, and the context actions "Make proxy" and "Cancel proxy".
 */
public final class ProxyBinColumn {

    private ProxyBinColumn() {
    }

    /** Adds the column and the actions to the bin's {@code table} (items carry their {@link Path} as data). */
    public static void attach(Table table, Studio studio) {
        ProxyTracker tracker = ProxyTracker.of(studio);
        TableColumn column = new TableColumn(table, SWT.NONE);
        column.setText("Proxy");
        column.setWidth(70);
        column.setToolTipText("Proxy of the file for the viewer (heavy media get one when imported)");
        table.setData("proxyColumn", column);
        table.addListener(SWT.PaintItem, e -> {
            if (e.index != table.indexOf(column) || !(e.item.getData() instanceof Path p)) {
                return;
            }
            String text = tracker.label(p);
            Point ext = e.gc.textExtent(text);
            e.gc.setForeground(table.getForeground());
            e.gc.drawText(text, e.x + 4, e.y + Math.max(0, (e.height - ext.y) / 2), true);
        });
        Display display = table.getDisplay();
        Runnable redraw = () -> display.asyncExec(() -> {
            if (!table.isDisposed()) {
                table.redraw();
            }
        });
        tracker.addListener(redraw);
        table.addDisposeListener(e -> tracker.removeListener(redraw));
        display.asyncExec(() -> { // after the bin made its own menu, if any
            if (table.isDisposed()) {
                return;
            }
            Menu menu = table.getMenu();
            if (menu == null) {
                menu = new Menu(table);
                table.setMenu(menu);
            }
            MenuItem make = new MenuItem(menu, SWT.PUSH);
            make.setText("Make proxy");
            make.setData("id", "mediabin.makeProxy");
            make.addListener(SWT.Selection, e -> {
                for (TableItem it : table.getSelection()) {
                    tracker.make((Path) it.getData());
                }
            });
            MenuItem cancel = new MenuItem(menu, SWT.PUSH);
            cancel.setText("Cancel proxy");
            cancel.addListener(SWT.Selection, e -> {
                for (TableItem it : table.getSelection()) {
                    tracker.cancel((Path) it.getData());
                }
            });
        });
    }
}
