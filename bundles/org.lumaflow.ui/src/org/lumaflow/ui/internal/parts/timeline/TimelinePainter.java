package org.lumaflow.ui.internal.parts.timeline;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.PaintEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;

/** Paints the {@link TimelineView}: rows, clips, transitions, the drag preview, the ruler, headers and playhead. */
final class TimelinePainter {

    private static final int ARC = 8;

    private final TimelineView view;
    private final Skin skin;
    private NodeRegistry.Snapshot snapshot;
    private final int[] triangle = new int[6];

    TimelinePainter(TimelineView view) {
        this.view = view;
        this.skin = view.skin;
    }

    void paint(PaintEvent e) {
        GC gc = e.gc;
        Rectangle ca = view.canvas.getClientArea();
        gc.setBackground(skin.background);
        gc.fillRectangle(e.x, e.y, e.width, e.height);
        if (view.studio.project() == null || view.rate == null) {
            return;
        }
        snapshot = view.registrySnapshot();
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        Timeline tl = view.timeline();
        List<Track> tracks = tl.tracks();
        int x0 = TimelineView.HEADER_W;
        int left = Math.max(x0, e.x);
        int right = e.x + e.width;

        // rows
        gc.setClipping(x0, TimelineView.RULER_H, ca.width - x0, ca.height - TimelineView.RULER_H);
        for (int i = 0; i < tracks.size(); i++) {
            int y = view.rowY(i);
            if (y + TimelineView.TRACK_H < TimelineView.RULER_H || y > ca.height) {
                continue;
            }
            Track t = tracks.get(i);
            boolean even = (tracks.size() - 1 - i) % 2 == 0;
            gc.setBackground(t.kind() == Track.Kind.AUDIO ? (even ? skin.audioEven : skin.audioOdd)
                    : even ? skin.trackEven : skin.trackOdd);
            gc.fillRectangle(x0, y, ca.width - x0, TimelineView.TRACK_H);
            gc.setForeground(skin.grid);
            gc.drawLine(x0, y + TimelineView.TRACK_H - 1, ca.width, y + TimelineView.TRACK_H - 1);
            gc.setAlpha(t.enabled() ? 255 : 110);
            for (Clip c : t.clips()) {
                if (view.input.hides(c)) {
                    continue;
                }
                paintClip(gc, c, c.start(), c.duration(), y, left, right, view.studio.isSelected(c), false);
            }
            paintOverlaps(gc, t, y, left, right);
            gc.setAlpha(255);
        }
        view.keyframes.paint(gc, left, right);
        view.input.paintPreview(gc, this);
        paintDropMarker(gc, ca);
        gc.setClipping((Rectangle) null);

        paintRuler(gc, ca, left, right);
        view.markers.paint(gc, ca);
        view.headers.paint(gc, ca, tracks);
        paintPlayhead(gc, ca);
        paintSnapLine(gc, ca);
        if (tracks.isEmpty()) {
            gc.setForeground(skin.textDim);
            gc.setFont(skin.normal);
            gc.drawString("Drop media here to start a track", x0 + 16, TimelineView.RULER_H + 16, true);
        }
    }

