package org.lumaflow.ui.internal.parts.curves;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.PaintEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.ParamType;
import org.lumaflow.ui.internal.parts.props.ParamValues;
import org.lumaflow.ui.internal.parts.timeline.Skin;

/**
 * Draws the curve editor: the clip's extent, a value and time grid, the playhead, one curve per component sampled
 * from {@link Animation#evaluate} at every pixel column (what the engine renders, exactly), the keys, the bezier
 * handles of the active component and the rubber band.
 */
final class CurvePainter {

    private static final Color[] COLOUR = {new Color(0xe8, 0x5a, 0x5a), new Color(0x6f, 0xc3, 0x7a),
            new Color(0x5c, 0x9c, 0xff), new Color(0xd0, 0xd0, 0xd0)};
    private static final Color[] POINT = {new Color(0xe8, 0x8a, 0x5a), new Color(0x5c, 0xd6, 0xff)};

    private final CurveView view;
    private final Skin skin;
    private final CurveGeometry g;
    private final double[] value = new double[4];
    private int[] line = new int[0];
    private final int[] diamond = new int[8];

    CurvePainter(CurveView view) {
        this.view = view;
        this.skin = view.skin;
        this.g = view.geometry;
    }

    void paint(PaintEvent e) {
        GC gc = e.gc;
        Rectangle ca = view.canvas.getClientArea();
        gc.setBackground(skin.panel);
        gc.fillRectangle(ca);
        gc.setFont(skin.small);
        CurveModel.Target target = view.target;
        if (target == null || view.clip == null) {
            gc.setForeground(skin.textDim);
            gc.drawString(view.clip == null ? "Select a clip in the timeline to edit its keyframe curves"
                    : "This clip has no animatable parameters", 16, 16, true);
            return;
        }
        Object raw = raw(view);
        view.fit();
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        Rectangle p = g.plot;
        gc.setBackground(skin.background);
        gc.fillRectangle(p);
        int cx0 = (int) Math.max(p.x, Math.round(g.x(view.clip.in())));
        int cx1 = (int) Math.min(p.x + p.width, Math.round(g.x(view.clip.in() + view.clip.duration())));
        gc.setBackground(skin.trackOdd);
        gc.fillRectangle(cx0, p.y, Math.max(0, cx1 - cx0), p.height);
        grid(gc, p, target.spec());
        gc.setClipping(p);
        long head = view.playheadTime();
        gc.setForeground(skin.playhead);
        int hx = (int) Math.round(g.x(head));
        gc.drawLine(hx, p.y, hx, p.y + p.height);
        int n = target.components();
        for (int c = 0; c < n; c++) {
            if (c != view.component) {
                curve(gc, raw, c, n, false);
            }
        }
        curve(gc, raw, view.component, n, true);
        if (raw instanceof Animation a) {
            handles(gc, a);
            keys(gc, a, n);
        }
        gc.setClipping((Rectangle) null);
        if (view.band != null) {
            gc.setForeground(skin.selection);
            gc.setLineStyle(SWT.LINE_DOT);
            Rectangle b = view.band;
            gc.drawRectangle(b.x, b.y, b.width, b.height);
            gc.setLineStyle(SWT.LINE_SOLID);
        }
        gc.setForeground(skin.text);
        gc.drawString(target.label() + (raw instanceof Animation ? "" : "  (constant: double-click to add a key)"),
                p.x + 6, p.y + 3, true);
    }

    /** The value shown: the drag preview, else the parameter's. */
    static Object raw(CurveView view) {
        return view.preview != null ? view.preview : view.target.raw();
    }

    static Color colour(ParamType type, int c) {
        return type == ParamType.COLOR ? COLOUR[c] : type == ParamType.POINT ? POINT[c] : null;
    }

    private void grid(GC gc, Rectangle p, ParamSpec spec) {
        double step = nice((g.v1 - g.v0) / Math.max(1, p.height / 36.0));
        gc.setLineStyle(SWT.LINE_SOLID);
        for (double v = Math.ceil(g.v0 / step) * step; v <= g.v1; v += step) {
            int y = (int) Math.round(g.y(v));
            gc.setForeground(skin.grid);
            gc.drawLine(p.x, y, p.x + p.width, y);
            gc.setForeground(skin.textDim);
            String s = ParamValues.format(Math.abs(v) < step * 1e-6 ? 0 : v);
            gc.drawString(s, p.x - gc.textExtent(s).x - 5, y - 7, true);
        }
        double secs = (g.t1 - g.t0) / Ticks.PER_SECOND;
        double tstep = nice(secs / Math.max(1, p.width / 90.0));
        for (double s = Math.ceil(g.t0 / Ticks.PER_SECOND / tstep) * tstep; s * Ticks.PER_SECOND <= g.t1; s += tstep) {
            int x = (int) Math.round(g.x(s * Ticks.PER_SECOND));
            gc.setForeground(skin.grid);
            gc.drawLine(x, p.y, x, p.y + p.height);
            gc.setForeground(skin.textDim);
            double label = Math.abs(s) < tstep * 1e-6 ? 0 : s;
            gc.drawString(String.format(Locale.ROOT, tstep < 0.1 ? "%.2f s" : "%.1f s", label), x + 3,
                    p.y + p.height + 4, true);
        }
        gc.setLineStyle(SWT.LINE_DASH);
        gc.setForeground(skin.warning);
        for (double limit : new double[] {spec.min(), spec.max()}) {
            if (spec.min() < spec.max() && limit > g.v0 && limit < g.v1) {
                int y = (int) Math.round(g.y(limit));
                gc.drawLine(p.x, y, p.x + p.width, y);
            }
        }
        gc.setLineStyle(SWT.LINE_SOLID);
    }

