package org.lumaflow.engine.vulkan;

import java.util.List;

/**
 * The devices found and the one chosen. When {@link #chosen()} is null the CPU backend renders, and
 * {@link #reason()} is the one line saying why (no Vulkan loader, no device, none matching the override...).
 *
 * @param devices every device enumerated
 * @param chosen the device to use, or null
 * @param reason why this one (or why none)
 */
public record GpuSelection(List<GpuDevice> devices, GpuDevice chosen, String reason) {

    public GpuSelection {
        devices = List.copyOf(devices);
    }
}
