package org.lumaflow.ui.internal.parts.timeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Shell;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;
import org.lumaflow.ui.internal.handlers.Actions;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.Edit;
import org.lumaflow.ui.internal.model.Edits;
import org.lumaflow.ui.internal.model.Studio;

/** The timeline's edits: each user gesture becomes one undoable {@link Edit} run through {@link Studio#execute}. */
public final class TimelineCommands {

    /** The transition type offered first. */
    public static final String DEFAULT_TRANSITION = "core.dissolve";

    private final TimelineView view;
    private final Studio studio;

    TimelineCommands(TimelineView view) {
        this.view = view;
        this.studio = view.studio;
    }

    /** Runs a menu action by its {@link Actions} name ("split", "delete", "ripple"). */
    public void action(String name) {
        Shell shell = view.canvas.getShell();
        Actions.run(name, studio, shell, null, null);
    }

    public boolean enabled(String name) {
        return studio.project() != null && Actions.enabled(name, studio);
    }

    // ---- move and trim --------------------------------------------------------------------------------------------

    /**
     * Why {@code self} cannot occupy {@code [start, end)} on {@code track}, or null when it can: clips may overlap a
     * neighbour partly (a transition can then join them), but not cover one, sit inside one, or make three overlap.
     */
    public static String placementProblem(Track track, Clip self, long start, long end) {
        if (start < 0) {
            return "clips cannot start before 0";
        }
        int overlaps = 0;
        for (Clip c : track.clips()) {
            if (c == self || c.end() <= start || c.start() >= end) {
                continue;
            }
            if (c.start() >= start && c.end() <= end) {
                return "it would cover clip '" + c.id() + "'";
            }
            if (start >= c.start() && end <= c.end()) {
                return "it would lie inside clip '" + c.id() + "'";
            }
            overlaps++;
        }
        return overlaps > 2 ? "more than two clips would overlap" : null;
    }

    /** Moves {@code clip} (one undo step; transitions the move breaks are removed with it). */
    public static Edit moveEdit(Clip clip, Track from, Track to, long start) {
        List<Edit> edits = new ArrayList<>();
        edits.add(Edits.moveClip(from, to, clip, start));
        if (from == to) {
            broken(from, clip, start, start + clip.duration(), edits);
        }
        return edits.size() == 1 ? edits.get(0) : Edits.compound("Move clip '" + clip.id() + "'", edits);
    }

    /** Trims {@code clip} (one undo step; transitions the trim breaks are removed with it). */
    public static Edit trimEdit(Clip clip, Track track, long start, long in, long duration) {
        List<Edit> edits = new ArrayList<>();
        edits.add(Edits.trim(track, clip, start, in, duration));
        broken(track, clip, start, start + duration, edits);
        return edits.size() == 1 ? edits.get(0) : Edits.compound("Trim clip '" + clip.id() + "'", edits);
    }

    /** Adds removals of the transitions of {@code track} that would no longer be valid with clip at [s, e). */
    private static void broken(Track track, Clip clip, long s, long e, List<Edit> out) {
        for (Transition tr : track.transitions()) {
            boolean isFrom = tr.from().equals(clip.id());
            boolean isTo = tr.to().equals(clip.id());
            if (!isFrom && !isTo) {
                continue;
            }
            Clip a = isFrom ? clip : TimelineView.find(track, tr.from());
            Clip b = isTo ? clip : TimelineView.find(track, tr.to());
            if (a == null || b == null) {
                continue;
            }
            long as = isFrom ? s : a.start();
            long ae = isFrom ? e : a.end();
            long bs = isTo ? s : b.start();
            long be = isTo ? e : b.end();
            if (!(bs >= as && bs < ae && be > ae)) {
                out.add(Edits.removeTransition(track, tr));
            }
        }
    }

    // ---- transitions ----------------------------------------------------------------------------------------------

    /** Node types usable as transitions: inputs "from" and "to" (or category Transition with two inputs). */
    public List<NodeDescriptor> transitionTypes() {
        List<NodeDescriptor> out = new ArrayList<>();
        NodeRegistry.Snapshot s = view.registrySnapshot();
        if (s == null) {
            return out;
        }
        for (var t : s.types().values()) {
            NodeDescriptor d = t.descriptor();
            boolean fromTo = d.inputIndex("from") >= 0 && d.inputIndex("to") >= 0;
            if (fromTo || "Transition".equals(d.category()) && d.inputs().size() == 2) {
                out.add(d);
            }
        }
        out.sort((a, b) -> a.id().equals(DEFAULT_TRANSITION) ? -1
                : b.id().equals(DEFAULT_TRANSITION) ? 1 : a.displayName().compareToIgnoreCase(b.displayName()));
        return out;
    }

    /**
     * The pair (earlier, later) of clips of {@code track} that overlap around {@code clip} without a transition, and
     * can take one (the later starts inside the earlier and ends after it); null when there is none.
     */
    static Clip[] transitionCandidate(Track track, Clip clip) {
        for (Clip o : track.clips()) {
            if (o == clip) {
                continue;
            }
            Clip a = o.start() <= clip.start() ? o : clip;
            Clip b = a == o ? clip : o;
            if (b.start() >= a.start() && b.start() < a.end() && b.end() > a.end()
                    && track.transition(a.id(), b.id()) == null) {
                return new Clip[] {a, b};
            }
        }
        return null;
    }