    /** A 1-2-5 step near {@code raw}. */
    static double nice(double raw) {
        double e = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / e;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * e;
    }

    /** One component's curve, sampled at every pixel column from what the engine evaluates. */
    private void curve(GC gc, Object raw, int c, int n, boolean active) {
        Rectangle p = g.plot;
        int count = p.width + 1;
        if (line.length != count * 2) {
            line = new int[count * 2];
        }
        double[] constant = raw instanceof Animation ? null : CurveModel.valueAt(view.target.spec(), raw, 0);
        for (int i = 0; i < count; i++) {
            double v;
            if (raw instanceof Animation a) {
                a.evaluate(g.time(p.x + i), value, 0);
                v = value[c];
            } else {
                v = constant[c];
            }
            line[2 * i] = p.x + i;
            line[2 * i + 1] = (int) Math.round(Math.max(-1e5, Math.min(1e5, g.y(v))));
        }
        Color own = colour(view.target.spec().type(), c);
        gc.setForeground(own != null ? own : skin.accent);
        gc.setAlpha(active ? 255 : 120);
        gc.setLineWidth(active ? 2 : 1);
        gc.drawPolyline(line);
        gc.setLineWidth(1);
        gc.setAlpha(255);
    }

    private void handles(GC gc, Animation a) {
        for (Keyframe k : a.keyframes()) {
            if (k.interp() != Interpolation.BEZIER || CurveModel.next(a, k) == null) {
                continue;
            }
            for (int which = 1; which <= 2; which++) {
                double[] h = handle(view, k.time(), which, view.component);
                Keyframe anchor = which == 1 ? k : CurveModel.next(a, k);
                int ax = (int) Math.round(g.x(anchor.time()));
                int ay = (int) Math.round(g.y(anchor.value()[view.component]));
                int hx = (int) Math.round(h[0]);
                int hy = (int) Math.round(h[1]);
                gc.setForeground(skin.snap);
                gc.drawLine(ax, ay, hx, hy);
                gc.setBackground(view.selection.contains(k.time()) ? skin.snap : skin.background);
                gc.fillOval(hx - 4, hy - 4, 9, 9);
                gc.drawOval(hx - 4, hy - 4, 9, 9);
            }
        }
    }

    private void keys(GC gc, Animation a, int n) {
        List<Keyframe> keys = a.keyframes();
        for (int c = 0; c < n; c++) {
            boolean active = c == view.component;
            int r = active ? 6 : 4;
            for (Keyframe k : keys) {
                int x = (int) Math.round(g.x(k.time()));
                int y = (int) Math.round(g.y(k.value()[c]));
                diamond[0] = x;
                diamond[1] = y - r;
                diamond[2] = x + r;
                diamond[3] = y;
                diamond[4] = x;
                diamond[5] = y + r;
                diamond[6] = x - r;
                diamond[7] = y;
                boolean selected = view.selection.contains(k.time());
                Color own = colour(view.target.spec().type(), c);
                gc.setBackground(selected ? skin.selection : own != null ? own : skin.accent);
                gc.setAlpha(active || selected ? 255 : 150);
                gc.fillPolygon(diamond);
                gc.setForeground(selected ? skin.accent : skin.textDark);
                gc.drawPolygon(diamond);
                gc.setAlpha(255);
            }
        }
    }

    /**
     * Canvas x, y of handle {@code which} (1: leaving the key at {@code time}, 2: arriving at the next key) of the
     * bezier key at {@code time} on component {@code c}, or null when that key has no bezier segment.
     */
    static double[] handle(CurveView view, long time, int which, int c) {
        if (view.target == null || !(raw(view) instanceof Animation a)) {
            return null;
        }
        Keyframe k = CurveModel.keyAt(a, time);
        Keyframe next = k == null ? null : CurveModel.next(a, k);
        if (next == null || k.interp() != Interpolation.BEZIER) {
            return null;
        }
        CurveGeometry g = view.geometry;
        double va = k.value()[c];
        double scale = g.handleScale(va, next.value()[c]);
        double[] h = k.handles();
        double hx = h[which == 1 ? 0 : 2];
        double hy = h[which == 1 ? 1 : 3];
        long dt = next.time() - k.time();
        return new double[] {g.x(k.time() + hx * dt), g.y(va + hy * scale)};
    }
}
