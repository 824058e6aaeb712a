package org.lumaflow.ui.internal.model;

import java.util.List;
import java.util.Map;

import org.lumaflow.engine.timeline.Marker;
import org.lumaflow.engine.timeline.MarkerColor;

/** Undoable edits of the timeline's markers (add, change, move, remove). */
public final class MarkerEdits {

    private MarkerEdits() {
    }

    /** Adds a point marker at {@code ticks} named "Marker N". */
    public static Edit add(List<Marker> markers, long ticks) {
        Marker m = new Marker("Marker " + (markers.size() + 1), ticks, 0, MarkerColor.GREEN, "", Map.of());
        return new Edits.Simple("Add marker '" + m.name() + "'", Change.TIMELINE, () -> markers.add(m),
                () -> markers.remove(m));
    }

    /** Replaces {@code old} with {@code now} in place (rename, colour, note, move). */
    public static Edit replace(List<Marker> markers, Marker old, Marker now) {
        return new Edits.Simple("Change marker '" + old.name() + "'", Change.TIMELINE, () -> swap(markers, old, now),
                () -> swap(markers, now, old));
    }

    /** Removes {@code m}. */
    public static Edit remove(List<Marker> markers, Marker m) {
        int index = markers.indexOf(m);
        return new Edits.Simple("Remove marker '" + m.name() + "'", Change.TIMELINE, () -> markers.remove(m),
                () -> markers.add(Math.min(index, markers.size()), m));
    }

    private static void swap(List<Marker> markers, Marker a, Marker b) {
        int i = markers.indexOf(a);
        if (i >= 0) {
            markers.set(i, b);
        }
    }
}
