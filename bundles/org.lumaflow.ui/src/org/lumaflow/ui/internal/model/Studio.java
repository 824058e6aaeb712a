package org.lumaflow.ui.internal.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.qc.QcReport;

/**
 * The studio's session: the open project, selection, playhead, undo history, last QC report, and the listeners the
 * parts register. One per workbench; every method is called on the UI thread, except {@link #readLock()} holders
 * (render threads) which read the project while no edit runs.
 */
public final class Studio {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.ui");

    private final Services services;
    private final StudioPreferences preferences;
    private final EditStack edits = new EditStack(500);
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Project project;
    private String selectedClip;
    private String selectedNode;
    private long playhead;
    private QcReport lastQc;
    private String notice = "";
    private final Transport transport = new Transport();
    private final java.util.Map<Class<?>, Object> handles = new java.util.concurrent.ConcurrentHashMap<>();

    public Studio(Services services, StudioPreferences preferences) {
        this.services = services;
        this.preferences = preferences;
    }

    /** Play/stop/shuttle state. */
    public Transport transport() {
        return transport;
    }

    public Services services() {
        return services;
    }

    public StudioPreferences preferences() {
        return preferences;
    }

    public Engine engine() {
        return services.engine();
    }

    /** The open project (never null once the workbench is up). */
    public Project project() {
        return project;
    }

    public Timeline timeline() {
        return project.timeline();
    }

    /** A new renderer of the open timeline (one per render thread; use under {@link #readLock()}). */
    public TimelineRenderer newRenderer() {
        return new TimelineRenderer(engine(), project.timeline(), project.baseDir());
    }

    /** Held by render threads while they read the project; edits wait for it. */
    public ReentrantReadWriteLock.ReadLock readLock() {
        return lock.readLock();
    }

    // ---- project files --------------------------------------------------------------------------------------------

    /** Opens {@code file}; on failure the current project stays open and the exception names file, line and field. */
    public List<String> open(Path file) throws ProjectException {
        List<String> notes = new java.util.ArrayList<>();
        Project p = ProjectIO.load(file, notes::add);
        setProject(p);
        return notes;
    }

    /**
     * Writes the timeline to {@code file} in the format its extension names ({@code .otio}, {@code .otioz},
     * {@code .otiod}, {@code .lumaflow}); the open project keeps its own file. Returns the writer's notes.
     */
    public List<String> exportTimeline(Path file) throws IOException {
        List<String> notes = new java.util.ArrayList<>();
        Path keep = project.file();
        lock.readLock().lock();
        try {
            ProjectIO.save(project, file, engine().registry().snapshot(), notes::add);
        } finally {
            project.setFile(keep);
            lock.readLock().unlock();
        }
        return notes;
    }

    /**
     * Relinks the offline clips (imported from OpenTimelineIO without their media) to files found in {@code folder}
     * (by name, then duration, then size) as one undoable edit; returns the clips relinked (id to file).
     */
    public java.util.Map<String, Path> relink(Path folder) throws IOException {
        RelinkEdit e = RelinkEdit.plan(project, folder, f -> {
            try {
                return services.media().probe(f).durationTicks();
            } catch (Exception ex) {
                return -1;
            }
        });
        if (!e.found().isEmpty()) {
            execute(e);
        }
        return e.found();
    }

    /** Opens the bundled demo (the CLI's, in org.lumaflow.cli) as an untitled project (Save asks where). */
    public void openDemo() throws ProjectException, IOException {
        java.net.URL demo = null;
        for (org.osgi.framework.Bundle b : services.context().getBundles()) {
            if ("org.lumaflow.cli".equals(b.getSymbolicName())) {
                demo = b.getEntry("demo/demo.lumaflow");
            }
        }
        if (demo == null) {
            throw new IOException("the bundled demo project is missing (bundle org.lumaflow.cli, demo/demo.lumaflow)");
        }
        try (InputStream in = demo.openStream()) {
            setProject(ProjectIO.load(in, Path.of("demo.lumaflow")));
        }
    }

    /** Replaces the open project (undo history cleared). */
    public void setProject(Project p) {
        lock.writeLock().lock();
        try {
            project = p;
            edits.clear();
            selectedClip = null;
            selectedNode = null;
            playhead = 0;
            lastQc = null;
        } finally {
            lock.writeLock().unlock();
        }
        fire(Change.PROJECT);
    }

    /**
     * Puts {@code p} in place of the open project as part of an undoable edit ({@link ProjectSettings}): the history
     * and selection stay, the playhead keeps its time in the new frame rate. Call only from {@link Edit#apply} or
     * {@link Edit#revert} (they run under the write lock).
     */
    void replaceProject(Project p) {
        var oldRate = project.timeline().format().rate();
        var newRate = p.timeline().format().rate();
        playhead = newRate.ticksToFrame(oldRate.frameToTicks(playhead), java.math.RoundingMode.FLOOR);
        project = p;
    }

