package org.lumaflow.ui.internal.parts.timeline;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.lumaflow.decoder.waveform.Waveform;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.export.audio.TimelineAudio;
import org.lumaflow.ui.internal.model.ClipAudioEdits;
import org.lumaflow.ui.internal.model.Edit;

/**
 * The audio drawn on clip bodies and its handles: the waveform (min/max per pixel column at the zoom level that fits,
 * scaled by the clip gain), the gain line (drag up or down: dB, snapping to 0 dB) and a fade handle at each end (drag
 * inwards: fade length), each drag one undoable edit ({@link ClipAudioEdits}). Shown on clips whose file has sound
 * once its waveform is measured.
 */
final class ClipAudioLayer {

    /** What a press grabbed. */
    enum Grab {
        GAIN, FADE_IN, FADE_OUT
    }

    /** The gain at the top of the waveform area, dB. */
    static final double TOP_DB = 12;
    /** The gain at its bottom, dB. */
    static final double BOTTOM_DB = -48;
    private static final int HANDLE = 7;

    private final TimelineView view;
    final ClipWaveforms waveforms;
    // a drag in progress
    private Clip dragClip;
    private Grab grab;
    private double gainDb;
    private long fadeIn;
    private long fadeOut;
    private boolean moved;

    ClipAudioLayer(TimelineView view) {
        this.view = view;
        this.waveforms = new ClipWaveforms(view);
    }

    // ---- maths (plain, tested) ----------------------------------------------------------------------------------

    /** Y of gain {@code db} in an area from {@code top}, {@code height} pixels high. */
    static int gainY(double db, int top, int height) {
        double f = (TOP_DB - Math.max(BOTTOM_DB, Math.min(TOP_DB, db))) / (TOP_DB - BOTTOM_DB);
        return top + (int) Math.round(f * height);
    }

    /** The gain at {@code y}, to 0.5 dB, snapping to 0 dB within 1.5 dB. */
    static double gainAt(int y, int top, int height) {
        double f = (y - top) / (double) Math.max(1, height);
        double db = TOP_DB - f * (TOP_DB - BOTTOM_DB);
        db = Math.round(Math.max(ClipAudioEdits.MIN_GAIN_DB, Math.min(TOP_DB, db)) * 2) / 2.0;
        return Math.abs(db) <= 1.5 ? 0 : db;
    }

    // ---- painting -----------------------------------------------------------------------------------------------

    /** Paints {@code c}'s audio into its body at (x, y, w, h) (clipped by the caller). */
    void paint(GC gc, Clip c, long start, int x, int y, int w, int h, Color body, int left, int right) {
        Waveform wf = waveforms.of(c);
        if (wf == null) {
            return;
        }
        int top = y + 18;
        int height = h - 19;
        boolean dragging = c == dragClip;
        double db = dragging ? gainDb : c.audio().gainAt(c.in());
        long fin = dragging ? fadeIn : c.audio().fadeIn();
        long fout = dragging ? fadeOut : c.audio().fadeOut();
        paintWave(gc, c, wf, start, x, w, top, height, db, body, left, right);
        Color line = view.skin.snap;
        // fades: the faded part darkened, a ramp to the gain line, a handle
        int gy = gainY(db, top + 2, height - 4);
        int fx = x + (int) Math.round(view.scale.width(fin));
        int ox = x + w - (int) Math.round(view.scale.width(fout));
        gc.setForeground(line);
        gc.setLineWidth(dragging && grab == Grab.GAIN ? 2 : 1);
        gc.drawLine(fx, gy, ox, gy);
        gc.setLineWidth(1);
        if (fin > 0) {
            gc.drawLine(x, top + height, fx, gy);
        }
        if (fout > 0) {
            gc.drawLine(ox, gy, x + w, top + height);
        }
        gc.setBackground(view.skin.text);
        gc.fillRectangle(Math.min(fx, x + w - HANDLE), top, HANDLE, HANDLE);
        gc.fillRectangle(Math.max(x, ox - HANDLE), top, HANDLE, HANDLE);
    }

    private void paintWave(GC gc, Clip c, Waveform wf, long start, int x, int w, int top, int height, double db,
            Color body, int left, int right) {
        double rate = c.retime().rate();
        if (rate == 0) {
            return;
        }
        double gain = Math.pow(10, db / 20);
        int mid = top + height / 2;
        int half = height / 2;
        int from = Math.max(x, Math.max(left, TimelineView.HEADER_W));
        int to = Math.min(x + w, right);
        gc.setForeground(view.skin.darker(body));
        long span = c.sourceSpan();
        for (int px = from; px < to; px++) {
            long t0 = Math.max(0, view.ticksAt(px) - start);
            long t1 = Math.min(c.duration(), view.ticksAt(px + 1) - start);
            if (t1 <= t0) {
                continue;
            }
            long s0 = sourceSample(c, t0, rate, span);
            long s1 = sourceSample(c, t1, rate, span);
            long lo = Math.min(s0, s1);
            long hi = Math.max(s0, s1);
            Waveform.Level lvl = wf.forZoom(Math.max(1, hi - lo));
            int b0 = (int) Math.min(lvl.size() - 1, lo / lvl.samplesPerPeak());
            int b1 = (int) Math.min(lvl.size() - 1, Math.max(b0, (hi - 1) / lvl.samplesPerPeak()));
            if (b0 < 0) {
                continue;
            }
            float mn = 0;
            float mx = 0;
            for (int b = b0; b <= b1; b++) {
                mn = Math.min(mn, Math.min(lvl.minLeft()[b], lvl.minRight()[b]));
                mx = Math.max(mx, Math.max(lvl.maxLeft()[b], lvl.maxRight()[b]));
            }
            int yTop = mid - (int) Math.round(Math.min(1, mx * gain) * half);
            int yBot = mid - (int) Math.round(Math.max(-1, mn * gain) * half);
            gc.drawLine(px, yTop, px, Math.max(yTop, yBot));
        }
    }

