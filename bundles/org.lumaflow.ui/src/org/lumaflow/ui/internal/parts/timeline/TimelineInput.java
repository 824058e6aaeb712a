package org.lumaflow.ui.internal.parts.timeline;

import java.math.RoundingMode;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Cursor;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;
import org.lumaflow.ui.internal.model.Edit;
import org.lumaflow.ui.internal.model.TrackEdits;

/**
 * Mouse work on the timeline: scrubbing on the ruler, selecting, moving (also to another track) and trimming clips
 * with snapping and a live preview; one edit on mouse up. Ctrl+wheel zooms around the mouse.
 */
final class TimelineInput {

    private enum Mode {
        NONE, SCRUB, PRESS, MOVE, TRIM_LEFT, TRIM_RIGHT, MARKER, AUDIO
    }

    private final TimelineView view;
    private final Snapper snapper = new Snapper();
    private final long[] hit = new long[1];
    private Mode mode = Mode.NONE;
    private org.lumaflow.engine.timeline.Marker marker;
    private Mode pressMode;
    private Clip clip;
    private Track fromTrack;
    private int downX;
    private int downY;
    private long origStart;
    private long origIn;
    private long origDuration;
    // preview
    private Track toTrack;
    private long start;
    private long in;
    private long duration;
    private String problem;
    /** Ticks the playhead or an edge snapped to while dragging, else MIN_VALUE. */
    long snapHit = Long.MIN_VALUE;
    /** X of a media drop in progress, else -1. */
    int dropX = -1;
    private String tooltip;
    private Cursor cursor;
    private int audioRowY;

