package org.lumaflow.engine.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;

import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkBufferCopy;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkCommandBufferAllocateInfo;
import org.lwjgl.vulkan.VkCommandBufferBeginInfo;
import org.lwjgl.vulkan.VkCommandPoolCreateInfo;
import org.lwjgl.vulkan.VkDescriptorBufferInfo;
import org.lwjgl.vulkan.VkDescriptorPoolCreateInfo;
import org.lwjgl.vulkan.VkDescriptorPoolSize;
import org.lwjgl.vulkan.VkDescriptorSetAllocateInfo;
import org.lwjgl.vulkan.VkFenceCreateInfo;
import org.lwjgl.vulkan.VkMemoryBarrier;
import org.lwjgl.vulkan.VkSubmitInfo;
import org.lwjgl.vulkan.VkWriteDescriptorSet;

/**
 * Records a whole frame's kernels into one command buffer and submits it once: each {@link #dispatch} gets its own
 * descriptor set (from a pool reset per frame) and a compute-to-compute barrier, so a node reads what the previous
 * one wrote; {@link #submit} ends with a barrier for host reads and signals a fence that {@link #await} waits on.
 * Several recorders (2-3) let frames overlap: record frame N+1 while N runs; frames a submission uses are
 * {@link #hold held} until its fence. Not thread-safe.
 */
public final class FrameRecorder implements AutoCloseable {

    /** Descriptor sets (dispatches) per frame. */
    public static final int MAX_DISPATCHES = 256;
    /** Bytes of per-frame constants ({@link #constants}). */
    public static final int ARENA_BYTES = 4 << 20;
    private static final int ALIGN = 256;

    private final VulkanContext ctx;
    /** Own command pool: pools may not be used from two threads at once, and graphs render on their own threads. */
    private final long commandPool;
    private final VkCommandBuffer commands;
    private final long descriptorPool;
    private final long fence;
    private final java.util.ArrayList<GpuFrame> held = new java.util.ArrayList<>();
    /** Per-frame constants (tables, kernels), host-visible, reset at {@link #begin}. */
    private final GpuBuffer arena;
    /**
     * Device-local copy of the arena that kernels bind (null: they read host memory directly): a discrete GPU
     * reading tables over PCIe per pixel is slow, so the used part is copied up by a small command buffer submitted
     * just before the frame's. {@code -Dlumaflow.gpu.constants=host} turns it off.
     */
    private final GpuBuffer deviceArena;
    private final VkCommandBuffer uploads;
    private long arenaUsed;
    private final long[] bindHandles = new long[8];
    private final long[] bindOffsets = new long[8];
    private final long[] bindRanges = new long[8];
    private boolean recording;
    private boolean pending;
    private int dispatches;

    public FrameRecorder(VulkanContext ctx) {
        this.ctx = ctx;
        this.arena = ctx.buffer(ARENA_BYTES);
        boolean device = !"host".equals(System.getProperty("lumaflow.gpu.constants"));
        this.deviceArena = device ? ctx.deviceBuffer(ARENA_BYTES) : null;
        var dev = ctx.device();
        try (MemoryStack stack = stackPush()) {
            PointerBuffer pp = stack.mallocPointer(1);
            LongBuffer pool = stack.mallocLong(1);
            VulkanContext.check(vkCreateCommandPool(dev, VkCommandPoolCreateInfo.calloc(stack).sType$Default()
                    .flags(VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT)
                    .queueFamilyIndex(ctx.gpu().computeQueueFamily()), null, pool), "vkCreateCommandPool");
            commandPool = pool.get(0);
            VulkanContext.check(vkAllocateCommandBuffers(dev, VkCommandBufferAllocateInfo.calloc(stack)
                    .sType$Default().commandPool(commandPool).level(VK_COMMAND_BUFFER_LEVEL_PRIMARY)
                    .commandBufferCount(1), pp), "vkAllocateCommandBuffers");
            commands = new VkCommandBuffer(pp.get(0), dev);
            VulkanContext.check(vkAllocateCommandBuffers(dev, VkCommandBufferAllocateInfo.calloc(stack)
                    .sType$Default().commandPool(commandPool).level(VK_COMMAND_BUFFER_LEVEL_PRIMARY)
                    .commandBufferCount(1), pp), "vkAllocateCommandBuffers");
            uploads = new VkCommandBuffer(pp.get(0), dev);
            LongBuffer lp = stack.mallocLong(1);
            VkDescriptorPoolSize.Buffer sizes = VkDescriptorPoolSize.calloc(1, stack)
                    .type(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER).descriptorCount(MAX_DISPATCHES * 8);
            VulkanContext.check(vkCreateDescriptorPool(dev, VkDescriptorPoolCreateInfo.calloc(stack).sType$Default()
                    .maxSets(MAX_DISPATCHES).pPoolSizes(sizes), null, lp), "vkCreateDescriptorPool");
            descriptorPool = lp.get(0);
            VulkanContext.check(vkCreateFence(dev, VkFenceCreateInfo.calloc(stack).sType$Default(), null, lp),
                    "vkCreateFence");
            fence = lp.get(0);
        }
    }