    /** The selected clip's transition candidate with its track, or null. */
    public Object[] selectedTransitionCandidate() {
        Clip c = studio.selectedClip();
        if (c == null) {
            return null;
        }
        Track t = studio.trackOf(c);
        Clip[] pair = t == null ? null : transitionCandidate(t, c);
        return pair == null ? null : new Object[] {t, pair[0], pair[1]};
    }

    /** Joins a and b on track with a new transition node of {@code type}. */
    public void addTransition(Track track, Clip a, Clip b, String type) {
        if (refused(track)) {
            return;
        }
        studio.execute(Edits.addTransition(track, new Transition(a.id(), b.id(), transitionNode(type))));
    }

    /** Replaces the node type of a transition (one undo step; parameters start at the new type's defaults). */
    public void replaceTransition(Track track, Transition tr, String type) {
        if (refused(track)) {
            return;
        }
        Transition next = new Transition(tr.from(), tr.to(), transitionNode(type));
        studio.execute(Edits.compound("Change transition " + tr.from() + " -> " + tr.to(),
                List.of(Edits.removeTransition(track, tr), Edits.addTransition(track, next))));
    }

    private GraphNode transitionNode(String type) {
        GraphNode node = new GraphNode("transition", type);
        NodeRegistry.Snapshot s = view.registrySnapshot();
        if (s != null && s.plugins().get(type) != null) {
            node.plugin(s.plugins().get(type));
        }
        return node;
    }

    /** Adds the default (or first available) transition to the selected clip's overlap. */
    public boolean addTransitionToSelection() {
        Object[] c = selectedTransitionCandidate();
        List<NodeDescriptor> types = transitionTypes();
        if (c == null || types.isEmpty()) {
            view.status.accept(c == null ? "Overlap the selected clip with a neighbour on its track first"
                    : "No transition node type is installed");
            return false;
        }
        addTransition((Track) c[0], (Clip) c[1], (Clip) c[2], types.get(0).id());
        return true;
    }

    public void removeTransition(Track track, Transition tr) {
        if (refused(track)) {
            return;
        }
        studio.execute(Edits.removeTransition(track, tr));
    }

    // ---- tracks and media -----------------------------------------------------------------------------------------

    /** Mutes or unmutes a track (undoable). */
    public void toggleTrack(Track t) {
        boolean was = t.enabled();
        studio.execute(new Edits.Simple((was ? "Disable" : "Enable") + " track '" + t.name() + "'", Change.TIMELINE,
                () -> t.setEnabled(!was), () -> t.setEnabled(was)));
    }

    /**
     * Adds media files as clips on the track with index {@code trackIndex} (a new track "V1" when there is none)
     * from {@code start}, one after the other; a clip that would overlap moves to the next free place. One undo
     * step. Returns the number of clips added; problems go to the status line.
     */
    public int addMedia(List<String> paths, int trackIndex, long start) {
        List<Edit> edits = new ArrayList<>();
        Track track;
        if (studio.timeline().tracks().isEmpty()) {
            Track t = new Track("V1");
            var tracks = studio.timeline().tracks();
            edits.add(new Edits.Simple("Add track 'V1'", Change.TIMELINE, () -> tracks.add(t),
                    () -> tracks.remove(t)));
            track = t;
        } else {
            track = studio.timeline().tracks().get(Math.max(0, Math.min(trackIndex,
                    studio.timeline().tracks().size() - 1)));
        }
        if (refused(track)) {
            return 0;
        }
        List<Clip> placed = new ArrayList<>(track.clips());
        List<String> taken = new ArrayList<>();
        long at = Math.max(0, start);
        String last = null;
        StringBuilder problems = new StringBuilder();
        for (String p : paths) {
            Path file = Path.of(p.trim());
            try {
                String id = Ids.unique(Ids.baseName(file.toString()),
                        s -> studio.findClip(s) != null || taken.contains(s));
                Clip c = MediaClips.clip(id, studio.services().media().probe(file), at);
                c.setStart(freeStart(placed, at, c.duration()));
                placed.add(c);
                taken.add(id);
                edits.add(Edits.addClip(track, c));
                studio.addMedia(file);
                at = c.end();
                last = id;
            } catch (MediaException | RuntimeException e) {
                problems.append(problems.length() == 0 ? "" : "; ").append(file.getFileName()).append(": ")
                        .append(e.getMessage());
            }
        }
        int added = edits.size() - (studio.timeline().tracks().contains(track) ? 0 : 1);
        if (added > 0) {
            studio.execute(edits.size() == 1 ? edits.get(0)
                    : Edits.compound(added == 1 ? "Add clip '" + last + "'" : "Add " + added + " clips", edits));
            studio.select(last, null);
        }
        view.status.accept(problems.length() == 0 ? (added > 0 ? "Added " + added + " clip(s) to " + track.name()
                : "") : "Could not add " + problems);
        return added;
    }

    /** Whether {@code track} is locked (the status line then says the edit was refused). */
    private boolean refused(Track track) {
        if (track != null && track.locked()) {
            studio.notice("Track '" + track.name() + "' is locked: unlock it to edit it");
            return true;
        }
        return false;
    }

    /** The first start at or after {@code at} where {@code duration} fits between {@code clips}. */
    static long freeStart(List<Clip> clips, long at, long duration) {
        long s = at;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Clip c : clips) {
                if (c.start() < s + duration && s < c.end()) {
                    s = c.end();
                    moved = true;
                }
            }
        }
        return s;
    }
}