    TimelineInput(TimelineView view) {
        this.view = view;
        var c = view.canvas;
        c.addListener(SWT.MouseDown, this::down);
        c.addListener(SWT.MouseMove, this::move);
        c.addListener(SWT.MouseUp, this::up);
        c.addListener(SWT.MouseWheel, this::wheel);
        c.addListener(SWT.MouseExit, e -> setCursor(null));
        c.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ESC && mode != Mode.NONE) {
                cancel();
            }
        });
    }

    // ---- queries used while painting ----------------------------------------------------------------------------

    /** Whether {@code c} is drawn by the preview instead of at its place. */
    boolean hides(Clip c) {
        return c == clip && (mode == Mode.MOVE || mode == Mode.TRIM_LEFT || mode == Mode.TRIM_RIGHT);
    }

    /** {@code c}, or null while it is being dragged off track {@code t}. */
    Clip previewOf(Track t, Clip c) {
        return c != null && hides(c) && toTrack != t ? null : c;
    }

    long startOf(Clip c) {
        return hides(c) ? start : c.start();
    }

    long endOf(Clip c) {
        return hides(c) ? start + duration : c.end();
    }

    void paintPreview(GC gc, TimelinePainter painter) {
        if (!hides(clip)) {
            return;
        }
        int index = view.timeline().tracks().indexOf(toTrack);
        if (index < 0) {
            return;
        }
        Rectangle ca = view.canvas.getClientArea();
        gc.setAlpha(mode == Mode.MOVE ? 220 : 255);
        painter.paintClip(gc, clip, start, duration, view.rowY(index), TimelineView.HEADER_W, ca.width, true,
                problem != null);
        gc.setAlpha(255);
    }

    // ---- mouse ---------------------------------------------------------------------------------------------------

    private void down(Event e) {
        view.canvas.setFocus();
        if (e.button != 1 || view.studio.project() == null) {
            return;
        }
        if (e.x >= TimelineView.HEADER_W && e.y < TimelineView.RULER_H) {
            marker = view.markers.at(e.x, e.y);
            if (marker != null) { // a marker's flag: click jumps there, drag moves it
                mode = Mode.MARKER;
                downX = e.x;
                return;
            }
            mode = Mode.SCRUB;
            scrub(e.x);
            return;
        }
        if (e.x < TimelineView.HEADER_W) {
            view.headers.down(e);
            return;
        }
        if (view.keyframes.down(e)) {
            return;
        }
        Clip c = view.clipAt(e.x, e.y);
        if (c == null) {
            Transition tr = view.transitionAt(e.x, e.y);
            if (tr == null && view.studio.selectedClip() != null) {
                view.studio.select(null, null);
            }
            return;
        }
        if ((e.stateMask & (SWT.MOD1 | SWT.SHIFT)) != 0) { // Ctrl/Shift+click: add to or take out of the selection
            view.studio.toggleSelected(c.id());
            return;
        }
        if (view.studio.selectedClip() != c) {
            view.studio.select(c.id(), null);
        }
        Track own = view.studio.trackOf(c);
        if (own != null && own.locked()) {
            view.studio.notice("Track '" + own.name() + "' is locked: its clips cannot be moved or trimmed");
            return;
        }
        ClipAudioLayer.Grab grab = view.audioLayer.hit(c, e.x, e.y, view.rowY(view.trackIndexAt(e.y)));
        if (grab != null) { // gain line or fade handle
            audioRowY = view.rowY(view.trackIndexAt(e.y));
            view.audioLayer.press(c, grab);
            mode = Mode.AUDIO;
            return;
        }
        clip = c;
        fromTrack = view.studio.trackOf(c);
        toTrack = fromTrack;
        downX = e.x;
        downY = e.y;
        origStart = c.start();
        origIn = c.in();
        origDuration = c.duration();
        start = origStart;
        in = origIn;
        duration = origDuration;
        pressMode = edgeMode(c, e.x);
        mode = Mode.PRESS;
        buildSnapTargets(c);
    }

    private Mode edgeMode(Clip c, int x) {
        double x0 = view.canvasX(c.start());
        double x1 = view.canvasX(c.end());
        int edge = (int) Math.min(TimelineView.EDGE_PX, Math.max(2, (x1 - x0) / 4));
        if (x - x0 < edge) {
            return Mode.TRIM_LEFT;
        }
        if (x1 - x <= edge) {
            return Mode.TRIM_RIGHT;
        }
        return Mode.MOVE;
    }

    private void buildSnapTargets(Clip self) {
        int n = 2;
        for (Track t : view.timeline().tracks()) {
            n += 2 * t.clips().size();
        }
        long[] targets = new long[n];
        int i = 0;
        targets[i++] = 0;
        targets[i++] = view.rate.frameToTicks(view.studio.playhead());
        for (Track t : view.timeline().tracks()) {
            for (Clip c : t.clips()) {
                if (c != self) {
                    targets[i++] = c.start();
                    targets[i++] = c.end();
                }
            }
        }
        snapper.setTargets(targets, i);
    }

    private void move(Event e) {
        if (mode == Mode.NONE && view.headers.drag(e)) {
            return;
        }
        if (mode == Mode.NONE && view.keyframes.drag(e)) {
            return;
        }
        switch (mode) {
            case SCRUB -> scrub(e.x);
            case PRESS -> {
                if (Math.abs(e.x - downX) > 3 || Math.abs(e.y - downY) > 3) {
                    mode = pressMode;
                    drag(e);
                }
            }
            case MOVE, TRIM_LEFT, TRIM_RIGHT -> drag(e);
            case AUDIO -> view.status.accept(view.audioLayer.drag(e.x, e.y, audioRowY));
            default -> hover(e);
        }
    }

    private void up(Event e) {
        if (e.button != 1) {
            return;
        }
        if (view.headers.up()) {
            return;
        }
        if (view.keyframes.up(e)) {
            return;
        }
        Mode m = mode;
        mode = Mode.NONE;
        snapHit = Long.MIN_VALUE;
        if (m == Mode.AUDIO) {
            Edit edit = view.audioLayer.release();
            view.status.accept("");
            if (edit != null) {
                view.studio.execute(edit);
            }
            view.canvas.redraw();
            return;
        }
        if (m == Mode.MARKER && marker != null) {
            if (Math.abs(e.x - downX) > 3) {
                view.markers.moveTo(marker, e.x);
            } else {
                view.studio.setPlayhead(view.rate.ticksToFrame(marker.start(), java.math.RoundingMode.CEILING));
            }
            marker = null;
            view.canvas.redraw();
            return;
        }
        if (m == Mode.MOVE || m == Mode.TRIM_LEFT || m == Mode.TRIM_RIGHT) {
            commit(m);
            clip = null;
            view.canvas.redraw();
        }
        clip = null;
    }

    private void wheel(Event e) {
        if ((e.stateMask & SWT.MOD1) == 0 && view.headers.wheel(e)) {
            e.doit = false;
            return;
        }
        if ((e.stateMask & SWT.MOD1) != 0) {
            e.doit = false;
            view.zoomAround(e.count > 0 ? 1.25 : 0.8, Math.max(0, e.x - TimelineView.HEADER_W));
        } else if ((e.stateMask & SWT.SHIFT) != 0 || !view.canvas.getVerticalBar().isVisible()) {
            e.doit = false;
            view.scrollBy(-e.count * 40.0);
        }
    }

    private void scrub(int x) {
        long frame = view.scale.frame(Math.max(0, x - TimelineView.HEADER_W));
        view.studio.transport().stop();
        view.studio.setPlayhead(frame);
    }

    private void drag(Event e) {
        long dx = view.scale.ticksOf(e.x - downX);
        long threshold = view.snapping ? view.scale.ticksOf(TimelineView.SNAP_PX) : -1;
        snapHit = Long.MIN_VALUE;
        switch (mode) {
            case MOVE -> {
                long s = snapper.placeSpan(Math.max(0, origStart + dx), origDuration, threshold,
                        view.scale::quantize, hit);
                snapHit = hit[0];
                start = Math.max(0, s);
                in = origIn;
                duration = origDuration;
                if (view.inRows(e.y) || e.y >= TimelineView.RULER_H) {
                    int index = view.trackIndexAt(e.y);
                    toTrack = index < 0 ? fromTrack : view.timeline().tracks().get(index);
                }
            }
            case TRIM_LEFT -> {
                long end = origStart + origDuration;
                long s = snapper.placeEdge(origStart + dx, threshold, view.scale::quantize, hit);
                snapHit = hit[0];
                long min = Math.max(0, origStart - origIn);
                s = Math.max(min, Math.min(view.scale.boundaryBefore(end), s));
                start = s;
                in = origIn + (s - origStart);
                duration = end - s;
            }
            case TRIM_RIGHT -> {
                long end = snapper.placeEdge(origStart + origDuration + dx, threshold, view.scale::quantize, hit);
                snapHit = hit[0];
                end = Math.max(view.scale.boundaryAfter(origStart), end);
                start = origStart;
                in = origIn;
                duration = end - origStart;
            }
            default -> {
                return;
            }
        }
        problem = TimelineCommands.placementProblem(toTrack, clip, start, start + duration);
        view.status.accept(problem != null ? "Cannot place '" + clip.id() + "' here: " + problem
                : dragText());
        view.canvas.redraw();
    }

    private String dragText() {
        TimeScale sc = view.scale;
        long first = sc.nearestFrame(start);
        long frames = sc.nearestFrame(start + duration) - first;
        String where = mode == Mode.MOVE ? "Move '" + clip.id() + "' to " + view.timecode(first)
                + (toTrack != fromTrack ? " on " + toTrack.name() : "")
                : "Trim '" + clip.id() + "': " + view.timecode(first) + " + " + frames + " frames";
        long delta = first - sc.nearestFrame(origStart);
        if (mode == Mode.MOVE && start != origStart) {
            where += " (" + (delta >= 0 ? "+" : "-") + Math.abs(delta) + " f)";
        }
        return where;
    }

    private void commit(Mode m) {
        if (problem != null) {
            view.status.accept("Not moved: " + problem);
            problem = null;
            return;
        }
        Edit edit = null;
        view.status.accept("");
        try {
            if (m == Mode.MOVE && (start != origStart || toTrack != fromTrack)) {
                edit = TimelineCommands.moveEdit(clip, fromTrack, toTrack, start);
            } else if (m != Mode.MOVE && (start != origStart || duration != origDuration)) {
                edit = TimelineCommands.trimEdit(clip, fromTrack, start, in, duration);
            }
        } catch (TrackEdits.LockedException locked) {
            view.studio.notice("Not moved: " + locked.getMessage());
            return;
        }
        if (edit != null) {
            view.studio.execute(edit);
        }
    }

    /** Drops a drag in progress (Esc, another project). */
    void cancel() {
        view.audioLayer.cancel();
        mode = Mode.NONE;
        clip = null;
        problem = null;
        snapHit = Long.MIN_VALUE;
        dropX = -1;
        view.status.accept("");
        view.canvas.redraw();
    }

    /** The model changed under a drag (undo from the keyboard...): drop it when its clip is gone. */
    void modelChanged() {
        if (clip != null && view.studio.findClip(clip.id()) != clip) {
            cancel();
        }
        // a tooltip describes the clip that was under the mouse before the edit: drop it (the next move makes anew)
        if (tooltip != null) {
            tooltip = null;
            view.canvas.setToolTipText(null);
        }
    }

    // ---- hover feedback ------------------------------------------------------------------------------------------

    private void hover(Event e) {
        Cursor c = null;
        String tip = null;
        if (view.studio.project() == null) {
            return;
        }
        if (e.x >= TimelineView.HEADER_W && e.y < TimelineView.RULER_H) {
            tip = "Click or drag to move the playhead";
        } else if (e.x < TimelineView.HEADER_W && view.inRows(e.y)) {
            tip = view.headers.tip(e.x, e.y);
        } else {
            Clip clipAt = view.clipAt(e.x, e.y);
            Transition tr = view.transitionAt(e.x, e.y);
            if (tr != null) {
                tip = "Transition " + tr.node().type() + ": " + tr.from() + " \u2192 " + tr.to()
                        + " (right-click to change or remove)";
            } else if (clipAt != null) {
                Mode m = edgeMode(clipAt, e.x);
                ClipAudioLayer.Grab g = view.audioLayer.hit(clipAt, e.x, e.y, view.rowY(view.trackIndexAt(e.y)));
                if (g != null) {
                    c = view.canvas.getDisplay().getSystemCursor(ClipAudioLayer.cursor(g));
                    tip = ClipAudioLayer.tip(g, clipAt);
                } else if (m != Mode.MOVE) {
                    c = view.canvas.getDisplay().getSystemCursor(SWT.CURSOR_SIZEWE);
                    tip = "Drag to trim the " + (m == Mode.TRIM_LEFT ? "start" : "end") + " of '" + clipAt.id() + "'";
                } else {
                    tip = clipTip(clipAt);
                }
            }
        }
        tip = view.keyframes.tip(e.x, e.y, tip);
        setCursor(c);
        if (tip == null ? tooltip != null : !tip.equals(tooltip)) {
            tooltip = tip;
            view.canvas.setToolTipText(tip);
        }
    }

    private String clipTip(Clip c) {
        FrameRate rate = view.scale.rate();
        long first = rate.ticksToFrame(c.start(), RoundingMode.FLOOR);
        StringBuilder sb = new StringBuilder();
        sb.append(c.id()).append(" (").append(c.source().type()).append(")\n");
        sb.append("start ").append(view.timecode(first)).append(", ")
                .append(view.scale.nearestFrame(c.end()) - view.scale.nearestFrame(c.start())).append(" frames");
        if (c.in() > 0) {
            sb.append(", in ").append(view.timecode(rate.ticksToFrame(c.in(), RoundingMode.FLOOR)));
        }
        List<?> fx = c.effects();
        if (!fx.isEmpty()) {
            sb.append("\neffects: ");
            for (int i = 0; i < c.effects().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(c.effects().get(i).id());
            }
        }
        Object file = c.source().params().get("file");
        if (file != null) {
            sb.append('\n').append(file);
        }
        return sb.toString();
    }

    private void setCursor(Cursor c) {
        if (c != cursor) {
            cursor = c;
            view.canvas.setCursor(c);
        }
    }
}
