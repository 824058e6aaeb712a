package org.lumaflow.live.internal.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.live.LiveException;

/**
 * Reads an effects file: a project file (the engine's JSON format) with one clip whose source is of type
 * {@value #PROGRAM_TYPE}. That clip stands for the composed live picture; its {@code effects} are applied to it in
 * order (grade, LUT, text, blur, plugin nodes...). Other clips are ignored.
 */
public final class Effects {

    /** The source type that marks the composed picture in an effects file. */
    public static final String PROGRAM_TYPE = "live.program";

    private Effects() {
    }

    /** The effects chain of {@code file}; errors name the file. */
    public static List<GraphNode> load(Path file) throws LiveException {
        if (!Files.isRegularFile(file)) {
            throw new LiveException("effects file " + file + ": no such file");
        }
        Project p;
        try {
            p = ProjectIO.load(file);
        } catch (ProjectException e) {
            String m = e.getMessage();
            throw new LiveException(m != null && m.contains(file.toString()) ? "effects file " + m
                    : "effects file " + file + ": " + m, e);
        }
        for (Track t : p.timeline().tracks()) {
            for (Clip c : t.clips()) {
                if (PROGRAM_TYPE.equals(c.source().type())) {
                    return new ArrayList<>(c.effects());
                }
            }
        }
        throw new LiveException("effects file " + file + ": no clip whose source type is " + PROGRAM_TYPE
                + " (the composed live picture the effects apply to; see docs/live.md)");
    }
}
