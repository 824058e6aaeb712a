package org.lumaflow.ui.internal.handlers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.ui.internal.model.PlaceTools;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.model.TrimTools;

/**
 * The editing tools on keys: copy/paste of the selected clip (Ctrl+C/Ctrl+V, pasted over what is at the playhead),
 * insert (,) and overwrite (.) of the selected bin file at the playhead, a one-second dissolve at the cut nearest the
 * playhead (Ctrl+T), and one-frame nudges of the selected clip: slip (Alt+Left/Right), slide (Alt+Shift+Left/Right),
 * roll of its out point (Ctrl+Alt+Left/Right).
 */
final class EditActions {

    /** Default transition length. */
    static final long TRANSITION = Ticks.ofSeconds(1);

    private static final List<Clip> CLIPBOARD = new ArrayList<>();

    private EditActions() {
    }

    static void copy(Studio studio) {
        List<Clip> sel = new ArrayList<>(studio.selectedClips());
        if (!sel.isEmpty()) {
            sel.sort(java.util.Comparator.comparingLong(Clip::start));
            CLIPBOARD.clear();
            CLIPBOARD.addAll(sel);
            studio.notice(sel.size() == 1 ? "copied clip '" + sel.get(0).name() + "'" : "copied " + sel.size() + " clips");
        }
    }

    /**
     * Deletes every selected clip as one undo step; ripple closes each one's gap, the latest first (so the earlier
     * ones' gaps are measured on what is left).
     */
    static void deleteSelected(Studio studio, boolean ripple) {
        List<Clip> sel = new ArrayList<>(studio.selectedClips());
        if (sel.isEmpty()) {
            return;
        }
        sel.sort(java.util.Comparator.comparingLong(Clip::start).reversed());
        if (sel.size() == 1) {
            Clip c = sel.get(0);
            studio.execute(ripple ? org.lumaflow.ui.internal.model.Edits.rippleDelete(studio.timeline(),
                    studio.trackOf(c), c) : org.lumaflow.ui.internal.model.Edits.delete(studio.trackOf(c), c));
        } else {
            List<java.util.function.Supplier<org.lumaflow.ui.internal.model.Edit>> steps = new ArrayList<>();
            for (Clip c : sel) {
                steps.add(() -> ripple
                        ? org.lumaflow.ui.internal.model.Edits.rippleDelete(studio.timeline(), studio.trackOf(c), c)
                        : org.lumaflow.ui.internal.model.Edits.delete(studio.trackOf(c), c));
            }
            studio.executeSequence((ripple ? "Ripple delete " : "Delete ") + sel.size() + " clips", steps);
        }
        studio.select(null, null);
    }

    static void paste(Studio studio) {
        if (CLIPBOARD.isEmpty()) {
            throw new IllegalStateException("nothing copied");
        }
        Track t = target(studio);
        studio.execute(PlaceTools.paste(t, CLIPBOARD, playheadTicks(studio), id -> freeId(studio, id)));
    }

    /** Insert (or overwrite) the bin's selected file at the playhead on the selected clip's track (else V1). */
    static void place(Studio studio, boolean insert) throws Exception {
        Path file = studio.binSelection();
        if (file == null) {
            throw new IllegalStateException("select a file in the media bin first");
        }
        String id = studio.freeClipId(file.getFileName().toString().replaceAll("\\.[^.]*$", "")
                .replaceAll("[^A-Za-z0-9_]", "_"));
        Clip c = MediaClips.clip(id, studio.services().media().probe(file), 0);
        long in = Math.max(0, studio.sourceIn());
        long out = studio.sourceOut() < 0 ? c.in() + c.duration() : Math.min(studio.sourceOut(), c.in() + c.duration());
        if (out <= in) {
            throw new IllegalStateException("the source's out mark is not after its in mark");
        }
        c.trim(in, out - in); // the source monitor's in/out marks, else the whole file
        Track t = target(studio);
        long at = playheadTicks(studio);
        studio.execute(insert ? PlaceTools.insert(t, c, at, x -> freeId(studio, x))
                : PlaceTools.overwrite(t, c, at, x -> freeId(studio, x)));
        studio.select(c.id(), null);
    }

