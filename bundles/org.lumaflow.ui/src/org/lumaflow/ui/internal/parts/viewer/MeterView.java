package org.lumaflow.ui.internal.parts.viewer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.lumaflow.ui.internal.audio.AudioPlayer;
import org.lumaflow.ui.internal.audio.LevelMeter;

/**
 * Stereo level meters in the viewer's bar, fed from the sound being played (the same mixed blocks that go to the
 * device, each shown when it is heard): per channel a bar of the RMS level, a lighter bar up to the peak and a tick at
 * the held peak, on a dBFS scale from {@value LevelMeter#FLOOR_DB} to 0 (green, yellow above -18, red above -6).
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
    private final Font font;
    private boolean ticking;
    private final Runnable tickTask = this::tick;

    public MeterView(Composite parent, AudioPlayer player) {
        this.player = player;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setData("id", "viewer.meters");
        GridData gd = new GridData(SWT.RIGHT, SWT.CENTER, false, false);
        gd.widthHint = 150;
        gd.heightHint = 22;
        canvas.setLayoutData(gd);
        var d = parent.getDisplay();
        green = new Color(d, 70, 200, 90);
        yellow = new Color(d, 230, 200, 60);
        red = new Color(d, 235, 70, 60);
        dim = new Color(d, 40, 40, 44);
        font = new Font(d, "Sans", 6, SWT.NORMAL);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Dispose, e -> {
            green.dispose();
            yellow.dispose();
            red.dispose();
            dim.dispose();
            font.dispose();
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
        int barH = Math.max(3, (r.height - 5) / 2);
        LevelMeter m = player.meter();
        for (int ch = 0; ch < 2; ch++) {
            int y = 1 + ch * (barH + 2);
            gc.setBackground(dim);
            gc.fillRectangle(0, y, r.width, barH);
            int peak = x(m.peakDb(ch), r.width);
            int rms = x(m.rmsDb(ch), r.width);
            gc.setAlpha(110);
            segments(gc, 0, peak, y, barH, r.width);
            gc.setAlpha(255);
            segments(gc, 0, rms, y, barH, r.width);
            int hold = x(m.holdDb(ch), r.width);
            if (hold > 0) {
                gc.setBackground(m.holdDb(ch) > -6 ? red : canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
                gc.fillRectangle(Math.min(r.width - 2, hold), y, 2, barH);
            }
        }
        if (player.status() != null) {
            gc.setFont(font);
            gc.setForeground(red);
            gc.drawString("no sound", 3, 1, true);
        }
    }

    /** Colours a bar from x0 to x1 by zone. */
    private void segments(GC gc, int x0, int x1, int y, int h, int width) {
        int yellowAt = x(-18, width);
        int redAt = x(-6, width);
        fill(gc, green, x0, Math.min(x1, yellowAt), y, h);
        fill(gc, yellow, yellowAt, Math.min(x1, redAt), y, h);
        fill(gc, red, redAt, x1, y, h);
    }

    private static void fill(GC gc, Color c, int from, int to, int y, int h) {
        if (to > from) {
            gc.setBackground(c);
            gc.fillRectangle(from, y, to - from, h);
        }
    }

    /** Pixel of {@code db} on a bar of {@code width} pixels (0 at the floor). */
    static int x(double db, int width) {
        double f = (db - LevelMeter.FLOOR_DB) / -LevelMeter.FLOOR_DB;
        return (int) Math.round(Math.max(0, Math.min(1, f)) * width);
    }
}
