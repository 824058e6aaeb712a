package org.lumaflow.ui.internal.parts.timeline;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.ui.internal.Dialogs;
import org.lumaflow.ui.internal.model.Edit;
import org.lumaflow.ui.internal.model.TrackEdits;

/**
 * The track headers at the timeline's left: kind badge (V blue, A green) and name, then the toggles (video tracks:
 * On = picture enabled; every track: M mute, S solo, L lock) and the volume in dB. Click a toggle to flip it;
 * double-click the name to rename in place; drag a header up or down to reorder; the mouse wheel over the volume
 * changes it by 1 dB (double-click: back to 0 dB); right-click for add, rename, move, remove. Every change is one
 * undoable edit ({@link TrackEdits}).
 */
final class TrackHeaders {

    /** A part of a header row. */
    enum Spot {
        NONE, NAME, ENABLE, MUTE, SOLO, LOCK, VOLUME
    }

    private static final int TOGGLE_Y = 30;
    private static final int TOGGLE_W = 22;
    private static final int TOGGLE_H = 18;

    private final TimelineView view;
    private final Skin skin;
    private Text editor;
    /** The track being dragged to another place, or null; its target row while dragging. */
    private Track dragged;
    private int dragDownY;
    private int dropIndex = -1;

    TrackHeaders(TimelineView view) {
        this.view = view;
        this.skin = view.skin;
        view.canvas.addListener(SWT.MouseDoubleClick, this::doubleClick);
    }

    // ---- geometry -------------------------------------------------------------------------------------------------

    /** The box of {@code spot} in the header row at {@code rowY} (null for NONE/NAME-less spots). */
    static Rectangle box(Spot spot, int rowY) {
        int y = rowY + TOGGLE_Y;
        return switch (spot) {
            case ENABLE -> new Rectangle(6, y, TOGGLE_W + 6, TOGGLE_H);
            case MUTE -> new Rectangle(38, y, TOGGLE_W, TOGGLE_H);
            case SOLO -> new Rectangle(64, y, TOGGLE_W, TOGGLE_H);
            case LOCK -> new Rectangle(90, y, TOGGLE_W, TOGGLE_H);
            case VOLUME -> new Rectangle(116, y, TimelineView.HEADER_W - 120, TOGGLE_H);
            case NAME -> new Rectangle(26, rowY + 4, TimelineView.HEADER_W - 30, 20);
            default -> null;
        };
    }

    /** What lies under (x, y) of the header row of track {@code t} at {@code rowY}. */
    static Spot spotAt(Track t, int rowY, int x, int y) {
        for (Spot s : new Spot[] {Spot.ENABLE, Spot.MUTE, Spot.SOLO, Spot.LOCK, Spot.VOLUME, Spot.NAME}) {
            if (s == Spot.ENABLE && t.kind() == Track.Kind.AUDIO) {
                continue;
            }
            if (box(s, rowY).contains(x, y)) {
                return s;
            }
        }
        return Spot.NONE;
    }

    // ---- painting -------------------------------------------------------------------------------------------------

    void paint(GC gc, Rectangle ca, List<Track> tracks) {
        int w = TimelineView.HEADER_W;
        gc.setBackground(skin.panel);
        gc.fillRectangle(0, 0, w, ca.height);
        gc.setForeground(skin.accent);
        gc.setFont(skin.bold);
        gc.drawString(view.timecode(view.studio.playhead()), 8, 7, true);
        gc.setClipping(0, TimelineView.RULER_H, w, ca.height - TimelineView.RULER_H);
        for (int i = 0; i < tracks.size(); i++) {
            int y = view.rowY(i);
            if (y + TimelineView.TRACK_H < TimelineView.RULER_H || y > ca.height) {
                continue;
            }
            paintRow(gc, tracks.get(i), y, w, ca);
        }
        if (dragged != null && dropIndex >= 0) {
            int n = tracks.size();
            int from = tracks.indexOf(dragged);
            int y = dropIndex > from ? view.rowY(dropIndex) : view.rowY(dropIndex) + TimelineView.TRACK_H;
            gc.setForeground(skin.snap);
            gc.setLineWidth(2);
            gc.drawLine(0, n == 0 ? 0 : y, ca.width, y);
            gc.setLineWidth(1);
        }
        gc.setClipping((Rectangle) null);
        gc.setForeground(skin.grid);
        gc.drawLine(w - 1, 0, w - 1, ca.height);
    }