    /**
     * A five-second title clip ({@code core.title}, fading in and out) at the playhead on the selected clip's track
     * (else the first unlocked video track), over what is there; selected so the properties show its text.
     */
    static void title(Studio studio) {
        Track t = target(studio);
        String id = freeId(studio, "title");
        Clip c = new Clip(id, new GraphNode(id, "core.title").set("text", "Title").set("animation", "fade"), 0, 0,
                Ticks.ofSeconds(5));
        c.setName("Title");
        studio.execute(PlaceTools.overwrite(t, c, playheadTicks(studio), x -> freeId(studio, x)));
        studio.select(id, id);
    }

    /** A one-second dissolve at the cut nearest the playhead on the selected clip's track. */
    static void transition(Studio studio) {
        Clip sel = studio.selectedClip();
        if (sel == null) {
            throw new IllegalStateException("select a clip next to the cut");
        }
        Track t = studio.trackOf(sel);
        long at = playheadTicks(studio);
        Clip a = null;
        Clip b = null;
        for (Clip x : t.clips()) {
            for (Clip y : t.clips()) {
                if (x.end() == y.start() && (a == null || Math.abs(x.end() - at) < Math.abs(a.end() - at))) {
                    a = x;
                    b = y;
                }
            }
        }
        if (a == null) {
            throw new IllegalStateException("no cut on track '" + t.name() + "': clips must meet end to start");
        }
        studio.execute(PlaceTools.transition(t, a, b, TRANSITION, new GraphNode("transition", "core.dissolve"),
                c -> sourceLength(studio, c)));
    }

    static void nudge(Studio studio, String tool, int frames) {
        Clip c = studio.selectedClip();
        if (c == null) {
            throw new IllegalStateException("select a clip first");
        }
        Track t = studio.trackOf(c);
        FrameRate rate = studio.timeline().format().rate();
        long d = rate.frameToTicks(Math.abs(frames)) * Integer.signum(frames);
        Clip left = null;
        Clip right = null;
        for (Clip x : t.clips()) {
            if (x.end() == c.start()) {
                left = x;
            }
            if (x.start() == c.end()) {
                right = x;
            }
        }
        switch (tool) {
            case "slip" -> studio.execute(TrimTools.slip(t, c, d));
            case "slide" -> studio.execute(TrimTools.slide(t, left, c, right, d));
            default -> {
                if (right == null) {
                    throw new IllegalStateException("no clip after '" + c.name() + "' to roll into");
                }
                studio.execute(TrimTools.roll(t, c, right, d));
            }
        }
    }

    private static Track target(Studio studio) {
        Clip sel = studio.selectedClip();
        if (sel != null) {
            return studio.trackOf(sel);
        }
        for (Track t : studio.timeline().tracks()) {
            if (t.kind() == Track.Kind.VIDEO && !t.locked()) {
                return t;
            }
        }
        throw new IllegalStateException("no unlocked video track");
    }

    private static long sourceLength(Studio studio, Clip c) {
        if (!(c.source().params().get("file") instanceof String f)) {
            return -1; // generators have no end
        }
        try {
            Path p = Path.of(f);
            if (!p.isAbsolute() && studio.project().baseDir() != null) {
                p = studio.project().baseDir().resolve(p);
            }
            var v = studio.services().media().probe(p).firstVideo();
            return v == null || v.durationTicks() <= 0 ? -1 : v.durationTicks();
        } catch (Exception e) {
            return -1;
        }
    }

    /** A free id for a copy of {@code base} ({@code a_2} for copies of {@code a} and of {@code a_2} alike). */
    static String freeId(Studio studio, String base) {
        return studio.freeClipId(base.replaceAll("_\\d+$", ""));
    }


    private static long playheadTicks(Studio studio) {
        return studio.timeline().format().rate().frameToTicks(studio.playhead());
    }
}
