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