    private void paintRow(GC gc, Track t, int y, int w, Rectangle ca) {
        boolean audio = t.kind() == Track.Kind.AUDIO;
        gc.setBackground(t == dragged ? skin.grid : audio ? skin.headerAudio : skin.panelLight);
        gc.fillRectangle(0, y + 1, w - 1, TimelineView.TRACK_H - 2);
        // kind badge
        Color badge = audio ? skin.audioBadge : skin.videoBadge;
        gc.setBackground(badge);
        gc.fillRoundRectangle(6, y + 7, 16, 16, 4, 4);
        gc.setFont(skin.bold);
        gc.setForeground(skin.textDark);
        String k = audio ? "A" : "V";
        Point ke = gc.textExtent(k);
        gc.drawString(k, 6 + (16 - ke.x) / 2, y + 7 + (16 - ke.y) / 2, true);
        // name
        gc.setForeground(t.enabled() || audio ? skin.text : skin.textDim);
        gc.setClipping(new Rectangle(0, Math.max(TimelineView.RULER_H, y), w - 4,
                Math.min(TimelineView.TRACK_H, ca.height)));
        gc.drawString(t.name(), 28, y + 6, true);
        // toggles
        gc.setFont(skin.small);
        if (!audio) {
            toggle(gc, box(Spot.ENABLE, y), "On", t.enabled(), skin.accent);
        }
        toggle(gc, box(Spot.MUTE, y), "M", t.muted(), skin.warning);
        toggle(gc, box(Spot.SOLO, y), "S", t.solo(), skin.solo);
        toggle(gc, box(Spot.LOCK, y), "L", t.locked(), skin.snap);
        Rectangle v = box(Spot.VOLUME, y);
        String db = String.format(Locale.ROOT, "%+.1f dB", t.volumeDb());
        gc.setForeground(t.volumeDb() == 0 ? skin.textDim : skin.text);
        Point e = gc.textExtent(db);
        gc.drawString(db, v.x + v.width - e.x - 2, v.y + (v.height - e.y) / 2, true);
        if (t.locked()) {
            // a locked track's row is striped so the lock shows over the clips too
            gc.setForeground(skin.snap);
            gc.drawLine(0, y + 1, 0, y + TimelineView.TRACK_H - 2);
            gc.drawLine(1, y + 1, 1, y + TimelineView.TRACK_H - 2);
        }
        gc.setClipping(0, TimelineView.RULER_H, w, ca.height - TimelineView.RULER_H);
    }

