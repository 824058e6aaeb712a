package org.lumaflow.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test data ({@code ../shared/testdata} beside the repository, as CI and the fresh-root check lay it out),
 * found from the working directory upwards.
 */
public final class SharedData {

    private SharedData() {
    }

    /**
     * {@code shared/testdata/RELATIVE} (e.g. {@code "telemetry/karma.mp4"}).
     *
     * @throws IllegalStateException naming the file and where it was looked for when it is missing
     */
    public static Path file(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path p = d.resolve("shared/testdata").resolve(relative);
            if (Files.exists(p)) {
                return p.normalize();
            }
        }
        throw new IllegalStateException("test file shared/testdata/" + relative + " not found in " + dir
                + " or any folder above it (the repository expects ../shared beside it)");
    }
}
