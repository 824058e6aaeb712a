package org.lumaflow.ui.internal.parts.timeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.ScrollBar;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Timecode;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;
import org.lumaflow.ui.internal.model.Studio;

/**
 * The timeline widget: a double-buffered canvas with track headers on the left, a timecode ruler on top and one row
 * per track (the highest layer on top, like every editor). Painting is in {@link TimelinePainter}, mouse work in
 * {@link TimelineInput}, media drops in {@link TimelineDrop}, the edits in {@link TimelineCommands}.
 */
public final class TimelineView {

    public static final int HEADER_W = 176;
    public static final int RULER_H = 30;
    public static final int TRACK_H = 56;
    /** Grab zone of a clip edge for trimming, pixels. */
    public static final int EDGE_PX = 7;
    /** Snap distance, pixels. */
    public static final int SNAP_PX = 8;

    final Studio studio;
    final Skin skin;
    final Canvas canvas;
    final TimelineCommands commands;
    final TimelineInput input;
    /** Waveforms, gain line and fade handles on clip bodies. */
    final ClipAudioLayer audioLayer;
    final TrackHeaders headers;
    final RulerMarkers markers = new RulerMarkers(this);
    final KeyframeMarks keyframes;
    private final TimelinePainter painter;
    TimeScale scale = new TimeScale(FrameRate.FPS_30);
    FrameRate rate;
    boolean dropFrame;
    int vscroll;
    boolean snapping = true;
    /** Status line sink (the part's label): hints, refused edits. */
    Consumer<String> status = s -> {
    };
    private final Map<Long, String> timecodes = new HashMap<>();
    private Runnable snappingListener = () -> {
    };

