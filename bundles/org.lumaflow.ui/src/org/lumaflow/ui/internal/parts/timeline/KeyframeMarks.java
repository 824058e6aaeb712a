package org.lumaflow.ui.internal.parts.timeline;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.ui.internal.model.Edit;
import org.lumaflow.ui.internal.model.Edits;
import org.lumaflow.ui.internal.parts.props.ParamValues;

/**
 * Keyframe diamonds on the selected clip's body: one per keyframe time of any animated parameter of its source and
 * effects (keys at the same time share a diamond). Hovering lists the parameters and values there; a click moves the
 * playhead to the key; a drag moves the keys in time, snapped to frames, as one undoable edit on release.
 */
public final class KeyframeMarks {

    private static final int R = 5;

    /** One keyframe of one parameter. */
    record Entry(GraphNode node, String param, Animation animation, Keyframe key) {
    }

    private final TimelineView view;
    private final int[] diamond = new int[8];
    private Clip clip;
    private long pressed;
    private long target;
    private int downX;
    private boolean dragging;

    KeyframeMarks(TimelineView view) {
        this.view = view;
        view.canvas.setData("org.lumaflow.ui.keyframes", this);
    }

    /** The keys of {@code c}'s animated parameters by clip time (node-local ticks). */
    static TreeMap<Long, List<Entry>> marks(Clip c) {
        TreeMap<Long, List<Entry>> out = new TreeMap<>();
        List<GraphNode> nodes = new ArrayList<>();
        nodes.add(c.source());
        nodes.addAll(c.effects());
        for (GraphNode n : nodes) {
            for (Map.Entry<String, Object> p : n.params().entrySet()) {
                if (p.getValue() instanceof Animation a) {
                    for (Keyframe k : a.keyframes()) {
                        out.computeIfAbsent(k.time(), t -> new ArrayList<>()).add(new Entry(n, p.getKey(), a, k));
                    }
                }
            }
        }
        return out;
    }

    private Clip selected() {
        Clip c = view.studio.project() == null ? null : view.studio.selectedClip();
        return c == null || view.input.hides(c) || view.studio.trackOf(c) == null ? null : c;
    }

    private int centreY(Clip c) {
        Track t = view.studio.trackOf(c);
        return view.rowY(view.timeline().tracks().indexOf(t)) + TimelineView.TRACK_H - 12;
    }

    /** Canvas x of clip time {@code local}, or NaN when it is outside the clip. */
    private double x(Clip c, long local) {
        long t = local + c.start() - c.in();
        return t < c.start() || t > c.end() ? Double.NaN : view.canvasX(t);
    }

    /** Paints the diamonds (called by the painter with the rows' clipping set). */
    void paint(GC gc, int left, int right) {
        Clip c = selected();
        if (c == null) {
            return;
        }
        int y = centreY(c);
        Skin skin = view.skin;
        for (long local : marks(c).keySet()) {
            boolean moving = clip == c && dragging && local == pressed;
            double fx = x(c, moving ? target : local);
            if (Double.isNaN(fx) || fx < left - R || fx > right + R) {
                continue;
            }
            int x = (int) Math.round(fx);
            diamond[0] = x;
            diamond[1] = y - R;
            diamond[2] = x + R;
            diamond[3] = y;
            diamond[4] = x;
            diamond[5] = y + R;
            diamond[6] = x - R;
            diamond[7] = y;
            gc.setBackground(moving ? skin.snap : skin.accent);
            gc.fillPolygon(diamond);
            gc.setForeground(skin.textDark);
            gc.drawPolygon(diamond);
        }
    }

    /** The clip time of the diamond under (x, y) on the selected clip, or null. */
    private Long hit(Clip c, int x, int y) {
        if (c == null || Math.abs(y - centreY(c)) > R + 2) {
            return null;
        }
        Long best = null;
        double bestD = R + 3;
        for (long local : marks(c).keySet()) {
            double d = Math.abs(x(c, local) - x);
            if (d < bestD) {
                best = local;
                bestD = d;
            }
        }
        return best;
    }

    // ---- input (hooks called first by TimelineInput) --------------------------------------------------------------

    /** A press on a diamond starts a click or drag (true: consumed). */
    boolean down(Event e) {
        Clip c = selected();
        Long local = hit(c, e.x, e.y);
        if (local == null) {
            return false;
        }
        clip = c;
        pressed = local;
        target = local;
        downX = e.x;
        dragging = false;
        return true;
    }

