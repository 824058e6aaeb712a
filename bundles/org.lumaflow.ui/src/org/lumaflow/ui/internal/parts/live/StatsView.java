package org.lumaflow.ui.internal.parts.live;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lumaflow.live.LiveListener;
import org.lumaflow.live.LiveStats;
import org.lumaflow.live.OutputStats;
import org.lumaflow.ui.internal.parts.DarkLook;

/** The Live part's statistics (one line per stage and per output, once a second) and its event log. */
public final class StatsView {

    private static final int MAX_EVENTS = 200;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final DarkLook look;
    private final Label summary;
    private final Table outputs;
    private final Table events;

    public StatsView(Composite parent, DarkLook look) {
        this.look = look;
        summary = new Label(parent, SWT.WRAP);
        summary.setData("id", "live.stats");
        summary.setText("Not running.");
        GridData sd = new GridData(SWT.FILL, SWT.TOP, true, false);
        sd.widthHint = 300;
        summary.setLayoutData(sd);
        outputs = table(parent, "live.outputs", 70, "Output", "State", "Sent", "Dropped", "Latency p50/p95");
        events = table(parent, "live.events", 110, "Time", "Event");
    }

    private static Table table(Composite parent, String id, int height, String... columns) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        t.setData("id", id);
        t.setHeaderVisible(true);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, false);
        gd.heightHint = height;
        t.setLayoutData(gd);
        for (String c : columns) {
            TableColumn col = new TableColumn(t, SWT.LEFT);
            col.setText(c);
            col.setWidth(c.equals("Output") || c.equals("Event") ? 260 : 80);
        }
        return t;
    }

    /** Shows a statistics snapshot (UI thread). */
    public void show(LiveStats s) {
        if (summary.isDisposed()) {
            return;
        }
        summary.setText(String.format("%.0f s   %.1f fps   %.0f kb/s   captured %d   dropped capture/process/encode/send "
                + "%d/%d/%d/%d   encode queue %d   latency p50/p95 %.0f/%.0f ms%s", s.seconds(), s.fps(),
                s.bitrateKbps(), s.captured(), s.droppedCapture(), s.droppedProcess(), s.droppedEncode(),
                s.droppedSend(), s.encodeQueue(), s.latencyP50(), s.latencyP95(),
                s.qualityStep() > 0 ? String.format("   quality lowered %d step(s): %dx%d", s.qualityStep(),
                        s.renderWidth(), s.renderHeight()) : ""));
        outputs.setRedraw(false);
        outputs.removeAll();
        for (OutputStats o : s.outputs()) {
            TableItem it = new TableItem(outputs, SWT.NONE);
            it.setText(new String[] {o.name(), o.state(), bytes(o.bytesSent()), Long.toString(o.dropped()),
                    o.latencyP50() < 0 ? "-" : String.format("%.0f/%.0f ms", o.latencyP50(), o.latencyP95())});
            if (o.error() != null || "failed".equals(o.state())) {
                it.setForeground(look.error);
            } else if ("reconnecting".equals(o.state())) {
                it.setForeground(look.warning);
            }
        }
        outputs.setRedraw(true);
        summary.getParent().layout(true, true);
    }

    /** Adds an event to the log (UI thread). */
    public void event(LiveListener.Level level, String message) {
        if (events.isDisposed()) {
            return;
        }
        TableItem it = new TableItem(events, SWT.NONE, 0);
        it.setText(new String[] {LocalTime.now().format(CLOCK), message});
        if (level == LiveListener.Level.ERROR) {
            it.setForeground(look.error);
        } else if (level == LiveListener.Level.WARNING) {
            it.setForeground(look.warning);
        }
        while (events.getItemCount() > MAX_EVENTS) {
            events.remove(events.getItemCount() - 1);
        }
    }

    /** The newest event's text, or null (for tests). */
    public String lastEvent() {
        return events.getItemCount() == 0 ? null : events.getItem(0).getText(1);
    }

    private static String bytes(long b) {
        return b < 1 << 20 ? (b >> 10) + " KB" : String.format("%.1f MB", b / 1048576.0);
    }
}