    /** The source sample heard at clip time {@code t} (ticks from the clip's start). */
    private static long sourceSample(Clip c, long t, double rate, long span) {
        long src = rate > 0 ? c.in() + Math.round(t * rate) : c.in() + span - Math.round(t * -rate);
        return Math.max(0, src / TimelineAudio.TICKS_PER_SAMPLE);
    }

    // ---- handles ------------------------------------------------------------------------------------------------

    /** What a press at (mx, my) on {@code c} (its row at rowY) grabs, or null. */
    Grab hit(Clip c, int mx, int my, int rowY) {
        if (waveforms.of(c) == null) {
            return null;
        }
        int x = (int) Math.round(view.canvasX(c.start()));
        int w = (int) Math.round(view.canvasX(c.end())) - x - 1;
        int top = rowY + 4 + 18;
        int height = TimelineView.TRACK_H - 9 - 19;
        int fx = x + (int) Math.round(view.scale.width(c.audio().fadeIn()));
        int ox = x + w - (int) Math.round(view.scale.width(c.audio().fadeOut()));
        if (my >= top - 1 && my <= top + HANDLE + 1) {
            if (mx >= Math.min(fx, x + w - HANDLE) - 1 && mx <= Math.min(fx, x + w - HANDLE) + HANDLE + 1) {
                return Grab.FADE_IN;
            }
            if (mx >= Math.max(x, ox - HANDLE) - 1 && mx <= Math.max(x, ox - HANDLE) + HANDLE + 1) {
                return Grab.FADE_OUT;
            }
        }
        int gy = gainY(c.audio().gainAt(c.in()), top + 2, height - 4);
        if (Math.abs(my - gy) <= 3 && mx > fx + 2 && mx < ox - 2 && mx > x + TimelineView.EDGE_PX
                && mx < x + w - TimelineView.EDGE_PX) {
            return Grab.GAIN;
        }
        return null;
    }

    /** Starts a drag of {@code g} on {@code c}. */
    void press(Clip c, Grab g) {
        dragClip = c;
        grab = g;
        gainDb = c.audio().gainAt(c.in());
        fadeIn = c.audio().fadeIn();
        fadeOut = c.audio().fadeOut();
        moved = false;
    }

    boolean dragging() {
        return dragClip != null;
    }

    /** Follows the mouse; returns the status line text. */
    String drag(int mx, int my, int rowY) {
        Clip c = dragClip;
        moved = true;
        int top = rowY + 4 + 18;
        int height = TimelineView.TRACK_H - 9 - 19;
        switch (grab) {
            case GAIN -> gainDb = gainAt(my, top + 2, height - 4);
            case FADE_IN -> fadeIn = Math.max(0, Math.min(c.duration() - fadeOut,
                    view.scale.quantize(view.ticksAt(mx) - c.start())));
            case FADE_OUT -> fadeOut = Math.max(0, Math.min(c.duration() - fadeIn,
                    view.scale.quantize(c.end() - view.ticksAt(mx))));
        }
        view.canvas.redraw();
        return switch (grab) {
            case GAIN -> String.format(java.util.Locale.ROOT, "Gain of '%s': %+.1f dB", c.id(), gainDb);
            case FADE_IN -> "Fade in of '" + c.id() + "': " + frames(fadeIn) + " frames";
            case FADE_OUT -> "Fade out of '" + c.id() + "': " + frames(fadeOut) + " frames";
        };
    }

    private long frames(long ticks) {
        return view.scale.nearestFrame(ticks);
    }

    /** Ends the drag: the edit to execute, or null when nothing changed. */
    Edit release() {
        Clip c = dragClip;
        dragClip = null;
        if (c == null || !moved) {
            return null;
        }
        if (grab == Grab.GAIN) {
            return gainDb != c.audio().gainAt(c.in()) || c.audio().gainKeys() != null
                    ? ClipAudioEdits.gain(c, gainDb) : null;
        }
        return fadeIn != c.audio().fadeIn() || fadeOut != c.audio().fadeOut()
                ? ClipAudioEdits.fades(c, fadeIn, fadeOut) : null;
    }

    void cancel() {
        dragClip = null;
        view.canvas.redraw();
    }

    /** Hover text for a grab. */
    static String tip(Grab g, Clip c) {
        return switch (g) {
            case GAIN -> "Drag to set the gain of '" + c.id() + "' (snaps to 0 dB)";
            case FADE_IN -> "Drag to set the fade in of '" + c.id() + "'";
            case FADE_OUT -> "Drag to set the fade out of '" + c.id() + "'";
        };
    }

    /** The cursor for a grab. */
    static int cursor(Grab g) {
        return g == Grab.GAIN ? SWT.CURSOR_SIZENS : SWT.CURSOR_SIZEWE;
    }
}
