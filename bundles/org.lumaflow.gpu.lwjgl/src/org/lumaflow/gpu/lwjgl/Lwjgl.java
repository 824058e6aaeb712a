package org.lumaflow.gpu.lwjgl;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.lumaflow.core.internal.ProductCache;
import org.lumaflow.core.natives.NativeCheck;
import org.lwjgl.system.Configuration;

/**
 * Entry point to the embedded LWJGL. Call {@link #init()} before the first LWJGL use: it makes LWJGL unpack its
 * native libraries into a folder the product owns ({@code lwjgl} in the product cache, see {@link ProductCache}) and
 * not into the shared temporary folder. The Vulkan loader itself ({@code libvulkan.so.1}) and the drivers come from
 * the system.
 */
public final class Lwjgl {

    private static volatile boolean ready;

    private Lwjgl() {
    }

    /** Idempotent, thread-safe. */
    public static void init() {
        if (ready) {
            return;
        }
        synchronized (Lwjgl.class) {
            if (ready) {
                return;
            }
            if (System.getProperty("org.lwjgl.system.SharedLibraryExtractPath") == null) {
                File dir = ProductCache.dir("lwjgl", Lwjgl.class);
                dir.mkdirs();
                Configuration.SHARED_LIBRARY_EXTRACT_PATH.set(dir.getAbsolutePath());
            }
            ready = true;
        }
    }

    /**
     * Where the dynamic linker would find the Vulkan loader {@code libvulkan.so.1} (the {@code org.lwjgl.vulkan.libname}
     * property when set, else {@link NativeCheck#findSystemLibrary}), or empty when there is none. Checked before LWJGL
     * loads it: a missing loader is a one-line "no GPU backend" notice, not LWJGL's multi-line "Failed to load a
     * library" banner.
     */
    public static Optional<Path> vulkanLoader() {
        String named = System.getProperty("org.lwjgl.vulkan.libname");
        if (named != null) {
            Path p = Path.of(named);
            return p.isAbsolute() && !Files.isRegularFile(p) ? Optional.empty() : Optional.of(p);
        }
        return NativeCheck.findSystemLibrary("libvulkan.so.1");
    }
}
