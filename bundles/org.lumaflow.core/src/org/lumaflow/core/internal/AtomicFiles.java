package org.lumaflow.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The temporary half of an atomic write: a new, empty file beside the destination (same folder, so the final rename
 * is atomic), named {@code .NAME.RANDOM.SUFFIX}. Unlike {@code Files.createTempFile} (owner-only, 0600) it gets the
 * user's umask, or the destination's own permissions when it already exists, so the renamed result looks like any
 * other file the user writes.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(java.io.OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically: {@code writer} fills a temporary file beside it, which is forced to disk and
     * renamed over the target (a plain replace where the file system cannot rename atomically). On failure the target
     * keeps its old content and no temporary file remains.
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = tempBeside(abs, ".tmp");
        try {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
                    java.io.OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                writer.write(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Creates the temporary file for {@code target} (absolute or relative). */
    public static Path tempBeside(Path target, String suffix) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = Files.createFile(abs.resolveSibling("." + abs.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + suffix));
        if (Files.exists(abs)) {
            try {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(abs));
            } catch (UnsupportedOperationException notPosix) {
                // nothing to keep
            }
        }
        return tmp;
    }
}
