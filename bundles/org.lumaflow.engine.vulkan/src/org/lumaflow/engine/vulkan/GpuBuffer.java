package org.lumaflow.engine.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;

import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.vulkan.VkBufferCreateInfo;
import org.lwjgl.vulkan.VkMemoryAllocateInfo;
import org.lwjgl.vulkan.VkMemoryRequirements;

/**
 * A storage buffer: either in host-visible, coherent (host-cached where offered) memory, mapped for its whole life
 * (uploads, readbacks), or in device-local memory (what kernels should read and write on a discrete GPU).
 */
public final class GpuBuffer implements AutoCloseable {

    private final VulkanContext ctx;
    private final long handle;
    private final long memory;
    private final long size;
    private final ByteBuffer mapped;

    GpuBuffer(VulkanContext ctx, long size) {
        this(ctx, size, true);
    }

    GpuBuffer(VulkanContext ctx, long size, boolean hostVisible) {
        this.ctx = ctx;
        this.size = size;
        try (MemoryStack stack = stackPush()) {
            VkBufferCreateInfo bci = VkBufferCreateInfo.calloc(stack).sType$Default().size(size)
                    .usage(VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT
                            | VK_BUFFER_USAGE_TRANSFER_DST_BIT)
                    .sharingMode(VK_SHARING_MODE_EXCLUSIVE);
            LongBuffer lp = stack.mallocLong(1);
            VulkanContext.check(vkCreateBuffer(ctx.device(), bci, null, lp), "vkCreateBuffer");
            handle = lp.get(0);
            VkMemoryRequirements req = VkMemoryRequirements.calloc(stack);
            vkGetBufferMemoryRequirements(ctx.device(), handle, req);
            int type = hostVisible
                    ? ctx.memoryType(req.memoryTypeBits(),
                            VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT,
                            VK_MEMORY_PROPERTY_HOST_CACHED_BIT)
                    : ctx.memoryType(req.memoryTypeBits(), 0, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
            VkMemoryAllocateInfo mai = VkMemoryAllocateInfo.calloc(stack).sType$Default()
                    .allocationSize(req.size()).memoryTypeIndex(type);
            VulkanContext.check(vkAllocateMemory(ctx.device(), mai, null, lp), "vkAllocateMemory");
            memory = lp.get(0);
            VulkanContext.check(vkBindBufferMemory(ctx.device(), handle, memory, 0), "vkBindBufferMemory");
            if (hostVisible) {
                PointerBuffer pp = stack.mallocPointer(1);
                VulkanContext.check(vkMapMemory(ctx.device(), memory, 0, size, 0, pp), "vkMapMemory");
                mapped = MemoryUtil.memByteBuffer(pp.get(0), (int) size).order(ByteOrder.nativeOrder());
            } else {
                mapped = null;
            }
        }
    }

    /** The buffer's memory, mapped (writes are visible to the GPU at the next submit; coherent); null if device-local. */
    public ByteBuffer mapped() {
        return mapped;
    }

    /** Size in bytes. */
    public long size() {
        return size;
    }

    long handle() {
        return handle;
    }

    @Override
    public void close() {
        if (ctx.isClosed()) {
            return; // freed with the device
        }
        if (mapped != null) {
            vkUnmapMemory(ctx.device(), memory);
        }
        vkDestroyBuffer(ctx.device(), handle, null);
        vkFreeMemory(ctx.device(), memory, null);
    }
}
