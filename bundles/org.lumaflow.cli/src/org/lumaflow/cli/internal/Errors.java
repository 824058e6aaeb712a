package org.lumaflow.cli.internal;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** User-facing text for failures: what went wrong, in words, never an exception class name. */
final class Errors {

    private Errors() {
    }

    /**
     * Describes {@code e} for a person: file-system errors as "PATH: reason", others by their message, a failure
     * without one by where it happened (a defect to report).
     */
    static String describe(Throwable e) {
        if (e instanceof FileSystemException fs) {
            String reason = switch (fs) {
                case NoSuchFileException x -> "no such file or folder";
                case AccessDeniedException x -> "permission denied";
                case FileAlreadyExistsException x -> "already exists";
                case NotDirectoryException x -> "not a folder";
                case DirectoryNotEmptyException x -> "folder not empty";
                default -> fs.getReason() != null ? fs.getReason() : "cannot be accessed";
            };
            String file = fs.getFile() != null ? fs.getFile() : "";
            return (file.isEmpty() ? "" : file + ": ") + reason
                    + (fs.getOtherFile() != null ? " (" + fs.getOtherFile() + ")" : "");
        }
        String m = e.getMessage();
        if (m != null && !m.isBlank() && !(e instanceof NullPointerException)) {
            return m;
        }
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        return "internal error" + (at != null ? " at " + at.getFileName() + ":" + at.getLineNumber() : "")
                + " (a defect: please report it with the command line)";
    }
}