    /** Drags a pressed diamond (true: consumed). */
    boolean drag(Event e) {
        if (clip == null) {
            return false;
        }
        if (!dragging && Math.abs(e.x - downX) <= 3) {
            return true;
        }
        dragging = true;
        FrameRate rate = view.rate;
        long offset = clip.start() - clip.in();
        long first = rate.ticksToFrame(clip.start(), RoundingMode.CEILING);
        long last = Math.max(first, rate.ticksToFrame(clip.end(), RoundingMode.CEILING) - 1);
        long frame = rate.ticksToFrame(Math.max(0, view.ticksAt(e.x)), RoundingMode.HALF_UP);
        frame = Math.max(first, Math.min(last, frame));
        target = rate.frameToTicks(frame) - offset;
        String problem = problem(clip, pressed, target);
        view.status.accept(problem != null ? problem
                : "Move keyframe to " + view.timecode(frame) + " (clip " + seconds(target) + ")");
        view.canvas.redraw();
        return true;
    }

    /** Ends a click (the playhead goes to the key) or a drag (the keys move: one edit). True: consumed. */
    boolean up(Event e) {
        if (clip == null) {
            return false;
        }
        Clip c = clip;
        clip = null;
        view.status.accept("");
        if (!dragging) {
            view.studio.transport().stop();
            view.studio.setPlayhead(view.rate.ticksToFrame(Math.max(0, pressed + c.start() - c.in()),
                    RoundingMode.HALF_UP));
        } else if (target != pressed && view.studio.findClip(c.id()) == c) {
            String problem = problem(c, pressed, target);
            if (problem != null) {
                view.studio.notice(problem);
            } else {
                view.studio.execute(moveEdit(c, pressed, target));
            }
        }
        dragging = false;
        view.canvas.redraw();
        return true;
    }

    private static String problem(Clip c, long from, long to) {
        for (Entry en : marks(c).getOrDefault(from, List.of())) {
            for (Keyframe k : en.animation().keyframes()) {
                if (k.time() == to && to != from) {
                    return "Not moved: " + en.node().id() + "." + en.param() + " has a keyframe there already";
                }
            }
        }
        return null;
    }

    /** Moves every key of {@code c} at clip time {@code from} to {@code to}: one undo step. */
    static Edit moveEdit(Clip c, long from, long to) {
        List<Edit> edits = new ArrayList<>();
        for (Entry en : marks(c).getOrDefault(from, List.of())) {
            List<Keyframe> keys = new ArrayList<>();
            for (Keyframe k : en.animation().keyframes()) {
                keys.add(k == en.key() ? new Keyframe(to, k.value(), k.interp(), k.handles()) : k);
            }
            edits.add(Edits.setParam(en.node(), en.param(), new Animation(keys)));
        }
        return Edits.compound("Move keyframe of '" + c.name() + "'", edits);
    }

    /** The hover text over a diamond (parameters and values there), else {@code tip}. */
    String tip(int x, int y, String tip) {
        Clip c = selected();
        Long local = hit(c, x, y);
        if (local == null) {
            return tip;
        }
        StringBuilder sb = new StringBuilder("Keyframe at clip time ").append(seconds(local))
                .append(" (click: go there, drag: move)");
        for (Entry en : marks(c).get(local)) {
            sb.append('\n').append(en.node().id()).append('.').append(en.param()).append(" = ");
            double[] v = en.key().value();
            for (int i = 0; i < v.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(ParamValues.format(v[i]));
            }
            sb.append("  (").append(en.key().interp().id()).append(')');
        }
        return sb.toString();
    }

    private static String seconds(long ticks) {
        return String.format(java.util.Locale.ROOT, "%.2f s", ticks / (double) org.lumaflow.core.time.Ticks.PER_SECOND);
    }

    // ---- for tests and automation --------------------------------------------------------------------------------

    /** The canvas point of clip time {@code local} on the selected clip's diamond row, or null outside the clip. */
    public Point pointOf(long local) {
        Clip c = selected();
        if (c == null || Double.isNaN(x(c, local))) {
            return null;
        }
        return new Point((int) Math.round(x(c, local)), centreY(c));
    }

    /** The clip times with a diamond on the selected clip. */
    public List<Long> times() {
        Clip c = selected();
        return c == null ? List.of() : List.copyOf(marks(c).keySet());
    }
}
