package org.lumaflow.engine.vulkan.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.engine.vulkan.GpuDevice;
import org.lumaflow.engine.vulkan.GpuDevice.Type;
import org.lumaflow.engine.vulkan.GpuSelection;
import org.lumaflow.engine.vulkan.Gpus;

class DeviceSelectionTest {

    static final GpuDevice CPU = new GpuDevice(0, "llvmpipe (LLVM 15, 256 bits)", Type.CPU, "1.3.0", 0);
    static final GpuDevice IGPU = new GpuDevice(1, "Intel(R) UHD 770", Type.INTEGRATED, "1.3.0", 0);
    static final GpuDevice DGPU = new GpuDevice(2, "NVIDIA RTX 4070", Type.DISCRETE, "1.3.0", 2);
    static final GpuDevice NO_COMPUTE = new GpuDevice(3, "Display only", Type.DISCRETE, "1.1.0", -1);

    @Test
    void automaticChoicePrefersDiscreteThenIntegratedThenCpu() {
        assertEquals(DGPU, Gpus.choose(List.of(CPU, IGPU, DGPU), "auto").chosen());
        assertEquals(IGPU, Gpus.choose(List.of(CPU, IGPU), "auto").chosen());
        assertEquals(CPU, Gpus.choose(List.of(CPU, NO_COMPUTE), "auto").chosen(), "no compute queue: unusable");
    }

    @Test
    void overrideByNameAndClearFallbacks() {
        assertEquals(IGPU, Gpus.choose(List.of(CPU, IGPU, DGPU), "intel").chosen());
        GpuSelection none = Gpus.choose(List.of(CPU, DGPU), "radeon");
        assertNull(none.chosen());
        assertTrue(none.reason().contains("no Vulkan device matches") && none.reason().contains("llvmpipe")
                && none.reason().endsWith("rendering on the CPU backend"), none.reason());
        GpuSelection empty = Gpus.choose(List.of(), "auto");
        assertNull(empty.chosen());
        assertEquals("no Vulkan device found: rendering on the CPU backend", empty.reason());
        GpuSelection off = Gpus.select("off");
        assertNull(off.chosen());
        assertTrue(off.reason().startsWith("GPU path turned off"), off.reason());
    }

    @Test
    void thisMachineHasLavapipe() {
        // CI installs Mesa's lavapipe (.ci/run): a CPU Vulkan device with compute
        GpuSelection s = Gpus.select("auto");
        System.out.println("Vulkan devices: " + s.devices() + " -> " + s.chosen() + " (" + s.reason() + ")");
        assertNotNull(s.chosen(), s.reason());
        assertTrue(s.devices().stream().anyMatch(d -> d.type() == Type.CPU && d.name().contains("llvmpipe")),
                s.devices().toString());
        GpuSelection byName = Gpus.select("LLVMpipe");
        assertNotNull(byName.chosen(), byName.reason());
        assertEquals(Type.CPU, byName.chosen().type());
        assertTrue(byName.reason().startsWith("chosen by lumaflow.gpu.device"), byName.reason());
    }
}