    /** One clip box at the given (maybe preview) position on the row at y. */
    void paintClip(GC gc, Clip c, long start, long duration, int rowY, int left, int right, boolean selected,
            boolean invalid) {
        double fx0 = view.canvasX(start);
        double fx1 = view.canvasX(start + duration);
        if (fx1 < left - 4 || fx0 > right + 4) {
            return;
        }
        int x = (int) Math.max(TimelineView.HEADER_W - 20, Math.round(fx0));
        int x1 = (int) Math.min(right + 40, Math.round(fx1));
        int w = Math.max(3, x1 - x - 1);
        int y = rowY + 4;
        int h = TimelineView.TRACK_H - 9;
        NodeType nt = snapshot == null ? null : snapshot.type(c.source().type());
        String category = nt == null ? null : nt.descriptor().category();
        Color body = invalid ? skin.warning : skin.clipColor(c.source().type(), category);
        gc.setBackground(selected ? skin.brighter(body) : body);
        gc.fillRoundRectangle(x, y, w, h, ARC, ARC);
        gc.setBackground(skin.darker(body));
        // header strip
        Rectangle old = gc.getClipping();
        gc.setClipping(old.intersection(new Rectangle(x, y, w, h)));
        gc.fillRectangle(x, y + 17, w, 1);
        view.audioLayer.paint(gc, c, start, x, y, w, h, body, left, right);
        gc.setForeground(skin.textDark);
        int tx = Math.max(x, TimelineView.HEADER_W) + 6;
        gc.setFont(skin.bold);
        gc.setForeground(skin.text);
        gc.drawString(c.id(), tx, y + 2, true);
        gc.setFont(skin.small);
        gc.setForeground(selected ? skin.text : skin.brighter(skin.brighter(body)));
        String label = nt == null ? c.source().type() + "  (missing plugin)" : nt.descriptor().displayName();
        if (!c.effects().isEmpty()) {
            label += "   fx " + c.effects().size();
        }
        gc.drawString(label, tx, y + 20, true);
        // source in-point marker: a small notch when the clip does not start at the source's start
        if (c.in() > 0) {
            gc.setBackground(skin.darker(body));
            gc.fillRectangle(x + 1, y + h - 5, 4, 4);
        }
        gc.setClipping(old);
        gc.setForeground(selected ? skin.selection : skin.darker(body));
        gc.setLineWidth(selected ? 2 : 1);
        gc.drawRoundRectangle(x, y, w, h, ARC, ARC);
        gc.setLineWidth(1);
    }

    /** Transitions as crossed boxes over the overlap; overlaps without a transition hatched in red. */
    private void paintOverlaps(GC gc, Track t, int rowY, int left, int right) {
        for (Transition tr : t.transitions()) {
            Clip a = view.input.previewOf(t, TimelineView.find(t, tr.from()));
            Clip b = view.input.previewOf(t, TimelineView.find(t, tr.to()));
            if (a == null || b == null) {
                continue;
            }
            long s = view.input.startOf(b);
            long en = view.input.endOf(a);
            if (en <= s) {
                continue;
            }
            int x = (int) Math.round(view.canvasX(s));
            int x1 = (int) Math.round(view.canvasX(en));
            if (x1 < left || x > right) {
                continue;
            }
            int y = rowY + TimelineView.TRACK_H / 2 + 2;
            int h = TimelineView.TRACK_H / 2 - 7;
            int w = Math.max(4, x1 - x);
            gc.setAlpha(215);
            gc.setBackground(skin.transition);
            gc.fillRoundRectangle(x, y, w, h, 6, 6);
            gc.setAlpha(255);
            gc.setForeground(skin.textDark);
            gc.drawLine(x + 2, y + 2, x + w - 2, y + h - 2);
            gc.drawLine(x + 2, y + h - 2, x + w - 2, y + 2);
            gc.drawRoundRectangle(x, y, w, h, 6, 6);
            if (w > 50) {
                gc.setFont(skin.small);
                NodeType nt = snapshot == null ? null : snapshot.type(tr.node().type());
                String name = nt == null ? tr.node().type() : nt.descriptor().displayName();
                Point ext = gc.textExtent(name);
                if (ext.x < w - 6) {
                    gc.setBackground(skin.transition);
                    gc.fillRectangle(x + (w - ext.x) / 2 - 2, y + (h - ext.y) / 2, ext.x + 4, ext.y);
                    gc.drawString(name, x + (w - ext.x) / 2, y + (h - ext.y) / 2, true);
                }
            }
        }
        // overlaps that lack a transition
        List<Clip> clips = t.clips();
        for (int i = 0; i < clips.size(); i++) {
            Clip a = clips.get(i);
            if (view.input.hides(a)) {
                continue;
            }
            for (int j = 0; j < clips.size(); j++) {
                Clip b = clips.get(j);
                if (i == j || view.input.hides(b) || b.start() < a.start() || (b.start() == a.start() && j < i)) {
                    continue;
                }
                if (b.start() < a.end() && t.transition(a.id(), b.id()) == null) {
                    int x = (int) Math.round(view.canvasX(b.start()));
                    int x1 = (int) Math.round(view.canvasX(Math.min(a.end(), b.end())));
                    if (x1 < left || x > right) {
                        continue;
                    }
                    hatch(gc, x, rowY + TimelineView.TRACK_H - 14, Math.max(3, x1 - x), 8);
                }
            }
        }
    }

