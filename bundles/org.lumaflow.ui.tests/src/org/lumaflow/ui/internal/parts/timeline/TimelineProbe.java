package org.lumaflow.ui.internal.parts.timeline;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.lumaflow.engine.timeline.Clip;

/**
 * Test access to the timeline widget's geometry (in the widget's package, from the test fragment): where a clip's gain
 * line and fade handles are, whether its waveform is drawn, and mouse drags delivered to the canvas. UI thread only.
 */
public final class TimelineProbe {

    private final TimelineView view;

    private TimelineProbe(TimelineView view) {
        this.view = view;
    }

    /** The probe of the workbench's timeline widget, or null when none is open. */
    public static TimelineProbe find(Display display) {
        for (Shell s : display.getShells()) {
            TimelineView v = find(s);
            if (v != null) {
                return new TimelineProbe(v);
            }
        }
        return null;
    }

    private static TimelineView find(Control c) {
        if (c.getData("org.lumaflow.ui.timeline") instanceof TimelineView v) {
            return v;
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                TimelineView v = find(child);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** Whether {@code c}'s waveform is measured (so it, its gain line and its fade handles are drawn). */
    public boolean hasWaveform(Clip c) {
        return view.audioLayer.waveforms.of(c) != null;
    }

    private int rowY(Clip c) {
        return view.rowY(view.timeline().tracks().indexOf(view.studio.trackOf(c)));
    }

    private int top(Clip c) {
        return rowY(c) + 4 + 18 + 2;
    }

    private static int height() {
        return TimelineView.TRACK_H - 9 - 19 - 4;
    }

    /** A point on {@code c}'s gain line, a third into the clip. */
    public int[] gainPoint(Clip c) {
        int x0 = (int) Math.round(view.canvasX(c.start()));
        int x1 = (int) Math.round(view.canvasX(c.end()));
        return new int[] {x0 + (x1 - x0) / 3, ClipAudioLayer.gainY(c.audio().gainAt(c.in()), top(c), height())};
    }

    /** The y of gain {@code db} on {@code c}'s row. */
    public int gainY(Clip c, double db) {
        return ClipAudioLayer.gainY(db, top(c), height());
    }

    /** The gain a drag to {@code y} on {@code c}'s row sets. */
    public double gainAt(Clip c, int y) {
        return ClipAudioLayer.gainAt(y, top(c), height());
    }

    /** The middle of {@code c}'s fade-in handle. */
    public int[] fadeInHandle(Clip c) {
        int x = (int) Math.round(view.canvasX(c.start())) + (int) Math.round(view.scale.width(c.audio().fadeIn()));
        return new int[] {x + 3, rowY(c) + 4 + 18 + 3};
    }

    /** The canvas x of timeline time {@code ticks}. */
    public int x(long ticks) {
        return (int) Math.round(view.canvasX(ticks));
    }

    /** What a press at (x, y) on {@code c} grabs ("GAIN", "FADE_IN", "FADE_OUT") or null. */
    public String grab(Clip c, int x, int y) {
        ClipAudioLayer.Grab g = view.audioLayer.hit(c, x, y, rowY(c));
        return g == null ? null : g.name();
    }

    /** A left-button drag from (x0, y0) to (x1, y1) in four moves. */
    public void drag(int x0, int y0, int x1, int y1) {
        send(SWT.MouseDown, x0, y0, 0);
        for (int i = 1; i <= 4; i++) {
            send(SWT.MouseMove, x0 + (x1 - x0) * i / 4, y0 + (y1 - y0) * i / 4, SWT.BUTTON1);
        }
        send(SWT.MouseUp, x1, y1, SWT.BUTTON1);
    }

    private void send(int type, int x, int y, int state) {
        Event e = new Event();
        e.x = x;
        e.y = y;
        e.button = type == SWT.MouseMove ? 0 : 1;
        e.stateMask = state;
        view.canvas.notifyListeners(type, e);
    }
}
