package org.lumaflow.engine.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.IntBuffer;
import java.nio.LongBuffer;

import org.lumaflow.gpu.lwjgl.Lwjgl;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkApplicationInfo;
import org.lwjgl.vulkan.VkCommandPoolCreateInfo;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkDeviceCreateInfo;
import org.lwjgl.vulkan.VkDeviceQueueCreateInfo;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkInstanceCreateInfo;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.lwjgl.vulkan.VkPhysicalDeviceMemoryProperties;
import org.lwjgl.vulkan.VkQueue;

/**
 * A Vulkan device opened for compute: instance, logical device, one compute queue, a command pool. Create buffers and
 * kernels from it; close it last. Not thread-safe (one render thread drives it).
 */
public final class VulkanContext implements AutoCloseable {

    private final GpuDevice info;
    private final VkInstance instance;
    private final VkPhysicalDevice physical;
    private final VkDevice device;
    private final VkQueue queue;
    private final long commandPool;
    private final VkPhysicalDeviceMemoryProperties memory = VkPhysicalDeviceMemoryProperties.calloc();
    private FrameRecorder immediate;
    private volatile boolean closed;

    private VulkanContext(GpuDevice info, VkInstance instance, VkPhysicalDevice physical, VkDevice device,
            VkQueue queue, long commandPool) {
        this.info = info;
        this.instance = instance;
        this.physical = physical;
        this.device = device;
        this.queue = queue;
        this.commandPool = commandPool;
        vkGetPhysicalDeviceMemoryProperties(physical, memory);
    }

    /** Opens {@code gpu} (as found by {@link Gpus#select()}). */
    public static VulkanContext open(GpuDevice gpu) {
        Lwjgl.init();
        try (MemoryStack stack = stackPush()) {
            VkApplicationInfo app = VkApplicationInfo.calloc(stack).sType$Default()
                    .pApplicationName(stack.UTF8("Lumaflow")).apiVersion(VK_MAKE_API_VERSION(0, 1, 2, 0));
            VkInstanceCreateInfo ici = VkInstanceCreateInfo.calloc(stack).sType$Default().pApplicationInfo(app);
            PointerBuffer pp = stack.mallocPointer(1);
            check(vkCreateInstance(ici, null, pp), "vkCreateInstance");
            VkInstance instance = new VkInstance(pp.get(0), ici);
            IntBuffer n = stack.mallocInt(1);
            vkEnumeratePhysicalDevices(instance, n, null);
            PointerBuffer handles = stack.mallocPointer(n.get(0));
            vkEnumeratePhysicalDevices(instance, n, handles);
            if (gpu.index() >= n.get(0)) {
                vkDestroyInstance(instance, null);
                throw new IllegalStateException("Vulkan device " + gpu + " is gone");
            }
            VkPhysicalDevice physical = new VkPhysicalDevice(handles.get(gpu.index()), instance);
            VkDeviceQueueCreateInfo.Buffer qci = VkDeviceQueueCreateInfo.calloc(1, stack).sType$Default()
                    .queueFamilyIndex(gpu.computeQueueFamily()).pQueuePriorities(stack.floats(1f));
            VkDeviceCreateInfo dci = VkDeviceCreateInfo.calloc(stack).sType$Default().pQueueCreateInfos(qci);
            check(vkCreateDevice(physical, dci, null, pp), "vkCreateDevice");
            VkDevice device = new VkDevice(pp.get(0), physical, dci);
            vkGetDeviceQueue(device, gpu.computeQueueFamily(), 0, pp);
            VkQueue queue = new VkQueue(pp.get(0), device);
            VkCommandPoolCreateInfo cpi = VkCommandPoolCreateInfo.calloc(stack).sType$Default()
                    .flags(VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT).queueFamilyIndex(gpu.computeQueueFamily());
            LongBuffer lp = stack.mallocLong(1);
            check(vkCreateCommandPool(device, cpi, null, lp), "vkCreateCommandPool");
            return new VulkanContext(gpu, instance, physical, device, queue, lp.get(0));
        }
    }

    static void check(int result, String call) {
        if (result != VK_SUCCESS) {
            throw new IllegalStateException(call + " failed (VkResult " + result + ")");
        }
    }

    /** The device this context runs on. */
    public GpuDevice gpu() {
        return info;
    }

    VkDevice device() {
        return device;
    }

    VkQueue queue() {
        return queue;
    }

    long commandPool() {
        return commandPool;
    }

    /** Index of a memory type allowed by {@code typeBits} with all of {@code wanted}, preferring {@code nice} too. */
    int memoryType(int typeBits, int wanted, int nice) {
        int fallback = -1;
        for (int i = 0; i < memory.memoryTypeCount(); i++) {
            int flags = memory.memoryTypes(i).propertyFlags();
            if ((typeBits & (1 << i)) == 0 || (flags & wanted) != wanted) {
                continue;
            }
            if ((flags & nice) == nice) {
                return i;
            }
            if (fallback < 0) {
                fallback = i;
            }
        }
        if (fallback < 0) {
            throw new IllegalStateException("no suitable Vulkan memory type on " + info);
        }
        return fallback;
    }

    /** A host-visible storage buffer of {@code bytes}, persistently mapped. */
    public GpuBuffer buffer(long bytes) {
        return new GpuBuffer(this, bytes);
    }

    /** A device-local storage buffer of {@code bytes} (not mappable; fill it with {@link #copy}). */
    public GpuBuffer deviceBuffer(long bytes) {
        return new GpuBuffer(this, bytes, false);
    }

    /** Copies {@code bytes} from {@code src} to {@code dst} on the GPU and waits (uploads to device-local buffers). */
    public void copy(GpuBuffer src, GpuBuffer dst, long bytes) {
        FrameRecorder r = immediate();
        r.begin();
        r.copy(src, dst, bytes);
        r.submit();
        r.await();
    }

    /** The recorder for one-off work (uploads, {@link ComputeKernel#run}); created on first use. */
    FrameRecorder immediate() {
        if (immediate == null) {
            immediate = new FrameRecorder(this);
        }
        return immediate;
    }

    /** Compiles {@code glsl} (a compute shader) into a kernel over {@code buffers} storage buffers. */
    public ComputeKernel kernel(String name, String glsl, int buffers, int pushBytes) {
        return new ComputeKernel(this, name, glsl, buffers, pushBytes);
    }

    /** Whether the device was closed (objects still alive then must not call Vulkan). */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (immediate != null) {
            immediate.close();
        }
        vkDeviceWaitIdle(device);
        vkDestroyCommandPool(device, commandPool, null);
        vkDestroyDevice(device, null);
        vkDestroyInstance(instance, null);
        memory.free();
        closed = true;
    }
}
