package org.lumaflow.engine.vulkan;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.lumaflow.engine.vulkan.internal.VulkanProbe;

/**
 * Finds Vulkan devices and picks one: discrete &gt; integrated &gt; virtual &gt; CPU (lavapipe) by default;
 * {@code -Dlumaflow.gpu.device=NAME} picks the first device whose name contains NAME (case-insensitive),
 * {@code =cpu-backend} (or {@code off}) turns the GPU path off entirely.
 */
public final class Gpus {

    /** The system property of the override. */
    public static final String DEVICE_PROPERTY = "lumaflow.gpu.device";

    private Gpus() {
    }

    /** Enumerates the devices (a Vulkan instance is created and destroyed) and applies the selection rule. */
    public static GpuSelection select() {
        return select(System.getProperty(DEVICE_PROPERTY, "auto"));
    }

    /** Same with an explicit override ({@code auto}, {@code off}/{@code cpu-backend}, or part of a device name). */
    public static GpuSelection select(String override) {
        String o = override == null ? "auto" : override.trim().toLowerCase(Locale.ROOT);
        if (o.equals("off") || o.equals("cpu-backend")) {
            return new GpuSelection(List.of(), null, "GPU path turned off (" + DEVICE_PROPERTY + "=" + override
                    + "): rendering on the CPU backend");
        }
        VulkanProbe.Result probe = VulkanProbe.run();
        if (probe.error() != null) {
            return new GpuSelection(List.of(), null, probe.error() + ": rendering on the CPU backend");
        }
        return choose(probe.devices(), o);
    }

    /** The selection rule alone, for a given device list. */
    public static GpuSelection choose(List<GpuDevice> devices, String override) {
        List<GpuDevice> usable = devices.stream().filter(GpuDevice::usable).toList();
        if (usable.isEmpty()) {
            return new GpuSelection(devices, null, (devices.isEmpty() ? "no Vulkan device found"
                    : "no Vulkan device with a compute queue among " + devices) + ": rendering on the CPU backend");
        }
        if (!override.equals("auto")) {
            Optional<GpuDevice> match = usable.stream()
                    .filter(d -> d.name().toLowerCase(Locale.ROOT).contains(override)).findFirst();
            return match.map(d -> new GpuSelection(devices, d, "chosen by " + DEVICE_PROPERTY + "=" + override))
                    .orElseGet(() -> new GpuSelection(devices, null, "no Vulkan device matches " + DEVICE_PROPERTY
                            + "=" + override + " (found: " + usable + "): rendering on the CPU backend"));
        }
        GpuDevice best = usable.stream().min(Comparator.comparing(GpuDevice::type).thenComparing(GpuDevice::index))
                .orElseThrow();
        return new GpuSelection(devices, best, "best of " + usable.size() + " (discrete > integrated > virtual > cpu)");
    }
}
