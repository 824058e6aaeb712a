package org.lumaflow.gpu.lwjgl;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * Where the dynamic linker would find the Vulkan loader {@code libvulkan.so.1} (the {@code org.lwjgl.vulkan.libname}
     * property when set, else {@code LD_LIBRARY_PATH}, the folders of {@code /etc/ld.so.conf} and the default
     * library folders), or empty when there is none. Checked before LWJGL loads it: a missing loader is a one-line
     * "no GPU backend" notice, not LWJGL's multi-line "Failed to load a library" banner.
     */
    public static Optional<Path> vulkanLoader() {
        String named = System.getProperty("org.lwjgl.vulkan.libname");
        if (named != null) {
            Path p = Path.of(named);
            return p.isAbsolute() && !Files.isRegularFile(p) ? Optional.empty() : Optional.of(p);
        }
        for (String dir : libraryDirs()) {
            Path p = Path.of(dir, "libvulkan.so.1");
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static List<String> libraryDirs() {
        List<String> dirs = new ArrayList<>();
        String env = System.getenv("LD_LIBRARY_PATH");
        if (env != null) {
            dirs.addAll(List.of(env.split(":")));
        }
        readLdConf(Path.of("/etc/ld.so.conf"), dirs, 0);
        dirs.addAll(List.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib",
                "/usr/lib", "/usr/local/lib"));
        dirs.removeIf(String::isBlank);
        return dirs;
    }

    private static void readLdConf(Path conf, List<String> dirs, int depth) {
        if (depth > 4 || !Files.isRegularFile(conf)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(conf)) {
                String l = line.strip();
                if (l.startsWith("include ")) {
                    String glob = l.substring(8).strip();
                    Path dir = Path.of(glob).getParent();
                    if (dir != null && Files.isDirectory(dir)) {
                        try (var files = Files.newDirectoryStream(dir, Path.of(glob).getFileName().toString())) {
                            for (Path f : files) {
                                readLdConf(f, dirs, depth + 1);
                            }
                        }
                    }
                } else if (!l.isEmpty() && !l.startsWith("#")) {
                    dirs.add(l);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // the default folders still count
        }
    }
}