    /** Starts recording a frame (waits for this recorder's previous frame first). */
    public void begin() {
        await();
        var dev = ctx.device();
        vkResetDescriptorPool(dev, descriptorPool, 0);
        vkResetCommandBuffer(commands, 0);
        try (MemoryStack stack = stackPush()) {
            VulkanContext.check(vkBeginCommandBuffer(commands, VkCommandBufferBeginInfo.calloc(stack).sType$Default()
                    .flags(VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT)), "vkBeginCommandBuffer");
            if (deviceArena != null) {
                // the constants upload (submitted just before, in the same batch) lands before any kernel reads it
                VkMemoryBarrier.Buffer up = VkMemoryBarrier.calloc(1, stack).sType$Default()
                        .srcAccessMask(VK_ACCESS_TRANSFER_WRITE_BIT).dstAccessMask(VK_ACCESS_SHADER_READ_BIT);
                vkCmdPipelineBarrier(commands, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT,
                        0, up, null, null);
            }
        }
        recording = true;
        dispatches = 0;
        arenaUsed = 0;
    }

    /** Records {@code kernel} over {@code gx x gy x gz} work groups on {@code frames} (bindings 0..n-1). */
    public void dispatch(ComputeKernel kernel, int gx, int gy, int gz, ByteBuffer push, GpuFrame... frames) {
        for (int i = 0; i < frames.length; i++) {
            bind(i, frames[i].buffer());
        }
        dispatch(kernel, gx, gy, gz, push, frames.length);
    }

    /** Same on plain buffers. */
    public void dispatch(ComputeKernel kernel, int gx, int gy, int gz, ByteBuffer push, GpuBuffer... frames) {
        for (int i = 0; i < frames.length; i++) {
            bind(i, frames[i]);
        }
        dispatch(kernel, gx, gy, gz, push, frames.length);
    }

    /** Sets binding {@code slot} of the next {@link #dispatch(ComputeKernel, int, int, int, ByteBuffer, int)}. */
    public void bind(int slot, GpuBuffer buffer) {
        bindHandles[slot] = buffer.handle();
        bindOffsets[slot] = 0;
        bindRanges[slot] = VK_WHOLE_SIZE;
    }

    /** Sets binding {@code slot} to a slice. */
    public void bind(int slot, GpuSlice slice) {
        bindHandles[slot] = slice.buffer().handle();
        bindOffsets[slot] = slice.offset();
        bindRanges[slot] = slice.range();
    }

