package org.lumaflow.engine.vulkan.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a hardware GPU can be present at all, from device nodes alone (no Vulkan instance): a DRM render node
 * (Intel, AMD and others through Mesa), an NVIDIA device, or the WSL GPU. Without any, a Vulkan probe can only find
 * software devices, which the {@code auto} backend does not take.
 */
final class HardwareGpu {

    /** The nodes looked for, for messages. */
    static final String NODES = "no /dev/dri/renderD*, /dev/nvidia0 or /dev/dxg";

    private HardwareGpu() {
    }

    /** True when a hardware GPU may be present (or this is not Linux: then only a probe can tell). */
    static boolean mayExist() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return true;
        }
        if (Files.exists(Path.of("/dev/nvidia0")) || Files.exists(Path.of("/dev/nvidiactl"))
                || Files.exists(Path.of("/dev/dxg"))) {
            return true;
        }
        Path dri = Path.of("/dev/dri");
        if (!Files.isDirectory(dri)) {
            return false;
        }
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(dri, "renderD*")) {
            return nodes.iterator().hasNext();
        } catch (IOException e) {
            return true; // cannot tell: probe
        }
    }
}
