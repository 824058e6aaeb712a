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
     * keeps its old content and no temporary file remains. The temporary is a locked {@link PartialFile}; stale ones
     * of the same target left by a killed writer are removed first.
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        PartialFile.removeStaleOf(abs); // left by a writer that was killed
        try (PartialFile tmp = PartialFile.beside(abs, ".tmp")) {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp.path(),
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
                    java.io.OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                writer.write(out);
                out.flush();
                ch.force(true);
            }
            tmp.commit();
        }
    }

    /**
     * Creates the temporary file for {@code target} (absolute or relative). Unguarded: a writer that may be killed
     * mid-write should use {@link PartialFile}, whose leftovers the next writer can recognise and remove.
     */
    public static Path tempBeside(Path target, String suffix) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = Files.createFile(abs.resolveSibling("." + abs.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + suffix));
        keepPermissions(abs, tmp);
        return tmp;
    }

    /** Gives {@code tmp} the permissions of {@code target} when it exists (best effort). */
    static void keepPermissions(Path target, Path tmp) {
        if (Files.exists(target)) {
            try {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            } catch (UnsupportedOperationException | IOException notPosix) {
                // nothing to keep
            }
        }
    }
}