    /** Saves to the project's file (atomically: temporary file beside it, then renamed). */
    public void save() throws IOException {
        if (project.file() == null) {
            throw new IOException("the project has no file yet: use Save As");
        }
        saveAs(project.file());
    }

    /**
     * Saves to {@code file} (atomically) and makes it the project's file. A project saved for the first time, or one
     * still named after its old file, takes the new file's name. The recovery files of the old and the new name go.
     */
    public void saveAs(Path file) throws IOException {
        Path before = project.file();
        Path oldRecovery = Recovery.fileFor(project);
        String oldName = project.name();
        boolean rename = before == null || oldName.equals(stem(before));
        if (rename) {
            project.setName(stem(file));
        }
        try {
            ProjectIO.save(project, file, engine().registry().snapshot());
        } catch (IOException | RuntimeException e) {
            project.setName(oldName);
            throw e;
        }
        edits.markClean();
        Recovery.discard(project);
        try {
            java.nio.file.Files.deleteIfExists(oldRecovery);
        } catch (IOException ignored) {
            // offered again at the next start, where declining removes it
        }
        fire(Change.DIRTY); // the window title and the export's default file name follow
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** Writes the unsaved state to the recovery folder (autosave); no-op when nothing changed. */
    public Path autosave() throws IOException {
        if (!edits.dirty()) {
            return null;
        }
        return Recovery.write(project, out -> ProjectIO.write(project, out, engine().registry().snapshot()));
    }

    public boolean dirty() {
        return edits.dirty();
    }

    // ---- edits ----------------------------------------------------------------------------------------------------

    /** Applies {@code e} (undoable) and tells the listeners. */
    public void execute(Edit e) {
        change(() -> {
            edits.execute(e);
            return e;
        });
    }

    /**
     * One undo step of edits each planned on the state the previous ones leave ({@code planners} build them in
     * order), all under the write lock.
     */
    public void executeSequence(String label, List<java.util.function.Supplier<Edit>> planners) {
        change(() -> {
            List<Edit> steps = new java.util.ArrayList<>();
            try {
                for (java.util.function.Supplier<Edit> p : planners) {
                    Edit e = p.get();
                    e.apply();
                    steps.add(e);
                }
            } finally {
                for (int i = steps.size() - 1; i >= 0; i--) {
                    steps.get(i).revert();
                }
            }
            Edit all = Edits.compound(label, steps);
            edits.execute(all);
            return all;
        });
    }

    public boolean undo() {
        return change(edits::undo);
    }

    public boolean redo() {
        return change(edits::redo);
    }

    /** Runs {@code step} under the write lock, marks the timeline changed and tells the listeners what changed. */
    private boolean change(java.util.function.Supplier<Edit> step) {
        Edit e;
        lock.writeLock().lock();
        try {
            e = step.get();
            project.timeline().touch();
        } finally {
            lock.writeLock().unlock();
        }
        if (e != null) {
            fire(e.change());
            fire(Change.DIRTY);
        }
        return e != null;
    }

    public EditStack edits() {
        return edits;
    }

    // ---- selection, playhead --------------------------------------------------------------------------------------

    /** {@code base} when no clip has that id, else {@code base_2}, {@code base_3}... */
    public String freeClipId(String base) {
        if (findClip(base) == null) {
            return base;
        }
        int n = 2;
        while (findClip(base + "_" + n) != null) {
            n++;
        }
        return base + "_" + n;
    }

    /** Clips selected besides {@link #selectedClip()} (Ctrl/Shift+click), in the order they were added. */
    private final java.util.LinkedHashSet<String> moreSelected = new java.util.LinkedHashSet<>();

    /** Selects a clip and, optionally, one of its nodes (its source or an effect); nulls clear. Clears a multi-selection. */
    public void select(String clipId, String nodeId) {
        selectedClip = clipId;
        selectedNode = nodeId;
        moreSelected.clear();
        fire(Change.SELECTION);
    }

    /** Adds {@code clipId} to the selection, or takes it out when it is in (Ctrl/Shift+click). */
    public void toggleSelected(String clipId) {
        if (selectedClip == null) {
            select(clipId, null);
            return;
        }
        if (clipId.equals(selectedClip)) {
            selectedClip = moreSelected.isEmpty() ? null : moreSelected.iterator().next();
            moreSelected.remove(selectedClip);
            selectedNode = null;
        } else if (!moreSelected.remove(clipId)) {
            moreSelected.add(clipId);
        }
        fire(Change.SELECTION);
    }

    /** Every selected clip (the primary one first), skipping ids no longer in the timeline. */
    public List<Clip> selectedClips() {
        List<Clip> out = new java.util.ArrayList<>();
        Clip first = selectedClip();
        if (first != null) {
            out.add(first);
        }
        for (String id : moreSelected) {
            Clip c = findClip(id);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether {@code c} is selected. */
    public boolean isSelected(Clip c) {
        return c.id().equals(selectedClip) || moreSelected.contains(c.id());
    }

    public Clip selectedClip() {
        return selectedClip == null ? null : findClip(selectedClip);
    }

    /** The selected node: the one picked in the node editor, else the selected clip's source. */
    public GraphNode selectedNode() {
        Clip c = selectedClip();
        if (c == null) {
            return null;
        }
        if (selectedNode != null) {
            if (c.source().id().equals(selectedNode)) {
                return c.source();
            }
            for (GraphNode n : c.effects()) {
                if (n.id().equals(selectedNode)) {
                    return n;
                }
            }
        }
        return c.source();
    }

    public Clip findClip(String id) {
        for (Track t : project.timeline().tracks()) {
            for (Clip c : t.clips()) {
                if (c.id().equals(id)) {
                    return c;
                }
            }
        }
        return null;
    }

    public Track trackOf(Clip clip) {
        for (Track t : project.timeline().tracks()) {
            if (t.clips().contains(clip)) {
                return t;
            }
        }
        return null;
    }

    /** Playhead in frames at the project rate. */
    public long playhead() {
        return playhead;
    }

    public void setPlayhead(long frame) {
        long max = Math.max(0, project.timeline().frameCount() - 1);
        long f = Math.max(0, Math.min(max, frame));
        if (f != playhead) {
            playhead = f;
            fire(Change.PLAYHEAD);
        }
    }

    // ---- media bin, QC --------------------------------------------------------------------------------------------

    private volatile Path binSelection;

    /** The file selected in the media bin (insert/overwrite take it), or null. */
    public Path binSelection() {
        return binSelection;
    }

    /** Sets the bin's selected file (null: none); its source in/out marks go. */
    public void setBinSelection(Path file) {
        if (!java.util.Objects.equals(file, binSelection)) {
            sourceIn = -1;
            sourceOut = -1;
        }
        binSelection = file;
        fire(Change.SELECTION); // the source monitor follows
    }

    private volatile long sourceIn = -1;
    private volatile long sourceOut = -1;

    /** The source monitor's in mark on the bin's selected file, ticks of its own time, or -1 (its start). */
    public long sourceIn() {
        return sourceIn;
    }

    /** The source monitor's out mark (exclusive), or -1 (the file's end). */
    public long sourceOut() {
        return sourceOut;
    }

    /** Sets the source marks (-1 = unset); an out before the in clears the other mark. */
    public void setSourceMarks(long in, long out) {
        if (in >= 0 && out >= 0 && out <= in) {
            if (in != sourceIn) {
                out = -1;
            } else {
                in = -1;
            }
        }
        sourceIn = in;
        sourceOut = out;
        fire(Change.SELECTION);
    }

    /** Media files in the bin, in import order (saved with the project). */
    public List<Path> media() {
        return List.copyOf(project.media());
    }

    /** Adds {@code file} to the bin (undoable; the project becomes dirty). */
    public void addMedia(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!project.media().contains(abs)) {
            execute(new BinEdit(project.media(), abs, true));
        }
    }

    /** Removes {@code file} from the bin (undoable). */
    public void removeMedia(Path file) {
        if (project.media().contains(file)) {
            execute(new BinEdit(project.media(), file, false));
        }
    }

    public QcReport lastQc() {
        return lastQc;
    }

    public void setLastQc(QcReport report) {
        lastQc = report;
        fire(Change.QC);
    }

    /** Attaches a workbench object (the E4 application, for automation and tests) by type. */
    public <T> void attach(Class<T> type, T value) {
        handles.put(type, value);
    }

    /** A workbench object attached with {@link #attach}, or null. */
    public <T> T attached(Class<T> type) {
        return type.cast(handles.get(type));
    }

    /** Shows {@code text} in the status line (refused edits, hints); fires {@link Change#NOTICE}. */
    public void notice(String text) {
        notice = text == null ? "" : text;
        fire(Change.NOTICE);
    }

    /** The last {@link #notice} ("" when none). */
    public String notice() {
        return notice;
    }

    // ---- listeners ------------------------------------------------------------------------------------------------

    public void addListener(Consumer<Change> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<Change> l) {
        listeners.remove(l);
    }

    /** Tells every listener; one that throws is logged and the rest still run. */
    public void fire(Change c) {
        for (Consumer<Change> l : listeners) {
            try {
                l.accept(c);
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "studio listener failed on " + c, ex);
            }
        }
    }

}
