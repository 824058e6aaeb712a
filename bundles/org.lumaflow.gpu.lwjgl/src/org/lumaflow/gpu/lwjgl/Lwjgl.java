package org.lumaflow.gpu.lwjgl;

import java.io.File;

import org.lumaflow.core.internal.ProductCache;
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
}
