package org.lumaflow.ui.internal.parts.curves;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;

/**
 * Mouse and keys on the curve canvas: double-click adds a key, a press selects (Ctrl toggles), a drag moves the
 * selected keys (snapped to frames; Shift keeps to one axis), a drag on empty space draws a rubber band, a drag on a
 * bezier handle shapes the segment, a press on the time axis moves the playhead; Del deletes, Esc drops a drag; the
 * context menu sets the interpolation. A drag previews and becomes one edit on release.
 */
final class CurveInput {

    private enum Mode {
        NONE, PRESS_KEY, MOVE, HANDLE, BAND, SCRUB
    }

    private static final int HIT = 7;

    private final CurveView view;
    private final CurveGeometry g;
    private Mode mode = Mode.NONE;
    private int downX;
    private int downY;
    private Animation base;
    private long pressed;
    private int handle;
    private long moved;
    private Set<Long> bandBase = Set.of();

    CurveInput(CurveView view) {
        this.view = view;
        this.g = view.geometry;
        var c = view.canvas;
        c.setData("org.lumaflow.ui.ownDelete", Boolean.TRUE); // Del deletes keys here, not the selected clip
        c.addListener(SWT.MouseDown, this::down);
        c.addListener(SWT.MouseMove, this::move);
        c.addListener(SWT.MouseUp, this::up);
        c.addListener(SWT.MouseDoubleClick, this::doubleClick);
        c.addListener(SWT.KeyDown, this::key);
        menu();
    }

    // ---- hit testing ----------------------------------------------------------------------------------------------

    /** [time, component] of the key under (x, y) (the active component first), or null. */
    private long[] keyAt(Animation a, int x, int y) {
        int n = a.components();
        for (int i = 0; i < n; i++) {
            int c = (view.component + i) % n;
            for (Keyframe k : a.keyframes()) {
                if (Math.abs(g.x(k.time()) - x) <= HIT && Math.abs(g.y(k.value()[c]) - y) <= HIT) {
                    return new long[] {k.time(), c};
                }
            }
        }
        return null;
    }

    /** [time, which] of the bezier handle under (x, y), or null. */
    private long[] handleAt(Animation a, int x, int y) {
        for (Keyframe k : a.keyframes()) {
            for (int which = 1; which <= 2; which++) {
                double[] h = CurvePainter.handle(view, k.time(), which, view.component);
                if (h != null && Math.abs(h[0] - x) <= HIT && Math.abs(h[1] - y) <= HIT) {
                    return new long[] {k.time(), which};
                }
            }
        }
        return null;
    }

    // ---- mouse ----------------------------------------------------------------------------------------------------

    private void down(Event e) {
        view.canvas.setFocus();
        if (e.button != 1 || view.target == null || view.clip == null) {
            return;
        }
        downX = e.x;
        downY = e.y;
        if (e.y > g.plot.y + g.plot.height) {
            mode = Mode.SCRUB;
            view.seek(view.snap(g.time(e.x)));
            return;
        }
        boolean ctrl = (e.stateMask & SWT.MOD1) != 0;
        Animation a = view.target.animation();
        if (a != null) {
            long[] h = handleAt(a, e.x, e.y);
            if (h != null && !ctrl) {
                mode = Mode.HANDLE;
                base = a;
                pressed = h[0];
                handle = (int) h[1];
                view.frozen = true;
                return;
            }
            long[] k = keyAt(a, e.x, e.y);
            if (k != null) {
                if (ctrl) {
                    if (!view.selection.remove(k[0])) {
                        view.selection.add(k[0]);
                    }
                } else {
                    if (!view.selection.contains(k[0])) {
                        view.selection.clear();
                        view.selection.add(k[0]);
                    }
                    mode = Mode.PRESS_KEY;
                    base = a;
                    pressed = k[0];
                }
                view.component = (int) k[1];
                changed();
                return;
            }
        }
        bandBase = ctrl ? new TreeSet<>(view.selection) : Set.of();
        if (!ctrl) {
            view.selection.clear();
        }
        mode = Mode.BAND;
        view.band = new Rectangle(e.x, e.y, 0, 0);
        changed();
    }

    private void move(Event e) {
        switch (mode) {
            case SCRUB -> view.seek(view.snap(g.time(e.x)));
            case PRESS_KEY -> {
                if (Math.abs(e.x - downX) > 3 || Math.abs(e.y - downY) > 3) {
                    mode = Mode.MOVE;
                    view.frozen = true;
                    drag(e);
                }
            }
            case MOVE -> drag(e);
            case HANDLE -> shape(e);
            case BAND -> {
                view.band = new Rectangle(Math.min(downX, e.x), Math.min(downY, e.y), Math.abs(e.x - downX),
                        Math.abs(e.y - downY));
                view.canvas.redraw();
            }
            default -> hover(e);
        }
    }

    private void drag(Event e) {
        boolean shift = (e.stateMask & SWT.SHIFT) != 0;
        boolean timeOnly = shift && Math.abs(e.x - downX) >= Math.abs(e.y - downY);
        boolean valueOnly = shift && !timeOnly;
        long dt = valueOnly ? 0 : view.snap(pressed + g.time(e.x) - g.time(downX)) - pressed;
        double dv = timeOnly ? 0 : g.value(e.y) - g.value(downY);
        Animation next = CurveModel.moveKeys(view.target.spec(), base, view.selection, dt, view.component, dv);
        if (next != null) {
            view.preview = next;
            moved = dt;
        }
        view.canvas.redraw();
    }