    public TimelineView(Composite parent, Studio studio, Skin skin) {
        this.studio = studio;
        this.skin = skin;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND | SWT.H_SCROLL | SWT.V_SCROLL);
        canvas.setData("org.lumaflow.ui.timeline", this);
        canvas.setScrollbarsMode(SWT.NONE); // classic bars: GTK's overlay bars hide the tracks below (defect 5)
        commands = new TimelineCommands(this);
        audioLayer = new ClipAudioLayer(this);
        painter = new TimelinePainter(this);
        headers = new TrackHeaders(this);
        keyframes = new KeyframeMarks(this);
        input = new TimelineInput(this);
        canvas.addPaintListener(painter::paint);
        canvas.addListener(SWT.Resize, e -> updateScrollBars());
        canvas.getHorizontalBar().addListener(SWT.Selection, e -> {
            scale.setScroll(canvas.getHorizontalBar().getSelection());
            canvas.redraw();
        });
        canvas.getVerticalBar().addListener(SWT.Selection, e -> {
            vscroll = canvas.getVerticalBar().getSelection();
            canvas.redraw();
        });
        new TimelineDrop(this);
        new TimelineMenu(this);
        projectChanged();
    }

    public Canvas control() {
        return canvas;
    }

    public void setStatusSink(Consumer<String> sink) {
        status = sink;
    }

    public boolean snapping() {
        return snapping;
    }

    public void setSnapping(boolean on) {
        snapping = on;
        snappingListener.run();
    }

    /** Called when snapping is switched (from the context menu), so a toolbar toggle can follow. */
    public void onSnappingChanged(Runnable r) {
        snappingListener = r;
    }

    public TimelineCommands commands() {
        return commands;
    }

    // ---- model changes ------------------------------------------------------------------------------------------

    /** A new project (or first show): rate, zoom to fit. */
    public void projectChanged() {
        input.cancel();
        if (studio.project() == null) {
            canvas.redraw();
            return;
        }
        FrameRate r = studio.timeline().format().rate();
        if (!r.equals(rate)) {
            rate = r;
            dropFrame = Timecode.defaultDropFrame(r);
            double zoom = scale.pxPerFrame();
            scale = new TimeScale(r);
            scale.setPxPerFrame(zoom);
            timecodes.clear();
        }
        vscroll = 0;
        canvas.getDisplay().asyncExec(() -> {
            if (!canvas.isDisposed()) {
                zoomFit();
            }
        });
        zoomFit();
    }

    /** Tracks or clips changed. */
    public void timelineChanged() {
        input.modelChanged();
        updateScrollBars();
        canvas.redraw();
    }

    /** The playhead moved: repaint the old and new playhead columns, follow it while playing. */
    public void playheadChanged(long oldFrame) {
        Rectangle ca = canvas.getClientArea();
        long frame = studio.playhead();
        double x = scale.x(rate.frameToTicks(frame));
        int width = ca.width - HEADER_W;
        if (studio.transport().playing() && (x > width - 20 || x < 0)) {
            scale.setScroll(scale.scroll() + x - 40);
            updateScrollBars();
            canvas.redraw();
            return;
        }
        redrawColumn(scale.x(rate.frameToTicks(oldFrame)));
        redrawColumn(x);
        canvas.redraw(0, 0, HEADER_W, RULER_H, false);
    }

    private void redrawColumn(double x) {
        Rectangle ca = canvas.getClientArea();
        int px = HEADER_W + (int) Math.round(x);
        if (px >= HEADER_W - 8 && px <= ca.width + 8) {
            canvas.redraw(px - 8, 0, 17, ca.height, false);
        }
    }

    // ---- zoom and scrolling -------------------------------------------------------------------------------------

    public void zoomFit() {
        if (studio.project() == null) {
            return;
        }
        int width = Math.max(50, canvas.getClientArea().width - HEADER_W - 24);
        scale.fit(Math.max(studio.timeline().frameCount(), rate.nominalFps()), width);
        timecodes.clear();
        updateScrollBars();
        canvas.redraw();
    }

    /** Zooms by {@code factor} around the playhead (when visible) or the view's centre. */
    public void zoom(double factor) {
        int width = canvas.getClientArea().width - HEADER_W;
        double px = scale.x(rate.frameToTicks(studio.playhead()));
        zoomAround(factor, px >= 0 && px <= width ? px : width / 2.0);
    }

    void zoomAround(double factor, double anchorX) {
        scale.zoomAround(factor, anchorX);
        timecodes.clear();
        updateScrollBars();
        canvas.redraw();
    }

    void updateScrollBars() {
        if (canvas.isDisposed() || studio.project() == null) {
            return;
        }
        Rectangle ca = canvas.getClientArea();
        int width = Math.max(1, ca.width - HEADER_W);
        ScrollBar h = canvas.getHorizontalBar();
        long frames = studio.timeline().frameCount();
        int content = (int) Math.min(Integer.MAX_VALUE / 2,
                Math.ceil(frames * scale.pxPerFrame()) + width * 0.75 + scale.scroll() % 1);
        content = Math.max(content, (int) Math.ceil(scale.scroll()) + width);
        h.setValues((int) Math.round(scale.scroll()), 0, content, width, Math.max(1, width / 20),
                Math.max(1, width * 9 / 10));
        ScrollBar v = canvas.getVerticalBar();
        int height = Math.max(1, ca.height - RULER_H);
        int contentH = studio.timeline().tracks().size() * TRACK_H + 8;
        vscroll = Math.max(0, Math.min(vscroll, Math.max(0, contentH - height)));
        v.setValues(vscroll, 0, Math.max(contentH, height), height, TRACK_H / 4, height);
        v.setVisible(contentH > height);
    }

    /** Scrolls horizontally by {@code px}. */
    void scrollBy(double px) {
        scale.setScroll(scale.scroll() + px);
        updateScrollBars();
        canvas.redraw();
    }

    // ---- tracks (headers) ------------------------------------------------------------------------------------------

    /** Adds a track of {@code kind} (named V<n> or A<n>) above the others (one undo step); returns it. */
    public Track addTrack(Track.Kind kind) {
        return headers.addTrack(kind, kind == Track.Kind.AUDIO ? 0 : timeline().tracks().size());
    }

    /** Removes {@code t}, asking first when it has clips; returns whether it went. */
    public boolean removeTrack(Track t) {
        return headers.removeTrack(t);
    }

    /** Opens the in-place name editor of {@code t} (the Text has data id {@code timeline.trackName}). */
    public void renameTrack(Track t) {
        headers.startRename(t);
    }

    /**
     * The canvas point at the centre of {@code spot} ("name", "enable", "mute", "solo", "lock", "volume") of the
     * header of track index {@code index} (for automation: press there as a user would).
     */
    public org.eclipse.swt.graphics.Point headerPoint(int index, String spot) {
        Rectangle r = TrackHeaders.box(TrackHeaders.Spot.valueOf(spot.toUpperCase(java.util.Locale.ROOT)),
                rowY(index));
        return new org.eclipse.swt.graphics.Point(r.x + r.width / 2, r.y + r.height / 2);
    }

    /** The canvas point in the middle of clip {@code id}'s body, or null when it is not on a track. */
    public org.eclipse.swt.graphics.Point clipPoint(String id) {
        var tracks = timeline().tracks();
        for (int i = 0; i < tracks.size(); i++) {
            Clip c = find(tracks.get(i), id);
            if (c != null) {
                return new org.eclipse.swt.graphics.Point((int) Math.round((canvasX(c.start()) + canvasX(c.end())) / 2),
                        rowY(i) + TRACK_H / 2 - 6);
            }
        }
        return null;
    }

    // ---- geometry -----------------------------------------------------------------------------------------------

    /** Top y of the row showing track index {@code index} (0 = bottom track). */
    int rowY(int index) {
        int n = studio.timeline().tracks().size();
        return RULER_H + (n - 1 - index) * TRACK_H - vscroll;
    }

    /** The track index at y, clamped to the existing tracks; -1 when there are none. */
    int trackIndexAt(int y) {
        int n = studio.timeline().tracks().size();
        if (n == 0) {
            return -1;
        }
        int row = Math.floorDiv(y - RULER_H + vscroll, TRACK_H);
        row = Math.max(0, Math.min(n - 1, row));
        return n - 1 - row;
    }

    /** Whether y is inside the rows (not the ruler, not below the last track). */
    boolean inRows(int y) {
        int n = studio.timeline().tracks().size();
        int row = Math.floorDiv(y - RULER_H + vscroll, TRACK_H);
        return y >= RULER_H && row >= 0 && row < n;
    }

    /** X on the canvas of timeline time {@code ticks}. */
    double canvasX(long ticks) {
        return HEADER_W + scale.x(ticks);
    }

    /** Timeline time at canvas x. */
    long ticksAt(int x) {
        return scale.ticks(x - HEADER_W);
    }

    /** The clip under (x, y) on the displayed model, or null. */
    Clip clipAt(int x, int y) {
        if (x < HEADER_W || !inRows(y)) {
            return null;
        }
        Track t = studio.timeline().tracks().get(trackIndexAt(y));
        long at = ticksAt(x);
        Clip hit = null;
        List<Clip> clips = t.clips();
        for (Clip c : clips) {
            double x0 = canvasX(c.start());
            double x1 = canvasX(c.end());
            if (x >= x0 && x < Math.max(x1, x0 + 3)) {
                // of two overlapping clips, the one whose body is nearer wins: the later one over its start
                if (hit == null || c.start() > hit.start() && at >= c.start()) {
                    hit = c;
                }
            }
        }
        return hit;
    }

    /** The transition whose overlap is under (x, y) (lower half of the row), or null. */
    Transition transitionAt(int x, int y) {
        if (x < HEADER_W || !inRows(y)) {
            return null;
        }
        int index = trackIndexAt(y);
        int top = rowY(index);
        if (y < top + TRACK_H / 2) {
            return null;
        }
        Track t = studio.timeline().tracks().get(index);
        for (Transition tr : t.transitions()) {
            Clip a = find(t, tr.from());
            Clip b = find(t, tr.to());
            if (a != null && b != null && x >= canvasX(b.start()) - 2 && x <= canvasX(a.end()) + 2) {
                return tr;
            }
        }
        return null;
    }

    static Clip find(Track t, String id) {
        for (Clip c : t.clips()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    // ---- text helpers -------------------------------------------------------------------------------------------

    /** Timecode of {@code frame} (cached while the zoom stays). */
    String timecode(long frame) {
        String s = timecodes.get(frame);
        if (s == null) {
            if (timecodes.size() > 512) {
                timecodes.clear();
            }
            s = Timecode.format(frame, rate, dropFrame);
            timecodes.put(frame, s);
        }
        return s;
    }

    /** The node descriptor of {@code type}, or null when no installed plugin provides it. */
    NodeDescriptor descriptor(String type) {
        NodeRegistry.Snapshot s = registrySnapshot();
        NodeType t = s == null ? null : s.type(type);
        return t == null ? null : t.descriptor();
    }

    NodeRegistry.Snapshot registrySnapshot() {
        try {
            return studio.engine().registry().snapshot();
        } catch (RuntimeException e) {
            return null;
        }
    }

    Timeline timeline() {
        return studio.timeline();
    }
}
