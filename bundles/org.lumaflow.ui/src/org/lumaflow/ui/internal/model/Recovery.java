package org.lumaflow.ui.internal.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;

import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.engine.project.Project;

/**
 * Autosave and crash recovery: unsaved states go to {@code <studio home>/recovery/<key>.lumaflow}, keyed by the
 * project's file (or "untitled"). A clean save or close deletes it; one found at start-up newer than its project file
 * means the last session ended without saving, and the studio offers it back.
 */
public final class Recovery {

    private Recovery() {
    }

    /** The recovery file for {@code project}. */
    public static Path fileFor(Project project) {
        return fileFor(project.file());
    }

    public static Path fileFor(Path projectFile) {
        String key;
        if (projectFile == null) {
            key = "untitled";
        } else {
            String abs = projectFile.toAbsolutePath().normalize().toString();
            key = stem(projectFile) + "-" + HexFormat.of().toHexDigits(abs.hashCode());
        }
        return StudioPreferences.home().resolve("recovery").resolve(key + ".lumaflow");
    }

    static Path write(Project project, AtomicFiles.Writer writer) throws IOException {
        Path f = fileFor(project);
        AtomicFiles.write(f, writer);
        return f;
    }

    /** Deletes the recovery file of {@code project} (after a save, or when the user declines recovery). */
    public static void discard(Project project) {
        try {
            Files.deleteIfExists(fileFor(project));
        } catch (IOException ignored) {
            // a stale recovery file is offered again next time, which is harmless
        }
    }

    /**
     * The recovery file to offer for {@code projectFile} (null = untitled), or null when there is none newer than
     * the project itself.
     */
    public static Path pending(Path projectFile) {
        Path r = fileFor(projectFile);
        try {
            if (!Files.isRegularFile(r)) {
                return null;
            }
            if (projectFile == null || !Files.exists(projectFile)) {
                return r;
            }
            FileTime rt = Files.getLastModifiedTime(r);
            return rt.compareTo(Files.getLastModifiedTime(projectFile)) > 0 ? r : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return (dot > 0 ? n.substring(0, dot) : n).replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
