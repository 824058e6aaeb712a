package org.lumaflow.ui.internal.parts;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lumaflow.extensions.Extension;
import org.lumaflow.extensions.ExtensionService;
import org.lumaflow.ui.internal.model.Studio;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The installed extensions (jars in the dropins folder): name, version, state, what each contributes and what failed
 * (install, start, bind, render quarantine). Install copies a jar into the folder, Uninstall deletes it; the list
 * follows the service's change events.
 */
public final class ExtensionsPart {

    private static final String[] COLUMNS = {"Extension", "Version", "State", "Contributes", "Errors"};
    private static final int[] WIDTHS = {240, 140, 80, 260, 420};

    private ExtensionService service;
    private Display display;
    private Table table;
    private Label status;
    private Button uninstall;
    private final Runnable listener = () -> {
        Display d = display;
        if (d != null && !d.isDisposed()) {
            d.asyncExec(this::refresh);
        }
    };

    @PostConstruct
    public void create(Composite parent, Studio studio) {
        display = parent.getDisplay();
        parent.setLayout(new GridLayout(1, false));
        service = studio.services().get(ExtensionService.class);
        if (service == null) {
            new Label(parent, SWT.WRAP).setText("Extensions are not available (the org.lumaflow.extensions bundle is "
                    + "not running).");
            return;
        }
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(4, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button install = new Button(bar, SWT.PUSH);
        install.setText("Install from file...");
        install.addListener(SWT.Selection, e -> installFromFile());
        uninstall = new Button(bar, SWT.PUSH);
        uninstall.setText("Uninstall");
        uninstall.addListener(SWT.Selection, e -> uninstallSelected());
        Button reload = new Button(bar, SWT.PUSH);
        reload.setText("Refresh");
        reload.addListener(SWT.Selection, e -> refresh());
        status = new Label(bar, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(COLUMNS[i]);
            c.setWidth(WIDTHS[i]);
        }
        table.addListener(SWT.Selection, e -> uninstall.setEnabled(selected() != null));
        service.addListener(listener);
        refresh();
    }

    @PreDestroy
    public void dispose() {
        if (service != null) {
            service.removeListener(listener);
        }
        display = null;
    }

    /** Rebuilds the table from the service (UI thread). */
    private void refresh() {
        if (table == null || table.isDisposed()) {
            return;
        }
        String keep = selected() == null ? null : selected().symbolicName();
        List<Extension> list = service.extensions();
        table.removeAll();
        int failed = 0;
        for (Extension e : list) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(e);
            item.setText(new String[] {e.symbolicName(), e.version(), e.state(), contributions(e),
                String.join("; ", e.errors()).replace('\n', ' ')});
            if (!e.errors().isEmpty()) {
                failed++;
                item.setForeground(4, display.getSystemColor(SWT.COLOR_RED));
            }
            if (e.symbolicName().equals(keep)) {
                table.setSelection(item);
            }
        }
        status.setText(list.size() + " extension(s)" + (failed > 0 ? ", " + failed + " with errors" : "")
                + "  —  folder: " + service.dropins());
        status.getParent().layout();
        uninstall.setEnabled(selected() != null);
    }

    private static String contributions(Extension e) {
        StringBuilder sb = new StringBuilder();
        if (!e.nodeTypes().isEmpty()) {
            sb.append("nodes: ").append(String.join(", ", e.nodeTypes()));
        }
        if (!e.converters().isEmpty()) {
            sb.append(sb.isEmpty() ? "" : "; ").append("converters: ").append(String.join(", ", e.converters()));
        }
        return sb.toString();
    }

    private Extension selected() {
        if (table == null || table.isDisposed() || table.getSelectionCount() == 0) {
            return null;
        }
        return (Extension) table.getSelection()[0].getData();
    }

    private void installFromFile() {
        FileDialog fd = new FileDialog(table.getShell(), SWT.OPEN);
        fd.setText("Install extension");
        fd.setFilterExtensions(new String[] {"*.jar", "*"});
        fd.setFilterNames(new String[] {"Extension bundles (*.jar)", "All files"});
        String file = fd.open();
        if (file == null) {
            return;
        }
        status.setText("installing " + Path.of(file).getFileName() + "...");
        background(() -> {
            Extension e = service.install(Path.of(file));
            if (!e.errors().isEmpty()) {
                show(SWT.ICON_WARNING, "Installed " + e.symbolicName() + " with errors:\n\n"
                        + String.join("\n", e.errors()));
            }
        });
    }

    private void uninstallSelected() {
        Extension e = selected();
        if (e == null) {
            return;
        }
        MessageBox ask = new MessageBox(table.getShell(), SWT.ICON_QUESTION | SWT.YES | SWT.NO);
        ask.setText("Uninstall extension");
        ask.setMessage("Uninstall " + e.symbolicName() + " " + e.version() + "?\nIts jar is deleted from "
                + service.dropins() + "; projects using its nodes will report them as missing.");
        if (ask.open() != SWT.YES) {
            return;
        }
        background(() -> service.uninstall(e.symbolicName()));
    }

    /** Install and uninstall wait for the framework (refreshes): keep them off the UI thread. */
    private void background(ThrowingRunnable r) {
        Thread t = new Thread(() -> {
            try {
                r.run();
            } catch (Exception ex) {
                show(SWT.ICON_ERROR, String.valueOf(ex.getMessage()));
            }
            listener.run();
        }, "lumaflow-extensions-ui");
        t.setDaemon(true);
        t.start();
    }

    private void show(int icon, String text) {
        Display d = display;
        if (d == null || d.isDisposed()) {
            return;
        }
        d.asyncExec(() -> {
            if (table == null || table.isDisposed()) {
                return;
            }
            MessageBox mb = new MessageBox(table.getShell(), icon | SWT.OK);
            mb.setText("Extensions");
            mb.setMessage(text);
            mb.open();
        });
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
