package org.lumaflow.ui.internal.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.otio.Otio;
import org.lumaflow.otio.OfflineMedia;
import org.lumaflow.otio.Relinker;

/** Points offline clips at files found in a folder ({@link Relinker}); undo restores source, effects and metadata. */
final class RelinkEdit implements Edit {

    private record Before(Clip clip, GraphNode source, List<GraphNode> effects, Map<String, String> metadata) {
    }

    private final Project project;
    private final Map<String, Path> found;
    private final List<Before> before = new ArrayList<>();

    private RelinkEdit(Project project, Map<String, Path> found) {
        this.project = project;
        this.found = found;
        for (Track t : project.timeline().tracks()) {
            for (Clip c : t.clips()) {
                if (found.containsKey(c.id())) {
                    before.add(new Before(c, c.source(), List.copyOf(c.effects()),
                            new LinkedHashMap<>(c.metadata())));
                }
            }
        }
    }

    /** Finds a file for each offline clip of {@code project} in {@code folder}; changes nothing yet. */
    static RelinkEdit plan(Project project, Path folder, ToLongFunction<Path> probe) throws IOException {
        Relinker r = new Relinker(folder, probe);
        Map<String, Path> found = new LinkedHashMap<>();
        for (OfflineMedia m : Otio.offline(project)) {
            r.find(m).ifPresent(p -> found.put(m.clipId(), p));
        }
        return new RelinkEdit(project, found);
    }

    Map<String, Path> found() {
        return found;
    }

    @Override
    public String label() {
        return "Relink " + found.size() + " offline clip(s)";
    }

    @Override
    public void apply() {
        found.forEach((id, file) -> Relinker.relink(project, id, file));
    }

    @Override
    public void revert() {
        for (Before b : before) {
            b.clip().setSource(b.source());
            b.clip().effects().clear();
            b.clip().effects().addAll(b.effects());
            b.clip().metadata().clear();
            b.clip().metadata().putAll(b.metadata());
        }
    }
}
