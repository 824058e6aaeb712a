package org.lumaflow.core.natives;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** A family of native libraries a bundle unpacks into the product's cache (a DS service per family). */
@ConsumerType
public interface NativeLibrarySet {

    /** Short name, e.g. {@code "FFmpeg 8.0.1 (LGPL build)"}. */
    String name();

    /**
     * Unpacks every library (and native program) of the family, loading what loads, and returns the folders they
     * are in. A library that fails to load because a system library is missing is still unpacked, so
     * {@link NativeCheck} can name what it lacks.
     *
     * @throws IOException if the libraries cannot be unpacked at all
     */
    List<Path> unpack() throws IOException;

    /**
     * System libraries the family opens by name at run time rather than linking against them (LWJGL's Vulkan
     * loader, {@code libvulkan.so.1}); {@link NativeCheck#findSystemLibrary} looks for them.
     */
    default List<String> openedByName() {
        return List.of();
    }
}
