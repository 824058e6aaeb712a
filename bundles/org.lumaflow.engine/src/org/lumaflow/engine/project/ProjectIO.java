package org.lumaflow.engine.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.engine.internal.json.JsonTree;
import org.lumaflow.engine.internal.json.ProjectReader;
import org.lumaflow.engine.internal.json.ProjectWriter;
import org.lumaflow.engine.registry.NodeRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Loads and saves project files (JSON, schema version {@value Project#SCHEMA_VERSION}). Saving is atomic: the project
 * is written to a temporary file in the same folder, forced to disk and renamed over the destination, so a crash or
 * error never leaves a half-written project. Files of another format ({@code .otio}, {@code .otioz}, {@code .otiod})
 * go to the {@link ProjectFormat} service registered for their extension.
 */
public final class ProjectIO {

    private ProjectIO() {
    }

    /** Formats provided by other bundles, by extension: named in the error when the bundle is missing. */
    private static final Map<String, String> KNOWN = Map.of(".otio", "org.lumaflow.otio", ".otioz", "org.lumaflow.otio",
            ".otiod", "org.lumaflow.otio");

    /**
     * Loads {@code file}; errors name the file, line, column and field. Notes of other formats (offline media...) are
     * dropped: use {@link #load(Path, Consumer)} to show them.
     */
    public static Project load(Path file) throws ProjectException {
        return load(file, note -> {
        });
    }

    /**
     * Loads {@code file}, a Lumaflow project or a file of a {@link ProjectFormat} (chosen by extension);
     * {@code notes} receives what the format reports without failing (one line each, e.g. offline media).
     */
    public static Project load(Path file, Consumer<String> notes) throws ProjectException {
        String ext = extension(file);
        if (ext != null) {
            ProjectFormat f = format(ext);
            if (f == null) {
                throw new ProjectException(file, 0, 0, null, missingFormat(ext));
            }
            Project p = f.load(file, notes);
            p.setFile(file);
            return p;
        }
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
        save(project, file, plugins, note -> {
        });
    }

    /**
     * Saves {@code project} to {@code file} atomically in the format its extension names (Lumaflow JSON unless a
     * {@link ProjectFormat} claims the extension) and makes it the project's file; {@code notes} receives what the
     * format could not hold exactly.
     */
    public static void save(Project project, Path file, NodeRegistry.Snapshot plugins, Consumer<String> notes)
            throws IOException {
        Path abs = file.toAbsolutePath();
        String ext = extension(file);
        if (ext != null) {
            ProjectFormat f = format(ext);
            if (f == null) {
                throw new IOException(file + ": " + missingFormat(ext));
            }
            f.save(project, abs, plugins, notes);
            project.setFile(abs);
            return;
        }
        AtomicFiles.write(abs, out -> ProjectWriter.write(project, out, plugins, abs.getParent()));
        project.setFile(abs);
    }

    /**
     * Whether {@code file} names a project: {@code .lumaflow} or {@code .json}, or an extension of a
     * {@link ProjectFormat} (installed or known, so that a missing bundle is reported rather than the file taken for
     * media).
     */
    public static boolean isProjectFile(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".lumaflow") || n.endsWith(".json") || extension(file) != null;
    }

    /** The extensions of the installed {@link ProjectFormat}s, sorted. */
    public static List<String> formatExtensions() {
        List<String> out = new ArrayList<>();
        for (ProjectFormat f : formats()) {
            out.addAll(f.extensions());
        }
        out.sort(null);
        return out;
    }

    /** The file's extension when another format handles it (installed or known), else null. */
    private static String extension(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return null;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String ext = n.substring(dot);
        if (ext.equals(".lumaflow") || ext.equals(".json")) {
            return null;
        }
        return KNOWN.containsKey(ext) || format(ext) != null ? ext : null;
    }

    private static String missingFormat(String ext) {
        String bundle = KNOWN.get(ext);
        return "no reader for " + ext + " files"
                + (bundle == null ? "" : ": bundle " + bundle + " is not installed");
    }

    private static ProjectFormat format(String ext) {
        for (ProjectFormat f : formats()) {
            if (f.extensions().contains(ext)) {
                return f;
            }
        }
        return null;
    }

    private static List<ProjectFormat> formats() {
        List<ProjectFormat> out = new ArrayList<>();
        Bundle b = FrameworkUtil.getBundle(ProjectIO.class);
        BundleContext bc = b == null ? null : b.getBundleContext();
        if (bc == null) {
            return out; // outside OSGi, or the engine is not started: Lumaflow JSON only
        }
        try {
            for (ServiceReference<ProjectFormat> r : bc.getServiceReferences(ProjectFormat.class, null)) {
                ProjectFormat f = bc.getService(r);
                if (f != null) {
                    out.add(f);
                    bc.ungetService(r); // formats are immediate components: the object stays valid
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            // no filter is given; a stopping framework has no formats
        }
        return out;
    }
}
