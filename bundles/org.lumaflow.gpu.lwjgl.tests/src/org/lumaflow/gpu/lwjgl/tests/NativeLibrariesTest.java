package org.lumaflow.gpu.lwjgl.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.natives.NativeCheck;
import org.lumaflow.gpu.lwjgl.Lwjgl;
import org.lumaflow.gpu.lwjgl.internal.LwjglNatives;

/** LWJGL's libraries resolve on this machine and the Vulkan loader it opens by name is installed. */
class NativeLibrariesTest {

    @Test
    void lwjglLibrariesResolveAndTheVulkanLoaderIsThere() throws Exception {
        LwjglNatives natives = new LwjglNatives();
        List<Path> folders = natives.unpack();
        assertTrue(folders.stream().anyMatch(d -> Files.exists(d.resolve("liblwjgl.so"))), "unpacked: " + folders);
        List<NativeCheck.Missing> missing = NativeCheck.check(folders);
        assertTrue(missing.isEmpty(), "missing system libraries: " + missing + "; install: apt-get install "
                + NativeCheck.packages(missing));
        for (String soname : natives.openedByName()) {
            assertTrue(NativeCheck.findSystemLibrary(soname).isPresent(), soname + " is not installed (package "
                    + NativeCheck.debianPackage(soname) + ")");
        }
        assertTrue(Lwjgl.vulkanLoader().isPresent(), "the loader is found where the linker looks");
    }
}