    /** Records {@code kernel} on the buffers bound to slots 0..{@code count}-1. */
    public void dispatch(ComputeKernel kernel, int gx, int gy, int gz, ByteBuffer push, int count) {
        if (!recording) {
            throw new IllegalStateException("dispatch outside begin/submit");
        }
        if (count != kernel.buffers()) {
            throw new IllegalArgumentException(kernel.name() + " takes " + kernel.buffers() + " buffers, got " + count);
        }
        if (++dispatches > MAX_DISPATCHES) {
            throw new IllegalStateException("more than " + MAX_DISPATCHES + " dispatches in one frame");
        }
        var dev = ctx.device();
        try (MemoryStack stack = stackPush()) {
            LongBuffer lp = stack.mallocLong(1);
            VulkanContext.check(vkAllocateDescriptorSets(dev, VkDescriptorSetAllocateInfo.calloc(stack)
                    .sType$Default().descriptorPool(descriptorPool).pSetLayouts(stack.longs(kernel.setLayout())), lp),
                    "vkAllocateDescriptorSets");
            long set = lp.get(0);
            VkWriteDescriptorSet.Buffer writes = VkWriteDescriptorSet.calloc(count, stack);
            for (int i = 0; i < count; i++) {
                writes.get(i).sType$Default().dstSet(set).dstBinding(i)
                        .descriptorType(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER).descriptorCount(1)
                        .pBufferInfo(VkDescriptorBufferInfo.calloc(1, stack).buffer(bindHandles[i])
                                .offset(bindOffsets[i]).range(bindRanges[i]));
            }
            vkUpdateDescriptorSets(dev, writes, null);
            vkCmdBindPipeline(commands, VK_PIPELINE_BIND_POINT_COMPUTE, kernel.pipeline());
            vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_COMPUTE, kernel.layout(), 0, stack.longs(set),
                    null);
            if (push != null && kernel.pushBytes() > 0) {
                vkCmdPushConstants(commands, kernel.layout(), VK_SHADER_STAGE_COMPUTE_BIT, 0, push);
            }
            vkCmdDispatch(commands, gx, gy, gz);
            barrier(stack, VK_ACCESS_SHADER_WRITE_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);
        }
    }

    /**
     * {@code bytes} of this frame's constant arena (host-visible, aligned for binding), valid until the frame's
     * fence: write them before {@link #submit}.
     */
    public GpuSlice constants(int bytes) {
        long at = (arenaUsed + ALIGN - 1) & -ALIGN;
        if (at + bytes > ARENA_BYTES) {
            throw new IllegalStateException("more than " + ARENA_BYTES + " bytes of constants in one frame");
        }
        arenaUsed = at + bytes;
        ByteBuffer b = arena.mapped().slice((int) at, bytes).order(java.nio.ByteOrder.nativeOrder());
        return new GpuSlice(deviceArena != null ? deviceArena : arena, at, bytes, b);
    }

    /**
     * Makes what the last command wrote ({@code srcAccess} in {@code srcStage}) visible to every later kernel, copy
     * and fill in this command buffer.
     */
    private void barrier(MemoryStack stack, int srcAccess, int srcStage) {
        VkMemoryBarrier.Buffer next = VkMemoryBarrier.calloc(1, stack).sType$Default().srcAccessMask(srcAccess)
                .dstAccessMask(VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_READ_BIT
                        | VK_ACCESS_TRANSFER_WRITE_BIT);
        vkCmdPipelineBarrier(commands, srcStage, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT,
                0, next, null, null);
    }

    /** Records a copy of {@code bytes} from {@code src} to {@code dst} (uploads to device-local memory). */
    public void copy(GpuBuffer src, GpuBuffer dst, long bytes) {
        copy(src, 0, dst, 0, bytes);
    }

    /** Records a copy of {@code bytes} from {@code src} at {@code srcOffset} to {@code dst} at {@code dstOffset}. */
    public void copy(GpuBuffer src, long srcOffset, GpuBuffer dst, long dstOffset, long bytes) {
        if (!recording) {
            throw new IllegalStateException("copy outside begin/submit");
        }
        try (MemoryStack stack = stackPush()) {
            vkCmdCopyBuffer(commands, src.handle(), dst.handle(),
                    VkBufferCopy.calloc(1, stack).srcOffset(srcOffset).dstOffset(dstOffset).size(bytes));
            barrier(stack, VK_ACCESS_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT);
        }
    }

    /** Records a fill of {@code buffer} with the 32-bit {@code value}. */
    public void fill(GpuBuffer buffer, int value) {
        if (!recording) {
            throw new IllegalStateException("fill outside begin/submit");
        }
        try (MemoryStack stack = stackPush()) {
            vkCmdFillBuffer(commands, buffer.handle(), 0, VK_WHOLE_SIZE, value);
            barrier(stack, VK_ACCESS_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT);
        }
    }

    /**
     * Abandons a frame being recorded (after an error): nothing is submitted and held frames are released.
     */
    public void abort() {
        if (recording) {
            vkEndCommandBuffer(commands);
            recording = false;
        }
        if (pending) {
            try {
                await();
            } catch (RuntimeException e) {
                // still running (or the device is lost): keep it pending with its frames held; begin() waits again
            }
            return;
        }
        for (GpuFrame f : held) {
            f.release();
        }
        held.clear();
    }

    /** Whether a frame is being recorded. */
    public boolean recording() {
        return recording;
    }

    /**
     * Takes over a reference to {@code frame} until this frame's work has finished on the GPU: intermediates are
     * handed here instead of being released at once, so the pool cannot give them to a later frame that might
     * overwrite them while this one still reads them.
     */
    public void hold(GpuFrame frame) {
        held.add(frame);
    }

    /** Ends the frame and submits it; returns at once (no wait). */
    public void submit() {
        if (!recording) {
            throw new IllegalStateException("submit without begin");
        }
        var dev = ctx.device();
        recording = false; // ended below whatever happens: abort() must not end it again
        try (MemoryStack stack = stackPush()) {
            VkMemoryBarrier.Buffer toHost = VkMemoryBarrier.calloc(1, stack).sType$Default()
                    .srcAccessMask(VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT)
                    .dstAccessMask(VK_ACCESS_HOST_READ_BIT);
            vkCmdPipelineBarrier(commands, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT,
                    VK_PIPELINE_STAGE_HOST_BIT, 0, toHost, null, null);
            VulkanContext.check(vkEndCommandBuffer(commands), "vkEndCommandBuffer");
            vkResetFences(dev, fence);
            PointerBuffer batch;
            if (deviceArena != null && arenaUsed > 0) {
                vkResetCommandBuffer(uploads, 0);
                VulkanContext.check(vkBeginCommandBuffer(uploads, VkCommandBufferBeginInfo.calloc(stack)
                        .sType$Default().flags(VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT)), "vkBeginCommandBuffer");
                vkCmdCopyBuffer(uploads, arena.handle(), deviceArena.handle(),
                        VkBufferCopy.calloc(1, stack).srcOffset(0).dstOffset(0).size(arenaUsed));
                VulkanContext.check(vkEndCommandBuffer(uploads), "vkEndCommandBuffer");
                batch = stack.pointers(uploads, commands);
            } else {
                batch = stack.pointers(commands);
            }
            synchronized (ctx) { // the queue is shared by every recorder: submissions must not overlap
                VulkanContext.check(vkQueueSubmit(ctx.queue(), VkSubmitInfo.calloc(stack).sType$Default()
                        .pCommandBuffers(batch), fence), "vkQueueSubmit");
            }
        }
        recording = false;
        pending = true;
    }

    /** Waits until the submitted frame finished on the GPU (no-op when nothing is pending). */
    public void await() {
        if (!pending) {
            return;
        }
        VulkanContext.check(vkWaitForFences(ctx.device(), fence, true, 10_000_000_000L), "vkWaitForFences");
        pending = false;
        for (GpuFrame f : held) {
            f.release();
        }
        held.clear();
    }


    /** Dispatches recorded in the current (or last) frame. */
    public int dispatches() {
        return dispatches;
    }

    @Override
    public void close() {
        await();
        var dev = ctx.device();
        vkDestroyFence(dev, fence, null);
        vkDestroyDescriptorPool(dev, descriptorPool, null);
        arena.close();
        if (deviceArena != null) {
            deviceArena.close();
        }
        vkFreeCommandBuffers(dev, commandPool, commands);
        vkFreeCommandBuffers(dev, commandPool, uploads);
        vkDestroyCommandPool(dev, commandPool, null);
    }
}
