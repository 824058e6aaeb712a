package org.lumaflow.engine.vulkan;

/**
 * A Vulkan physical device as enumerated.
 *
 * @param index position in the driver's enumeration
 * @param name device name ({@code "NVIDIA H100 80GB HBM3"}, {@code "llvmpipe (LLVM 15.0.6, 256 bits)"})
 * @param type what kind of device it is
 * @param apiVersion Vulkan version it supports, {@code major.minor.patch}
 * @param computeQueueFamily a queue family with compute support, or -1 when it has none
 */
public record GpuDevice(int index, String name, Type type, String apiVersion, int computeQueueFamily) {

    /** Device kinds, in the order the automatic choice prefers them. */
    public enum Type {
        DISCRETE, INTEGRATED, VIRTUAL, CPU, OTHER
    }

    /** Whether it can run the backend's compute shaders. */
    public boolean usable() {
        return computeQueueFamily >= 0;
    }

    @Override
    public String toString() {
        return name + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + ", Vulkan " + apiVersion + ")";
    }
}
