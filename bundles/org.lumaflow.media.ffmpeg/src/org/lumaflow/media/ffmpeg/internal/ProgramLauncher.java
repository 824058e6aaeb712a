package org.lumaflow.media.ffmpeg.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.lumaflow.core.internal.AtomicFiles;

/**
 * A shell launcher beside a native program of the JavaCPP cache: the program's own folder goes first on
 * {@code LD_LIBRARY_PATH}, since the libraries it links against (FFmpeg's, VA-API's) ship there rather than in the
 * system's library folders.
 */
public final class ProgramLauncher {

    private ProgramLauncher() {
    }

    /** Writes (once, atomically) and returns {@code <program>-run} beside {@code program}. */
    public static Path beside(Path program) throws IOException {
        Path dir = program.toAbsolutePath().getParent();
        Path launcher = dir.resolve(program.getFileName() + "-run");
        String text = "#!/bin/sh\n"
                + "# runs " + program.getFileName() + " with the libraries that ship beside it\n"
                + "LD_LIBRARY_PATH=" + quote(dir.toString()) + "${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}\n"
                + "export LD_LIBRARY_PATH\n"
                + "exec " + quote(program.toAbsolutePath().toString()) + " \"$@\"\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (Files.isExecutable(launcher) && text.equals(Files.readString(launcher, StandardCharsets.UTF_8))) {
            return launcher;
        }
        // executable before it appears under its name: a concurrent user never sees it half made
        Path tmp = AtomicFiles.tempBeside(launcher, ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, launcher, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return launcher;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