    /** A toggle: on = filled with {@code on} and dark text; off = outlined with light text (readable either way). */
    private void toggle(GC gc, Rectangle r, String label, boolean state, Color on) {
        gc.setBackground(state ? on : skin.panel);
        gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 5, 5);
        gc.setForeground(state ? on : skin.textDim);
        gc.drawRoundRectangle(r.x, r.y, r.width, r.height, 5, 5);
        gc.setForeground(state ? skin.textDark : skin.text);
        Point e = gc.textExtent(label);
        gc.drawString(label, r.x + (r.width - e.x + 1) / 2, r.y + (r.height - e.y) / 2, true);
    }

    // ---- mouse ----------------------------------------------------------------------------------------------------

    /** A press in the header column (x < HEADER_W): toggles at once, or starts a reorder drag. */
    void down(Event e) {
        if (!view.inRows(e.y)) {
            return;
        }
        int index = view.trackIndexAt(e.y);
        Track t = view.timeline().tracks().get(index);
        Spot s = spotAt(t, view.rowY(index), e.x, e.y);
        Edit edit = switch (s) {
            case ENABLE -> TrackEdits.setEnabled(t, !t.enabled());
            case MUTE -> TrackEdits.setMuted(t, !t.muted());
            case SOLO -> TrackEdits.setSolo(t, !t.solo());
            case LOCK -> TrackEdits.setLocked(t, !t.locked());
            default -> null;
        };
        if (edit != null) {
            view.studio.execute(edit);
            return;
        }
        if (s != Spot.VOLUME && e.count == 1) {
            dragged = t;
            dragDownY = e.y;
            dropIndex = -1;
        }
    }

    /** Mouse moved with the button down: the reorder target follows. Returns whether a drag is in progress. */
    boolean drag(Event e) {
        if (dragged == null) {
            return false;
        }
        if (Math.abs(e.y - dragDownY) > 4 || dropIndex >= 0) {
            int to = view.trackIndexAt(e.y);
            if (to != dropIndex) {
                dropIndex = to;
                view.status.accept("Move track '" + dragged.name() + "' to position " + (to + 1) + " from the bottom");
                view.canvas.redraw();
            }
        }
        return true;
    }

    /** Button released: a reorder drag ends with one edit. Returns whether a drag was in progress. */
    boolean up() {
        if (dragged == null) {
            return false;
        }
        Track t = dragged;
        int to = dropIndex;
        dragged = null;
        dropIndex = -1;
        view.status.accept("");
        if (to >= 0 && to != view.timeline().tracks().indexOf(t)) {
            view.studio.execute(TrackEdits.move(view.timeline(), t, to));
        }
        view.canvas.redraw();
        return true;
    }

    /** Wheel over a volume: +-1 dB per notch. Returns whether it was used. */
    boolean wheel(Event e) {
        if (e.x >= TimelineView.HEADER_W || !view.inRows(e.y)) {
            return false;
        }
        int index = view.trackIndexAt(e.y);
        Track t = view.timeline().tracks().get(index);
        if (spotAt(t, view.rowY(index), e.x, e.y) != Spot.VOLUME) {
            return false;
        }
        double db = Math.min(24, Math.max(-60, Math.round(t.volumeDb()) + (e.count > 0 ? 1 : -1)));
        view.studio.execute(TrackEdits.setVolume(t, db));
        return true;
    }

    private void doubleClick(Event e) {
        if (e.x >= TimelineView.HEADER_W || !view.inRows(e.y) || e.button != 1) {
            return;
        }
        dragged = null;
        int index = view.trackIndexAt(e.y);
        Track t = view.timeline().tracks().get(index);
        Spot s = spotAt(t, view.rowY(index), e.x, e.y);
        if (s == Spot.NAME) {
            startRename(t);
        } else if (s == Spot.VOLUME) {
            view.studio.execute(TrackEdits.setVolume(t, 0));
        }
    }

    /** Hover text for the header spot under (x, y), or null. */
    String tip(int x, int y) {
        if (!view.inRows(y)) {
            return null;
        }
        int index = view.trackIndexAt(y);
        Track t = view.timeline().tracks().get(index);
        String n = "'" + t.name() + "'";
        return switch (spotAt(t, view.rowY(index), x, y)) {
            case ENABLE -> (t.enabled() ? "Hide" : "Show") + " the picture of track " + n;
            case MUTE -> (t.muted() ? "Unmute" : "Mute") + " the sound of track " + n;
            case SOLO -> (t.solo() ? "Unsolo" : "Solo: hear only soloed tracks, with") + " track " + n;
            case LOCK -> (t.locked() ? "Unlock" : "Lock: refuse every edit of") + " track " + n;
            case VOLUME -> "Volume of " + n + ": wheel +-1 dB, double-click for 0 dB";
            case NAME -> t.kind().label() + " track " + n + ": double-click to rename, drag to reorder";
            default -> t.kind().label() + " track " + n + ": drag to reorder, right-click for more";
        };
    }

    // ---- rename in place ------------------------------------------------------------------------------------------

    /** Opens the in-place name editor over the header of {@code t} (Enter or leaving it renames, Esc cancels). */
    void startRename(Track t) {
        finishRename(false);
        int index = view.timeline().tracks().indexOf(t);
        if (index < 0) {
            return;
        }
        Rectangle r = box(Spot.NAME, view.rowY(index));
        editor = new Text(view.canvas, SWT.SINGLE | SWT.BORDER);
        editor.setData("id", "timeline.trackName");
        editor.setBounds(r.x, r.y, r.width, r.height + 4);
        editor.setText(t.name());
        editor.selectAll();
        editor.setFocus();
        Text ed = editor;
        editor.addListener(SWT.DefaultSelection, e -> finishRename(true));
        editor.addListener(SWT.FocusOut, e -> {
            if (editor == ed) {
                finishRename(true);
            }
        });
        editor.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ESC) {
                finishRename(false);
            }
        });
        editor.setData("track", t);
    }

    /** Closes the name editor, renaming when {@code commit} and the name changed. */
    void finishRename(boolean commit) {
        Text ed = editor;
        if (ed == null || ed.isDisposed()) {
            editor = null;
            return;
        }
        editor = null;
        Track t = (Track) ed.getData("track");
        String name = ed.getText().strip();
        ed.dispose();
        if (commit && !name.equals(t.name()) && view.timeline().tracks().contains(t)) {
            try {
                view.studio.execute(TrackEdits.rename(view.timeline(), t, name));
            } catch (IllegalArgumentException ex) {
                view.studio.notice("Not renamed: " + ex.getMessage());
            }
        }
        view.canvas.setFocus();
    }

    // ---- context menu ---------------------------------------------------------------------------------------------

    /** Fills the context menu of the header at canvas point p. */
    void fillMenu(Menu menu, Point p) {
        var tl = view.timeline();
        Track t = view.inRows(p.y) ? tl.tracks().get(view.trackIndexAt(p.y)) : null;
        int above = t == null ? tl.tracks().size() : tl.tracks().indexOf(t) + 1;
        item(menu, "Add video track", () -> addTrack(Track.Kind.VIDEO, above));
        item(menu, "Add audio track", () -> addTrack(Track.Kind.AUDIO, t == null ? 0 : above));
        if (t == null) {
            return;
        }
        new MenuItem(menu, SWT.SEPARATOR);
        item(menu, "Rename track '" + t.name() + "'", () -> startRename(t));
        int i = tl.tracks().indexOf(t);
        item(menu, "Move up", () -> view.studio.execute(TrackEdits.move(tl, t, i + 1)))
                .setEnabled(i < tl.tracks().size() - 1);
        item(menu, "Move down", () -> view.studio.execute(TrackEdits.move(tl, t, i - 1))).setEnabled(i > 0);
        new MenuItem(menu, SWT.SEPARATOR);
        item(menu, "Remove track '" + t.name() + "'", () -> removeTrack(t));
    }

    private static MenuItem item(Menu menu, String text, Runnable r) {
        MenuItem mi = new MenuItem(menu, SWT.PUSH);
        mi.setText(text);
        mi.addListener(SWT.Selection, e -> r.run());
        return mi;
    }

    /** Adds a track of {@code kind} named V<n>/A<n> at {@code index}. */
    Track addTrack(Track.Kind kind, int index) {
        Track t = new Track(TrackEdits.freeName(view.timeline(), kind), kind);
        view.studio.execute(TrackEdits.add(view.timeline(), t, index));
        return t;
    }

    /** Removes {@code t}, asking first when it has clips; a locked track is refused. */
    boolean removeTrack(Track t) {
        if (t.locked()) {
            view.studio.notice("Track '" + t.name() + "' is locked: unlock it to remove it");
            return false;
        }
        if (!t.clips().isEmpty() && !Dialogs.confirm(view.canvas.getShell(), "Remove track", "Track '" + t.name()
                + "' has " + t.clips().size() + " clip(s). Remove it with its clips?", true)) {
            return false;
        }
        view.studio.execute(TrackEdits.remove(view.timeline(), t));
        return true;
    }
}
