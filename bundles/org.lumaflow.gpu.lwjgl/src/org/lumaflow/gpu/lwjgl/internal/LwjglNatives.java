package org.lumaflow.gpu.lwjgl.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.lumaflow.core.natives.NativeLibrarySet;
import org.lumaflow.gpu.lwjgl.Lwjgl;
import org.lwjgl.Version;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.Library;
import org.lwjgl.util.shaderc.Shaderc;
import org.osgi.service.component.annotations.Component;

/**
 * LWJGL's own library and shaderc (GLSL to SPIR-V), as unpacked into the product's cache. The Vulkan loader is the
 * system's ({@link Lwjgl#vulkanLoader()}).
 */
@Component(service = NativeLibrarySet.class)
public final class LwjglNatives implements NativeLibrarySet {

    @Override
    public String name() {
        return "LWJGL " + Version.getVersion() + " (shaderc)";
    }

    @Override
    public List<Path> unpack() throws IOException {
        Lwjgl.init();
        try {
            Library.initialize();
            Shaderc.getLibrary();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError missingLibrary) {
            // unpacked but not loadable: the check names what is missing
        }
        Path dir = Path.of(Configuration.SHARED_LIBRARY_EXTRACT_PATH.get());
        if (!Files.isDirectory(dir)) {
            throw new IOException("LWJGL unpacked nothing into " + dir);
        }
        return List.of(dir);
    }

    @Override
    public List<String> openedByName() {
        return List.of("libvulkan.so.1");
    }
}