    private void hatch(GC gc, int x, int y, int w, int h) {
        gc.setBackground(skin.warning);
        gc.fillRectangle(x, y, w, h);
        gc.setForeground(skin.textDark);
        Rectangle old = gc.getClipping();
        gc.setClipping(old.intersection(new Rectangle(x, y, w, h)));
        for (int i = -h; i < w; i += 6) {
            gc.drawLine(x + i, y + h, x + i + h, y);
        }
        gc.setClipping(old);
    }

    private void paintDropMarker(GC gc, Rectangle ca) {
        int dx = view.input.dropX;
        if (dx < 0) {
            return;
        }
        gc.setForeground(skin.snap);
        gc.setLineWidth(2);
        gc.drawLine(dx, TimelineView.RULER_H, dx, ca.height);
        gc.setLineWidth(1);
    }

    private void paintRuler(GC gc, Rectangle ca, int left, int right) {
        int h = TimelineView.RULER_H;
        gc.setBackground(skin.panel);
        gc.fillRectangle(TimelineView.HEADER_W, 0, ca.width - TimelineView.HEADER_W, h);
        gc.setForeground(skin.grid);
        gc.drawLine(TimelineView.HEADER_W, h - 1, ca.width, h - 1);
        gc.setClipping(TimelineView.HEADER_W, 0, ca.width - TimelineView.HEADER_W, h);
        int fps = view.rate.nominalFps();
        long step = view.scale.labelStep(fps, 96);
        int minor = TimeScale.minorDivisions(step, fps);
        long first = view.scale.frame(Math.max(0, left - TimelineView.HEADER_W - 100));
        first = first / step * step;
        gc.setFont(skin.small);
        double pxPerFrame = view.scale.pxPerFrame();
        for (long f = first;; f += step) {
            double x = view.canvasX(view.scale.frameStart(f));
            if (x > right + 2) {
                break;
            }
            int ix = (int) Math.round(x);
            gc.setForeground(skin.textDim);
            gc.drawLine(ix, h - 12, ix, h - 1);
            gc.drawString(view.timecode(f), ix + 3, 2, true);
            for (int m = 1; m < minor; m++) {
                int mx = (int) Math.round(x + step * m * pxPerFrame / minor);
                gc.setForeground(skin.grid);
                gc.drawLine(mx, h - 5, mx, h - 1);
            }
        }
        gc.setClipping((Rectangle) null);
        // the project's end
        int endX = (int) Math.round(view.canvasX(view.timeline().duration()));
        if (endX > TimelineView.HEADER_W && endX < ca.width) {
            gc.setForeground(skin.textDim);
            gc.setLineStyle(SWT.LINE_DOT);
            gc.drawLine(endX, h, endX, ca.height);
            gc.setLineStyle(SWT.LINE_SOLID);
        }
    }

    private void paintPlayhead(GC gc, Rectangle ca) {
        long t = view.rate.frameToTicks(view.studio.playhead());
        int x = (int) Math.round(view.canvasX(t));
        if (x < TimelineView.HEADER_W || x > ca.width) {
            return;
        }
        int w = (int) Math.max(1, Math.round(view.scale.pxPerFrame()));
        if (w > 2) {
            // the whole frame's extent, faintly
            gc.setAlpha(40);
            gc.setBackground(skin.playhead);
            gc.fillRectangle(x, TimelineView.RULER_H, w, ca.height - TimelineView.RULER_H);
            gc.setAlpha(255);
        }
        gc.setForeground(skin.playhead);
        gc.drawLine(x, 10, x, ca.height);
        gc.setBackground(skin.playhead);
        triangle[0] = x - 6;
        triangle[1] = TimelineView.RULER_H - 12;
        triangle[2] = x + 6;
        triangle[3] = TimelineView.RULER_H - 12;
        triangle[4] = x;
        triangle[5] = TimelineView.RULER_H - 2;
        gc.fillPolygon(triangle);
    }

    private void paintSnapLine(GC gc, Rectangle ca) {
        long hit = view.input.snapHit;
        if (hit == Long.MIN_VALUE) {
            return;
        }
        int x = (int) Math.round(view.canvasX(hit));
        if (x >= TimelineView.HEADER_W) {
            gc.setForeground(skin.snap);
            gc.drawLine(x, 0, x, ca.height);
        }
    }
}
