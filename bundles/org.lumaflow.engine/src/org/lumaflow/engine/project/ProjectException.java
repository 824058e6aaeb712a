package org.lumaflow.engine.project;

import java.nio.file.Path;

/** A project file that cannot be loaded; the message names the file, line, column and field. */
public class ProjectException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int line;
    private final int column;
    private final String field;

    /** An error at {@code line}:{@code column} (1-based; 0 when unknown) in {@code field} of {@code file}. */
    public ProjectException(Path file, int line, int column, String field, String message) {
        super(file + (line > 0 ? ":" + line + ":" + column : "") + ": "
                + (field == null || field.isEmpty() ? "" : field + ": ") + message);
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    /** The project file. */
    public Path file() {
        return file;
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, 0 when unknown. */
    public int column() {
        return column;
    }

    /** The field path, e.g. {@code tracks[0].clips[1].duration}. */
    public String field() {
        return field;
    }
}
