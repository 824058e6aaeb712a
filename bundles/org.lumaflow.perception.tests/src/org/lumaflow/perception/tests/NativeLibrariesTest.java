package org.lumaflow.perception.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.natives.NativeCheck;
import org.lumaflow.perception.internal.OpenCvNatives;

/** OpenCV's and OpenBLAS's libraries, as the product unpacks them, resolve on this machine. */
class NativeLibrariesTest {

    @Test
    void openCvLibrariesResolve() throws Exception {
        List<Path> folders = new OpenCvNatives().unpack();
        assertTrue(folders.stream().anyMatch(d -> Files.exists(d.resolve("libopencv_core.so.413"))),
                "unpacked: " + folders);
        List<NativeCheck.Missing> missing = NativeCheck.check(folders);
        assertTrue(missing.isEmpty(), "missing system libraries: " + missing + "; install: apt-get install "
                + NativeCheck.packages(missing));
    }
}