    private void shape(Event e) {
        Keyframe k = CurveModel.keyAt(base, pressed);
        Keyframe next = CurveModel.next(base, k);
        int c = view.component;
        double scale = g.handleScale(k.value()[c], next.value()[c]);
        double[] h = k.handles().clone();
        int i = handle == 1 ? 0 : 2;
        h[i] += (g.time(e.x) - g.time(downX)) / (double) (next.time() - k.time());
        h[i + 1] += (g.value(e.y) - g.value(downY)) / scale;
        view.preview = CurveModel.setHandles(base, pressed, h);
        view.canvas.redraw();
    }

    private void up(Event e) {
        if (e.button != 1) {
            return;
        }
        Mode m = mode;
        mode = Mode.NONE;
        view.frozen = false;
        Object result = view.preview;
        switch (m) {
            case MOVE -> {
                if (result != null && result != base) {
                    TreeSet<Long> times = new TreeSet<>();
                    view.selection.forEach(t -> times.add(t + moved));
                    view.selection.clear();
                    view.selection.addAll(times);
                    view.execute(CurveModel.edit(view.target, "Move keyframes", result));
                }
            }
            case HANDLE -> {
                if (result != null) {
                    view.execute(CurveModel.edit(view.target, "Shape bezier", result));
                }
            }
            case BAND -> {
                Rectangle b = view.band;
                view.band = null;
                view.selection.clear();
                view.selection.addAll(bandBase);
                Animation a = view.target.animation();
                if (a != null && b != null) {
                    for (Keyframe k : a.keyframes()) {
                        for (double v : k.value()) {
                            if (b.contains((int) Math.round(g.x(k.time())), (int) Math.round(g.y(v)))) {
                                view.selection.add(k.time());
                            }
                        }
                    }
                }
                changed();
            }
            default -> {
            }
        }
        view.preview = null;
        moved = 0;
        base = null;
        view.canvas.redraw();
    }

    private void doubleClick(Event e) {
        if (e.button != 1 || view.target == null || view.clip == null || !g.plot.contains(e.x, e.y)) {
            return;
        }
        Object raw = view.target.raw();
        if (raw instanceof Animation a && keyAt(a, e.x, e.y) != null) {
            return;
        }
        long t = view.snap(g.time(e.x));
        double[] now = CurveModel.valueAt(view.target.spec(), raw, t);
        int c = 0;
        for (int i = 1; i < now.length; i++) {
            if (Math.abs(g.y(now[i]) - e.y) < Math.abs(g.y(now[c]) - e.y)) {
                c = i;
            }
        }
        view.component = c;
        view.selection.clear();
        view.selection.add(t);
        view.execute(CurveModel.edit(view.target, "Add keyframe",
                CurveModel.addKey(view.target.spec(), raw, t, c, g.value(e.y))));
    }

    private void key(Event e) {
        if (e.keyCode == SWT.DEL || e.keyCode == SWT.BS) {
            view.deleteSelected();
        } else if (e.keyCode == SWT.ESC && mode != Mode.NONE) {
            mode = Mode.NONE;
            view.frozen = false;
            view.preview = null;
            view.band = null;
            view.canvas.redraw();
        } else if ((e.stateMask & SWT.MOD1) != 0 && e.keyCode == 'a' && view.target != null
                && view.target.animation() != null) {
            view.target.animation().keyframes().forEach(k -> view.selection.add(k.time()));
            changed();
        }
    }

    private void hover(Event e) {
        Animation a = view.target == null ? null : view.target.animation();
        boolean over = a != null && (keyAt(a, e.x, e.y) != null || handleAt(a, e.x, e.y) != null);
        view.canvas.setCursor(over ? view.canvas.getDisplay().getSystemCursor(SWT.CURSOR_HAND) : null);
    }

    private void changed() {
        view.updateBar();
        view.canvas.redraw();
    }

    // ---- context menu ---------------------------------------------------------------------------------------------

    private void menu() {
        Menu menu = new Menu(view.canvas);
        view.canvas.setMenu(menu);
        view.canvas.addListener(SWT.MenuDetect, e -> {
            Animation a = view.target == null ? null : view.target.animation();
            Point p = view.canvas.toControl(e.x, e.y);
            long[] k = a == null ? null : keyAt(a, p.x, p.y);
            if (k != null && !view.selection.contains(k[0])) {
                view.selection.clear();
                view.selection.add(k[0]);
                changed();
            }
        });
        for (int i = 0; i < CurveView.INTERPS.length; i++) {
            Interpolation in = CurveView.INTERPS[i];
            MenuItem mi = new MenuItem(menu, SWT.PUSH);
            mi.setText("Interpolation: " + in.id().replace('_', ' '));
            mi.setData("id", "curves.menu." + in.id());
            mi.addListener(SWT.Selection, e -> view.setInterpolation(in));
        }
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem add = new MenuItem(menu, SWT.PUSH);
        add.setText("Add keyframe at the playhead");
        add.addListener(SWT.Selection, e -> {
            if (view.target != null && view.clip != null) {
                long t = view.snap(view.playheadTime());
                view.selection.clear();
                view.selection.add(t);
                view.execute(CurveModel.edit(view.target, "Add keyframe",
                        CurveModel.addKey(view.target.spec(), view.target.raw(), t, -1, 0)));
            }
        });
        MenuItem del = new MenuItem(menu, SWT.PUSH);
        del.setText("Delete keyframes\tDel");
        del.addListener(SWT.Selection, e -> view.deleteSelected());
        menu.addListener(SWT.Show, e -> {
            boolean keys = !view.selection.isEmpty();
            for (MenuItem mi : menu.getItems()) {
                mi.setEnabled(mi == add ? view.target != null : keys);
            }
        });
    }
}
