package org.lumaflow.ui.internal.parts.export;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lumaflow.export.segment.Segment;
import org.lumaflow.export.segment.SegmentListener;
import org.lumaflow.export.segment.SegmentPlan;

/**
 * The segments of a running segmented export: index, frames, state, worker and progress, plus where they run (the
 * cluster's members when the executor reports them). Fed by {@link SegmentListener} events from any thread, kept in a
 * model and shown by at most one pending UI refresh at a time ({@code export.segments.view}, {@code
 * export.segments.members}, {@code export.segments.table}). Hidden for single-pass exports.
 */
final class SegmentTable {

    private final ExportContext ctx;
    private final Composite box;
    private final Label heading;
    private final Table table;
    private final AtomicBoolean posted = new AtomicBoolean();
    private volatile Model model;
    private String where = "";

    SegmentTable(ExportContext ctx) {
        this.ctx = ctx;
        box = new Composite(ctx.body, SWT.NONE);
        box.setData("id", "export.segments.view");
        GridData bd = ExportContext.span(3);
        box.setLayoutData(bd);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = gl.marginHeight = 0;
        box.setLayout(gl);
        heading = new Label(box, SWT.WRAP);
        heading.setData("id", "export.segments.members");
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table = new Table(box, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        table.setData("id", "export.segments.table");
        table.setHeaderVisible(true);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, false);
        td.heightHint = 100;
        td.widthHint = 200;
        table.setLayoutData(td);
        String[] cols = {"#", "Frames", "State", "Worker", "Progress"};
        for (int i = 0; i < cols.length; i++) {
            TableColumn c = new TableColumn(table, i == 0 ? SWT.RIGHT : SWT.LEFT);
            c.setText(cols[i]);
            c.setWidth(WEIGHTS[i] * 5);
        }
        table.addListener(SWT.Resize, e -> fitColumns());
        show(false);
    }

    /** Column shares of the table's width: #, frames, state, worker, progress. */
    private static final int[] WEIGHTS = {7, 22, 17, 28, 26};

    /** Columns share the table's width, so progress stays in view in a narrow part. */
    private void fitColumns() {
        int w = table.getClientArea().width;
        if (w <= 0) {
            return;
        }
        TableColumn[] cols = table.getColumns();
        int used = 0;
        for (int i = 0; i < cols.length; i++) {
            int cw = i == cols.length - 1 ? w - used : w * WEIGHTS[i] / 100;
            cols[i].setWidth(Math.max(24, cw));
            used += cw;
        }
    }

    void style() {
        heading.setForeground(ctx.look.dim);
        table.setFont(ctx.look.mono());
        table.setHeaderBackground(ctx.look.raised);
        table.setHeaderForeground(ctx.look.foreground);
    }

    /** A segmented export begins on {@code where} (e.g. "this machine"): a fresh table and its listener. */
    SegmentListener begin(String where) {
        Model m = new Model();
        model = m;
        this.where = where;
        table.removeAll();
        heading.setText("Segments on " + where + ": planning…");
        show(true);
        return m;
    }

    /** A single-pass export: no table. */
    void hide() {
        model = null;
        show(false);
    }

    private void show(boolean on) {
        ((GridData) box.getLayoutData()).exclude = !on;
        box.setVisible(on);
        ctx.relayout();
    }

    private void post(Model m) {
        if (m == model && posted.compareAndSet(false, true)) {
            ctx.ui(this::refresh);
        }
    }

    private void refresh() {
        posted.set(false);
        Model m = model;
        if (m == null || table.isDisposed()) {
            return;
        }
        SegmentPlan plan = m.plan;
        int n = plan != null ? plan.segments().size() : m.rows.keySet().stream().mapToInt(i -> i + 1).max().orElse(0);
        while (table.getItemCount() < n) {
            new TableItem(table, SWT.NONE);
        }
        int done = 0;
        for (int i = 0; i < n; i++) {
            Row r = m.rows.get(i);
            Segment s = plan != null ? plan.segments().get(i) : null;
            long frames = s != null ? s.frames() : 0;
            String state = r == null ? "queued" : r.state;
            long framesDone = r == null ? 0 : state.equals("done") && frames > 0 ? frames : r.done;
            done += state.equals("done") ? 1 : 0;
            table.getItem(i).setText(new String[] {Integer.toString(i),
                s == null ? "" : s.firstFrame() + "–" + (s.firstFrame() + s.frames() - 1) + " (" + s.frames() + ")",
                state, r == null ? "" : r.worker,
                frames > 0 ? String.format(Locale.ROOT, "%d / %d (%d%%)", framesDone, frames,
                        Math.min(100, framesDone * 100 / frames)) : Long.toString(framesDone)});
        }
        String text = n == 0 ? "Segments on " + where + ": planning…"
                : n + " segments on " + where + ", " + done + " done";
        if (!m.members.isEmpty()) {
            text += "\nMembers (" + m.members.size() + "): " + String.join("; ", m.members);
        }
        if (!text.equals(heading.getText())) {
            heading.setText(text);
            ctx.relayout();
        }
    }

    /** Splits an executor's state into state and worker: "running on W", "done on W", "done (already ... by W)". */
    static String[] parse(String state) {
        if (state.startsWith("running on ")) {
            return new String[] {"running", state.substring("running on ".length())};
        }
        if (state.startsWith("done on ")) {
            return new String[] {"done", state.substring("done on ".length())};
        }
        String committed = "done (already committed by ";
        if (state.startsWith(committed) && state.endsWith(")")) {
            return new String[] {"done", state.substring(committed.length(), state.length() - 1)};
        }
        return new String[] {state, null};
    }

    private static final class Row {
        volatile String state = "queued";
        volatile String worker = "";
        volatile long done;
    }

    /** What the events said so far (written on export threads, read on the UI thread). */
    private final class Model implements SegmentListener {
        final Map<Integer, Row> rows = new ConcurrentHashMap<>();
        volatile SegmentPlan plan;
        volatile List<String> members = List.of();

        @Override
        public void planned(SegmentPlan p) {
            plan = p;
            post(this);
        }

        @Override
        public void state(int index, String state) {
            String[] sw = parse(state);
            Row r = rows.computeIfAbsent(index, k -> new Row());
            r.state = sw[0];
            if (sw[1] != null) {
                r.worker = sw[1];
            }
            post(this);
        }

        @Override
        public void progress(int index, long frames) {
            rows.computeIfAbsent(index, k -> new Row()).done = frames;
            post(this);
        }

        @Override
        public void members(List<String> m) {
            members = List.copyOf(m);
            post(this);
        }
    }
}
