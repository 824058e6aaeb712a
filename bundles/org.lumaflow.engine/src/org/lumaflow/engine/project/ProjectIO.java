package org.lumaflow.engine.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.engine.internal.json.JsonTree;
import org.lumaflow.engine.internal.json.ProjectReader;
import org.lumaflow.engine.internal.json.ProjectWriter;
import org.lumaflow.engine.registry.NodeRegistry;

/**
 * Loads and saves project files (JSON, schema version {@value Project#SCHEMA_VERSION}). Saving is atomic: the project
 * is written to a temporary file in the same folder, forced to disk and renamed over the destination, so a crash or
 * error never leaves a half-written project.
 */
public final class ProjectIO {

    private ProjectIO() {
    }

    /** Loads {@code file}; errors name the file, line, column and field. */
    public static Project load(Path file) throws ProjectException {
        try (InputStream in = Files.newInputStream(file)) {
            Project p = load(in, file);
            p.setFile(file);
            return p;
        } catch (NoSuchFileException e) {
            throw new ProjectException(file, 0, 0, null, "no such file");
        } catch (IOException e) {
            throw new ProjectException(file, 0, 0, null, "cannot read: " + e.getMessage());
        }
    }

    /** Loads a project from {@code in}; {@code name} is used in error messages. */
    public static Project load(InputStream in, Path name) throws ProjectException, IOException {
        JsonTree.Value root;
        try {
            root = JsonTree.parse(in);
        } catch (JsonTree.SyntaxError e) {
            throw new ProjectException(name, e.line, e.column, null, "invalid JSON: " + e.getMessage());
        }
        return ProjectReader.read(root, name);
    }

    /** Writes {@code project} to {@code out}; {@code plugins} (may be null) records each node type's plugin. */
    public static void write(Project project, OutputStream out, NodeRegistry.Snapshot plugins) throws IOException {
        ProjectWriter.write(project, out, plugins);
    }

    /** Saves {@code project} to {@code file} atomically (temp file + rename) and makes it the project's file. */
    public static void save(Project project, Path file, NodeRegistry.Snapshot plugins) throws IOException {
        Path abs = file.toAbsolutePath();
        AtomicFiles.write(abs, out -> ProjectWriter.write(project, out, plugins, abs.getParent()));
        project.setFile(abs);
    }
}
