package org.lumaflow.engine.vulkan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The auto backend skips the Vulkan probe where no hardware GPU can be; an explicit gpu choice still probes. */
class HardwareGpuTest {

    @Test
    void deviceNodesDecide() throws Exception {
        boolean nodes = Files.exists(Path.of("/dev/nvidia0")) || Files.exists(Path.of("/dev/nvidiactl"))
                || Files.exists(Path.of("/dev/dxg"));
        if (Files.isDirectory(Path.of("/dev/dri"))) {
            try (Stream<Path> s = Files.list(Path.of("/dev/dri"))) {
                nodes |= s.anyMatch(p -> p.getFileName().toString().startsWith("renderD"));
            }
        }
        assertEquals(nodes, HardwareGpu.mayExist());
    }

    @Test
    void autoWithoutGpuNodesStaysOnTheCpuAndGpuStillFindsLavapipe() {
        VulkanBackend b = new VulkanBackend();
        try {
            if (!HardwareGpu.mayExist()) {
                assertNull(b.device("auto"), "no hardware GPU: auto renders on the CPU");
            }
            // the skipped probe leaves nothing cached: --backend gpu probes and takes the software device (CI: lavapipe)
            String gpu = b.device("gpu");
            assertNotNull(gpu);
            assertTrue(gpu.startsWith("gpu ("), gpu);
        } finally {
            b.close();
        }
    }
}
