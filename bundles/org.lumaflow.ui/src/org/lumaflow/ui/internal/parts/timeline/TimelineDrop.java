package org.lumaflow.ui.internal.parts.timeline;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;

/**
 * Media dropped on the timeline (absolute file paths as text, one per line, e.g. from the media bin, or files from
 * the desktop): each becomes a clip on the track under the mouse, from the time under it (snapped to the playhead
 * and clip edges).
 */
final class TimelineDrop extends DropTargetAdapter {

    private final TimelineView view;

    TimelineDrop(TimelineView view) {
        this.view = view;
        DropTarget target = new DropTarget(view.canvas, DND.DROP_COPY | DND.DROP_MOVE | DND.DROP_LINK
                | DND.DROP_DEFAULT);
        target.setTransfer(new Transfer[] {FileTransfer.getInstance(), TextTransfer.getInstance()});
        target.addDropListener(this);
    }

    @Override
    public void dragEnter(DropTargetEvent e) {
        if (e.detail == DND.DROP_DEFAULT || e.detail == DND.DROP_MOVE) {
            e.detail = (e.operations & DND.DROP_COPY) != 0 ? DND.DROP_COPY : e.operations & DND.DROP_MOVE;
        }
    }

    @Override
    public void dragOver(DropTargetEvent e) {
        e.feedback = DND.FEEDBACK_SCROLL;
        Point p = view.canvas.toControl(e.x, e.y);
        int x = Math.max(TimelineView.HEADER_W, p.x);
        int snapped = (int) Math.round(view.canvasX(dropTime(x)));
        if (snapped != view.input.dropX) {
            view.input.dropX = snapped;
            view.canvas.redraw();
        }
    }

    @Override
    public void dragLeave(DropTargetEvent e) {
        view.input.dropX = -1;
        view.canvas.redraw();
    }

    @Override
    public void drop(DropTargetEvent e) {
        view.input.dropX = -1;
        List<String> paths = new ArrayList<>();
        if (e.data instanceof String[] files) {
            paths.addAll(List.of(files));
        } else if (e.data instanceof String text) {
            for (String line : text.split("\\R")) {
                String s = line.trim();
                if (s.startsWith("file://")) {
                    s = java.net.URI.create(s).getPath();
                }
                if (!s.isEmpty()) {
                    paths.add(s);
                }
            }
        }
        if (paths.isEmpty() || view.studio.project() == null) {
            view.canvas.redraw();
            return;
        }
        Point p = view.canvas.toControl(e.x, e.y);
        long at = dropTime(Math.max(TimelineView.HEADER_W, p.x));
        int track = view.timeline().tracks().isEmpty() ? 0 : view.trackIndexAt(p.y);
        Display d = view.canvas.getDisplay();
        org.eclipse.swt.custom.BusyIndicator.showWhile(d, () -> view.commands.addMedia(paths, track, at));
        view.canvas.redraw();
    }

    /** The frame-aligned time under x, snapped to the playhead or a clip edge within the snap distance. */
    private long dropTime(int x) {
        long t = Math.max(0, view.scale.quantize(view.ticksAt(x)));
        if (!view.snapping || view.studio.project() == null) {
            return t;
        }
        long threshold = view.scale.ticksOf(TimelineView.SNAP_PX);
        long best = t;
        long bestD = threshold + 1;
        long ph = view.rate.frameToTicks(view.studio.playhead());
        if (Math.abs(ph - t) < bestD) {
            best = ph;
            bestD = Math.abs(ph - t);
        }
        for (var tr : view.timeline().tracks()) {
            for (var c : tr.clips()) {
                for (long edge : new long[] {c.start(), c.end()}) {
                    if (Math.abs(edge - t) < bestD) {
                        best = edge;
                        bestD = Math.abs(edge - t);
                    }
                }
            }
        }
        return best;
    }
}
