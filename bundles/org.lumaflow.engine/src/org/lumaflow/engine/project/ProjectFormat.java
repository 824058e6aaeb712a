package org.lumaflow.engine.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.lumaflow.engine.registry.NodeRegistry;

/**
 * A project file format besides Lumaflow's own JSON (for example OpenTimelineIO), provided as an OSGi service by the
 * bundle that reads it. {@link ProjectIO#load(Path)} and {@link ProjectIO#save} pick the format by the file's
 * extension, so every command that takes a project takes these files too.
 */
public interface ProjectFormat {

    /** The extensions this format reads and writes, lower case with the dot (e.g. {@code ".otio"}). */
    List<String> extensions();

    /**
     * Loads {@code file} (a file or, for directory bundles, a folder). Problems that do not stop the load (media that
     * cannot be found, items kept but not shown) go to {@code notes}, one line each, naming the item.
     *
     * @throws ProjectException naming the file and the place in it when the file cannot be read
     */
    Project load(Path file, Consumer<String> notes) throws ProjectException;

    /**
     * Saves {@code project} to {@code file} atomically (nothing half-written is left on failure); {@code plugins} (may
     * be null) records each node type's plugin. What the format cannot hold exactly goes to {@code notes}.
     */
    void save(Project project, Path file, NodeRegistry.Snapshot plugins, Consumer<String> notes) throws IOException;
}
