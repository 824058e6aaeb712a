package org.lumaflow.ui.internal.parts.viewer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.lumaflow.ui.internal.audio.AudioPlayer;
import org.lumaflow.ui.internal.audio.LevelMeter;

/**
 * Stereo level meters beside the viewer's picture, fed from the sound being played (the same mixed blocks that go to
 * the device, each shown when it is heard): per channel a column of the RMS level, a lighter column up to the peak and
 * a tick at the held peak, on a dBFS scale from {@value LevelMeter#FLOOR_DB} (bottom) to 0 (top; green, yellow above
 * -18, red above -6).
 * Redraws at 30 Hz while anything moves. The tooltip names the device, or says why there is no sound.
 */
public final class MeterView {

    private static final int FRAME_MS = 33;
    private final Canvas canvas;
    private final AudioPlayer player;
    private final Color green;
    private final Color yellow;
    private final Color red;
    private final Color dim;
    private boolean ticking;
    private final Runnable tickTask = this::tick;

    public MeterView(Composite parent, AudioPlayer player) {
        this.player = player;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setData("id", "viewer.meters");
        GridData gd = new GridData(SWT.RIGHT, SWT.FILL, false, true);
        gd.widthHint = 16;
        canvas.setLayoutData(gd);
        var d = parent.getDisplay();
        green = new Color(d, 70, 200, 90);
        yellow = new Color(d, 230, 200, 60);
        red = new Color(d, 235, 70, 60);
        dim = new Color(d, 40, 40, 44);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Dispose, e -> {
            green.dispose();
            yellow.dispose();
            red.dispose();
            dim.dispose();
        });
        updateTip();
    }

    public Canvas control() {
        return canvas;
    }

    /** Starts redrawing (playback or a scrub began); stops by itself once the meters rest. */
    public void wake() {
        if (!ticking && !canvas.isDisposed()) {
            ticking = true;
            canvas.getDisplay().timerExec(FRAME_MS, tickTask);
        }
    }

    /** The tooltip follows the player's state. */
    public void updateTip() {
        if (canvas.isDisposed()) {
            return;
        }
        String s = player.status();
        String dev = player.device();
        canvas.setToolTipText(s != null ? s
                : "Levels (dBFS): RMS, peak and held peak per channel" + (dev != null ? "\nOutput: " + dev : ""));
        canvas.redraw();
        wake();
    }

    private void tick() {
        if (canvas.isDisposed()) {
            ticking = false;
            return;
        }
        player.updateMeter(System.nanoTime());
        canvas.redraw();
        LevelMeter m = player.meter();
        boolean rest = m.holdDb(0) <= LevelMeter.FLOOR_DB && m.holdDb(1) <= LevelMeter.FLOOR_DB
                && m.rmsDb(0) <= LevelMeter.FLOOR_DB && m.rmsDb(1) <= LevelMeter.FLOOR_DB;
        // at rest: stop unless sound is coming (playing, and not known to be without a device)
        if (rest && (!player.playing() || player.status() != null)) {
            ticking = false;
        } else {
            canvas.getDisplay().timerExec(FRAME_MS, tickTask);
        }
    }

    private void paint(GC gc) {
        Rectangle r = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(r);
        int barW = Math.max(2, (r.width - 3) / 2);
        int h = r.height;
        LevelMeter m = player.meter();
        for (int ch = 0; ch < 2; ch++) {
            int x = 1 + ch * (barW + 1);
            gc.setBackground(dim);
            gc.fillRectangle(x, 0, barW, h);
            gc.setAlpha(110);
            segments(gc, x, barW, y(m.peakDb(ch), h), h);
            gc.setAlpha(255);
            segments(gc, x, barW, y(m.rmsDb(ch), h), h);
            if (m.holdDb(ch) > LevelMeter.FLOOR_DB) {
                gc.setBackground(m.holdDb(ch) > -6 ? red : canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
                gc.fillRectangle(x, Math.max(0, y(m.holdDb(ch), h) - 1), barW, 2);
            }
        }
        if (player.status() != null) { // a red floor: no sound
            gc.setBackground(red);
            gc.fillRectangle(0, h - 3, r.width, 3);
        }
    }

    /** Colours a column from the bottom up to {@code top} by zone. */
    private void segments(GC gc, int x, int w, int top, int h) {
        int yellowAt = y(-18, h);
        int redAt = y(-6, h);
        fill(gc, green, x, Math.max(top, yellowAt), h, w);
        fill(gc, yellow, x, Math.max(top, redAt), yellowAt, w);
        fill(gc, red, x, top, redAt, w);
    }

    private static void fill(GC gc, Color c, int x, int from, int to, int w) {
        if (to > from) {
            gc.setBackground(c);
            gc.fillRectangle(x, from, w, to - from);
        }
    }

    /** The y of {@code db} on a column {@code height} pixels high ({@code height} at the floor, 0 at 0 dBFS). */
    static int y(double db, int height) {
        double f = (db - LevelMeter.FLOOR_DB) / -LevelMeter.FLOOR_DB;
        return height - (int) Math.round(Math.max(0, Math.min(1, f)) * height);
    }
}
