package org.lumaflow.ui.internal.parts.telemetry;

import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.telemetry.Alignment;
import org.lumaflow.telemetry.Highlight;
import org.lumaflow.telemetry.HighlightFinder;
import org.lumaflow.telemetry.HighlightOptions;
import org.lumaflow.ui.internal.model.ClipTelemetry;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.DarkLook;
import org.lumaflow.ui.internal.parts.telemetry.TelemetryLoader.Loaded;

/**
 * The highlights panel of the Telemetry part: finds the selected clip's highlights in its attached telemetry (speed
 * peaks, hard acceleration and braking, g-force peaks, jumps, spins, HiLight tags; {@link HighlightFinder}) off the UI
 * thread and lists them; selecting one moves the playhead to its peak (clamped to the clip). Object detection adds
 * candidates in {@code lumaflow highlights}, not here (it decodes the whole file).
 */
public final class HighlightsView {

    private final Studio studio;
    private final Supplier<Loaded> telemetry;
    private final HighlightFinder finder;
    private final Display display;
    private final Button find;
    private final Spinner top;
    private final Label status;
    private final Table table;
    private Clip clip;

    public HighlightsView(Composite parent, Studio studio, DarkLook look, Supplier<Loaded> telemetry) {
        this.studio = studio;
        this.telemetry = telemetry;
        this.finder = studio.services().get(HighlightFinder.class);
        this.display = parent.getDisplay();
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(4, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        bar.setLayout(gl);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        find = new Button(bar, SWT.PUSH);
        find.setText("Find highlights");
        find.setData("id", "telemetry.highlights.find");
        find.setToolTipText("Speed peaks, hard acceleration/braking, g-force peaks, jumps, spins and HiLight tags in "
                + "the clip's telemetry");
        find.addListener(SWT.Selection, e -> run());
        new Label(bar, SWT.NONE).setText("Top");
        top = new Spinner(bar, SWT.BORDER);
        top.setData("id", "telemetry.highlights.top");
        top.setValues(8, 1, 50, 0, 1, 5);
        status = new Label(bar, SWT.NONE);
        status.setData("id", "telemetry.highlights.status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        table = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        table.setData("id", "telemetry.highlights");
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        String[] names = {"Peak", "Span", "Score", "Kind", "What"};
        int[] widths = {70, 110, 55, 110, 260};
        for (int i = 0; i < names.length; i++) {
            TableColumn c = new TableColumn(table, i == 2 ? SWT.RIGHT : SWT.LEFT);
            c.setText(names[i]);
            c.setWidth(widths[i]);
        }
        table.addListener(SWT.Selection, e -> jump(e.item));
        table.addListener(SWT.DefaultSelection, e -> jump(e.item));
        table.setFont(look.mono());
        clipChanged(null);
    }

    /** The selected clip changed (UI thread): clears the list when it is another clip. */
    public void clipChanged(Clip c) {
        if (c != clip) {
            table.removeAll();
            status.setText("");
        }
        clip = c;
        find.setEnabled(finder != null && c != null && ClipTelemetry.of(c) != null);
        if (finder == null) {
            status.setText("highlight finder not available");
        }
    }

    private void run() {
        Clip c = clip;
        Loaded l = telemetry.get();
        ClipTelemetry.Attached a = c == null ? null : ClipTelemetry.of(c);
        if (c == null || a == null || l == null || finder == null) {
            status.setText(l == null ? "the telemetry is still being read" : "");
            return;
        }
        HighlightOptions options = HighlightOptions.defaults().withTop(top.getSelection());
        Alignment alignment = new Alignment(a.offset(), Alignment.Method.valueOf(a.method()), a.reason());
        find.setEnabled(false);
        status.setText("finding...");
        Thread t = new Thread(() -> {
            String error = null;
            List<Highlight> found = List.of();
            try {
                List<Highlight> candidates = finder.candidates(l.telemetry(), alignment, options);
                found = finder.select(candidates, 0, options);
            } catch (RuntimeException e) {
                error = "cannot find highlights: " + e.getMessage();
            }
            List<Highlight> result = found;
            String err = error;
            display.asyncExec(() -> show(c, result, err));
        }, "lumaflow-highlights-ui");
        t.setDaemon(true);
        t.start();
    }

    private void show(Clip c, List<Highlight> found, String error) {
        if (table.isDisposed() || c != clip) {
            return;
        }
        find.setEnabled(true);
        table.removeAll();
        if (error != null) {
            status.setText(error);
            return;
        }
        status.setText(found.isEmpty() ? "no highlights found" : found.size() + " highlight(s)");
        for (Highlight h : found) {
            TableItem it = new TableItem(table, SWT.NONE);
            it.setData(h);
            it.setText(new String[] {seconds(h.peak()), seconds(h.start()) + "-" + seconds(h.end()),
                String.format(Locale.ROOT, "%.2f", h.score()), String.join("+", h.kinds()), h.label()});
        }
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1fs", s);
    }

    /** Moves the playhead to the highlight's peak (media time, mapped through the clip; clamped to it). */
    private void jump(org.eclipse.swt.widgets.Widget item) {
        if (!(item instanceof TableItem it) || !(it.getData() instanceof Highlight h) || clip == null) {
            return;
        }
        long media = Ticks.fromSeconds(h.peak(), RoundingMode.HALF_UP);
        long at = Math.max(clip.start(), Math.min(clip.end() - 1, clip.start() + media - clip.in()));
        studio.transport().stop();
        studio.setPlayhead(studio.timeline().format().rate().ticksToFrame(at, RoundingMode.FLOOR));
    }
}
