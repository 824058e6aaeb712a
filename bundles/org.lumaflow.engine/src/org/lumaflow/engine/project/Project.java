package org.lumaflow.engine.project;

import java.util.ArrayList;
import java.util.List;

import java.nio.file.Path;

import org.lumaflow.engine.timeline.Timeline;

/**
 * A project: a name and a timeline, plus the file it was loaded from (FILE parameters resolve against its folder).
 */
public final class Project {

    /** Current schema version written by {@link ProjectIO#save}. */
    public static final int SCHEMA_VERSION = 1;

    private String name;
    private final Timeline timeline;
    private Path file;
    private final List<Path> media = new ArrayList<>();

    /** A project called {@code name} with {@code timeline}. */
    public Project(String name, Timeline timeline) {
        this.name = name;
        this.timeline = timeline;
    }

    /** Project name. */
    public String name() {
        return name;
    }

    /** Renames the project. */
    public void setName(String name) {
        this.name = name;
    }

    /** The timeline. */
    public Timeline timeline() {
        return timeline;
    }

    /**
     * The media bin: files imported into the project whether or not a clip uses them, in import order (mutable;
     * absolute paths once loaded; saved relative to the project's folder when inside it).
     */
    public List<Path> media() {
        return media;
    }

    /** The file the project was loaded from or last saved to, or null. */
    public Path file() {
        return file;
    }

    /** Sets the project file. */
    public void setFile(Path file) {
        this.file = file;
    }

    /** Folder that relative FILE parameters resolve against (the project file's folder, or null). */
    public Path baseDir() {
        return file == null ? null : file.toAbsolutePath().getParent();
    }
}
