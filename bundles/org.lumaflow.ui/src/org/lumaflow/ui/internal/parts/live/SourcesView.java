package org.lumaflow.ui.internal.parts.live;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.lumaflow.live.LiveService;
import org.lumaflow.live.SourceInfo;

/**
 * The Live part's source list: sources found on this machine (listed off the UI thread) or typed as
 * {@code KIND:SPEC}, in layout order (the first video source is the main picture, the second the inset or right
 * half).
 */
public final class SourcesView {

    private final LiveService service;
    private final org.eclipse.swt.widgets.List list;
    private final Combo found;
    private final Label hint;
    private final List<SourceInfo> infos = new ArrayList<>();

    public SourcesView(Composite parent, LiveService service) {
        this.service = service;
        Composite row = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(3, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        row.setLayout(gl);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        found = new Combo(row, SWT.DROP_DOWN);
        found.setData("id", "live.source.spec");
        found.setToolTipText("A source found on this machine, or KIND:SPEC (screen::0.0, camera:/dev/video0, "
                + "audio:pulse:default, url:srt://..., test)");
        found.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        found.setText("test");
        Button add = new Button(row, SWT.PUSH);
        add.setText("Add");
        add.setData("id", "live.source.add");
        add.addListener(SWT.Selection, e -> add(spec()));
        Button remove = new Button(row, SWT.PUSH);
        remove.setText("Remove");
        remove.setData("id", "live.source.remove");
        remove.addListener(SWT.Selection, e -> removeSelected());
        list = new org.eclipse.swt.widgets.List(parent, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        list.setData("id", "live.sources");
        GridData ld = new GridData(SWT.FILL, SWT.TOP, true, false);
        ld.heightHint = 34;
        list.setLayoutData(ld);
        hint = new Label(parent, SWT.WRAP);
        hint.setText("Looking for sources...");
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        refresh(parent.getDisplay());
    }

    /** Lists the machine's sources again, off the UI thread. */
    public void refresh(Display display) {
        Thread t = new Thread(() -> {
            List<SourceInfo> all = service.listSources();
            display.asyncExec(() -> {
                if (found.isDisposed()) {
                    return;
                }
                infos.clear();
                infos.addAll(all);
                String typed = found.getText();
                found.removeAll();
                for (SourceInfo s : all) {
                    found.add(s.kind() + (s.spec().isEmpty() ? "" : ":" + s.spec()) + "  — " + s.description());
                }
                found.setText(typed);
                hint.setText(all.size() + " source(s) found: "
                        + all.stream().map(SourceInfo::kind).distinct().toList());
                hint.getParent().layout(true, true);
            });
        }, "live-list-sources");
        t.setDaemon(true);
        t.start();
    }

    private String spec() {
        String s = found.getText().trim();
        int dash = s.indexOf("  — ");
        return dash > 0 ? s.substring(0, dash).trim() : s;
    }

    private void removeSelected() {
        int i = list.getSelectionIndex();
        if (i >= 0) {
            list.remove(i);
        }
    }

    /** Adds a source spec at the end (ignored when blank). */
    public void add(String spec) {
        if (!spec.isBlank()) {
            list.add(spec);
        }
    }

    /** The sources in layout order. */
    public List<String> sources() {
        return List.of(list.getItems());
    }
}
