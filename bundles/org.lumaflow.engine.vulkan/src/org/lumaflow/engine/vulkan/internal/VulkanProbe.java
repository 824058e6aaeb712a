package org.lumaflow.engine.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;

import org.lumaflow.engine.vulkan.GpuDevice;
import org.lumaflow.gpu.lwjgl.Lwjgl;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkApplicationInfo;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkInstanceCreateInfo;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.lwjgl.vulkan.VkPhysicalDeviceProperties;
import org.lwjgl.vulkan.VkQueueFamilyProperties;

/** Creates a throw-away Vulkan instance and lists the physical devices; any failure becomes a one-line reason. */
public final class VulkanProbe {

    /** Devices, or the reason there are none to look at. */
    public record Result(List<GpuDevice> devices, String error) {
    }

    private VulkanProbe() {
    }

    public static Result run() {
        try {
            Lwjgl.init();
            if (Lwjgl.vulkanLoader().isEmpty()) {
                return new Result(List.of(), "no Vulkan loader (libvulkan.so.1 is not installed; on Debian/Ubuntu: "
                        + "apt-get install libvulkan1)");
            }
            return enumerate();
        } catch (UnsatisfiedLinkError | IllegalStateException | ExceptionInInitializerError
                | NoClassDefFoundError e) {
            return new Result(List.of(), "no Vulkan loader (libvulkan.so.1): " + e.getMessage());
        }
    }

    private static Result enumerate() {
        try (MemoryStack stack = stackPush()) {
            VkApplicationInfo app = VkApplicationInfo.calloc(stack).sType$Default()
                    .pApplicationName(stack.UTF8("Lumaflow")).apiVersion(VK_MAKE_API_VERSION(0, 1, 2, 0));
            VkInstanceCreateInfo ci = VkInstanceCreateInfo.calloc(stack).sType$Default().pApplicationInfo(app);
            PointerBuffer pp = stack.mallocPointer(1);
            int r = vkCreateInstance(ci, null, pp);
            if (r != VK_SUCCESS) {
                return new Result(List.of(), "cannot create a Vulkan instance (VkResult " + r + ")");
            }
            VkInstance instance = new VkInstance(pp.get(0), ci);
            try {
                IntBuffer n = stack.mallocInt(1);
                vkEnumeratePhysicalDevices(instance, n, null);
                PointerBuffer handles = stack.mallocPointer(n.get(0));
                vkEnumeratePhysicalDevices(instance, n, handles);
                List<GpuDevice> out = new ArrayList<>();
                for (int i = 0; i < n.get(0); i++) {
                    out.add(describe(i, new VkPhysicalDevice(handles.get(i), instance), stack));
                }
                return new Result(out, null);
            } finally {
                vkDestroyInstance(instance, null);
            }
        }
    }

    private static GpuDevice describe(int index, VkPhysicalDevice pd, MemoryStack stack) {
        VkPhysicalDeviceProperties props = VkPhysicalDeviceProperties.calloc(stack);
        vkGetPhysicalDeviceProperties(pd, props);
        IntBuffer count = stack.mallocInt(1);
        vkGetPhysicalDeviceQueueFamilyProperties(pd, count, null);
        VkQueueFamilyProperties.Buffer families = VkQueueFamilyProperties.calloc(count.get(0), stack);
        vkGetPhysicalDeviceQueueFamilyProperties(pd, count, families);
        int compute = -1;
        for (int q = 0; q < count.get(0); q++) {
            if ((families.get(q).queueFlags() & VK_QUEUE_COMPUTE_BIT) != 0) {
                compute = q;
                break;
            }
        }
        GpuDevice.Type type = switch (props.deviceType()) {
            case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU -> GpuDevice.Type.DISCRETE;
            case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU -> GpuDevice.Type.INTEGRATED;
            case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU -> GpuDevice.Type.VIRTUAL;
            case VK_PHYSICAL_DEVICE_TYPE_CPU -> GpuDevice.Type.CPU;
            default -> GpuDevice.Type.OTHER;
        };
        int v = props.apiVersion();
        String api = VK_API_VERSION_MAJOR(v) + "." + VK_API_VERSION_MINOR(v) + "." + VK_API_VERSION_PATCH(v);
        return new GpuDevice(index, props.deviceNameString(), type, api, compute);
    }
}
