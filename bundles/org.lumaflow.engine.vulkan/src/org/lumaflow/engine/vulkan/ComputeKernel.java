package org.lumaflow.engine.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;

import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.util.shaderc.Shaderc;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkCommandBufferAllocateInfo;
import org.lwjgl.vulkan.VkCommandBufferBeginInfo;
import org.lwjgl.vulkan.VkComputePipelineCreateInfo;
import org.lwjgl.vulkan.VkDescriptorBufferInfo;
import org.lwjgl.vulkan.VkDescriptorPoolCreateInfo;
import org.lwjgl.vulkan.VkDescriptorPoolSize;
import org.lwjgl.vulkan.VkDescriptorSetAllocateInfo;
import org.lwjgl.vulkan.VkDescriptorSetLayoutBinding;
import org.lwjgl.vulkan.VkDescriptorSetLayoutCreateInfo;
import org.lwjgl.vulkan.VkFenceCreateInfo;
import org.lwjgl.vulkan.VkMemoryBarrier;
import org.lwjgl.vulkan.VkPipelineLayoutCreateInfo;
import org.lwjgl.vulkan.VkPipelineShaderStageCreateInfo;
import org.lwjgl.vulkan.VkPushConstantRange;
import org.lwjgl.vulkan.VkShaderModuleCreateInfo;
import org.lwjgl.vulkan.VkSubmitInfo;
import org.lwjgl.vulkan.VkWriteDescriptorSet;

/**
 * A GLSL compute shader compiled to SPIR-V at runtime (shaderc) with its pipeline: storage buffers at bindings
 * 0..n-1 and optional push constants. {@link #run} records, submits and waits; the frame-level backend will batch
 * a whole graph per submit instead (issue 4).
 */
public final class ComputeKernel implements AutoCloseable {

    private final VulkanContext ctx;
    private final String name;
    private final int buffers;
    private final int pushBytes;
    private final long module;
    private final long setLayout;
    private final long layout;
    private final long pipeline;
    private final long pool;
    private final long set;
    private final VkCommandBuffer commands;
    private final long fence;

    ComputeKernel(VulkanContext ctx, String name, String glsl, int buffers, int pushBytes) {
        this.ctx = ctx;
        this.name = name;
        this.buffers = buffers;
        this.pushBytes = pushBytes;
        var dev = ctx.device();
        try (MemoryStack stack = stackPush()) {
            LongBuffer lp = stack.mallocLong(1);
            ByteBuffer spv = compile(name, glsl);
            try {
                VkShaderModuleCreateInfo smi = VkShaderModuleCreateInfo.calloc(stack).sType$Default().pCode(spv);
                VulkanContext.check(vkCreateShaderModule(dev, smi, null, lp), "vkCreateShaderModule " + name);
                module = lp.get(0);
            } finally {
                org.lwjgl.system.MemoryUtil.memFree(spv);
            }
            VkDescriptorSetLayoutBinding.Buffer bindings = VkDescriptorSetLayoutBinding.calloc(buffers, stack);
            for (int i = 0; i < buffers; i++) {
                bindings.get(i).binding(i).descriptorType(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER).descriptorCount(1)
                        .stageFlags(VK_SHADER_STAGE_COMPUTE_BIT);
            }
            VkDescriptorSetLayoutCreateInfo dli = VkDescriptorSetLayoutCreateInfo.calloc(stack).sType$Default()
                    .pBindings(bindings);
            VulkanContext.check(vkCreateDescriptorSetLayout(dev, dli, null, lp), "vkCreateDescriptorSetLayout");
            setLayout = lp.get(0);
            VkPipelineLayoutCreateInfo pli = VkPipelineLayoutCreateInfo.calloc(stack).sType$Default()
                    .pSetLayouts(stack.longs(setLayout));
            if (pushBytes > 0) {
                pli.pPushConstantRanges(VkPushConstantRange.calloc(1, stack).stageFlags(VK_SHADER_STAGE_COMPUTE_BIT)
                        .offset(0).size(pushBytes));
            }
            VulkanContext.check(vkCreatePipelineLayout(dev, pli, null, lp), "vkCreatePipelineLayout");
            layout = lp.get(0);
            VkPipelineShaderStageCreateInfo stage = VkPipelineShaderStageCreateInfo.calloc(stack).sType$Default()
                    .stage(VK_SHADER_STAGE_COMPUTE_BIT).module(module).pName(stack.UTF8("main"));
            VkComputePipelineCreateInfo.Buffer cpi = VkComputePipelineCreateInfo.calloc(1, stack).sType$Default()
                    .stage(stage).layout(layout);
            VulkanContext.check(vkCreateComputePipelines(dev, VK_NULL_HANDLE, cpi, null, lp),
                    "vkCreateComputePipelines " + name);
            pipeline = lp.get(0);
            VkDescriptorPoolSize.Buffer sizes = VkDescriptorPoolSize.calloc(1, stack)
                    .type(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER).descriptorCount(buffers);
            VkDescriptorPoolCreateInfo dpi = VkDescriptorPoolCreateInfo.calloc(stack).sType$Default().maxSets(1)
                    .pPoolSizes(sizes);
            VulkanContext.check(vkCreateDescriptorPool(dev, dpi, null, lp), "vkCreateDescriptorPool");
            pool = lp.get(0);
            VkDescriptorSetAllocateInfo dsa = VkDescriptorSetAllocateInfo.calloc(stack).sType$Default()
                    .descriptorPool(pool).pSetLayouts(stack.longs(setLayout));
            VulkanContext.check(vkAllocateDescriptorSets(dev, dsa, lp), "vkAllocateDescriptorSets");
            set = lp.get(0);
            VkCommandBufferAllocateInfo cba = VkCommandBufferAllocateInfo.calloc(stack).sType$Default()
                    .commandPool(ctx.commandPool()).level(VK_COMMAND_BUFFER_LEVEL_PRIMARY).commandBufferCount(1);
            PointerBuffer pp = stack.mallocPointer(1);
            VulkanContext.check(vkAllocateCommandBuffers(dev, cba, pp), "vkAllocateCommandBuffers");
            commands = new VkCommandBuffer(pp.get(0), dev);
            VulkanContext.check(vkCreateFence(dev, VkFenceCreateInfo.calloc(stack).sType$Default(), null, lp),
                    "vkCreateFence");
            fence = lp.get(0);
        }
    }

    String name() {
        return name;
    }

    int buffers() {
        return buffers;
    }

    int pushBytes() {
        return pushBytes;
    }

    long pipeline() {
        return pipeline;
    }

    long layout() {
        return layout;
    }

    long setLayout() {
        return setLayout;
    }

    /** GLSL -> SPIR-V; the error names the shader and carries shaderc's message. Caller frees the result. */
    static ByteBuffer compile(String name, String glsl) {
        long compiler = Shaderc.shaderc_compiler_initialize();
        if (compiler == 0) {
            throw new IllegalStateException("shaderc is not available");
        }
        try {
            long result = Shaderc.shaderc_compile_into_spv(compiler, glsl, Shaderc.shaderc_glsl_compute_shader, name,
                    "main", 0L);
            try {
                if (Shaderc.shaderc_result_get_compilation_status(result)
                        != Shaderc.shaderc_compilation_status_success) {
                    throw new IllegalArgumentException("shader " + name + " does not compile: "
                            + Shaderc.shaderc_result_get_error_message(result));
                }
                ByteBuffer spv = Shaderc.shaderc_result_get_bytes(result);
                ByteBuffer copy = org.lwjgl.system.MemoryUtil.memAlloc(spv.remaining());
                copy.put(spv).flip();
                return copy;
            } finally {
                Shaderc.shaderc_result_release(result);
            }
        } finally {
            Shaderc.shaderc_compiler_release(compiler);
        }
    }

    /**
     * Runs the kernel over a {@code gx x gy x gz} grid of work groups on {@code args} (bindings 0..n-1) with
     * {@code push} constants (may be null), and waits for it; results are then visible in the buffers' mapped memory.
     */
    public void run(int gx, int gy, int gz, ByteBuffer push, GpuBuffer... args) {
        if (args.length != buffers) {
            throw new IllegalArgumentException(name + " takes " + buffers + " buffers, got " + args.length);
        }
        var dev = ctx.device();
        try (MemoryStack stack = stackPush()) {
            VkWriteDescriptorSet.Buffer writes = VkWriteDescriptorSet.calloc(buffers, stack);
            for (int i = 0; i < buffers; i++) {
                VkDescriptorBufferInfo.Buffer info = VkDescriptorBufferInfo.calloc(1, stack).buffer(args[i].handle())
                        .offset(0).range(VK_WHOLE_SIZE);
                writes.get(i).sType$Default().dstSet(set).dstBinding(i)
                        .descriptorType(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER).descriptorCount(1).pBufferInfo(info);
            }
            vkUpdateDescriptorSets(dev, writes, null);
            vkResetCommandBuffer(commands, 0);
            VulkanContext.check(vkBeginCommandBuffer(commands, VkCommandBufferBeginInfo.calloc(stack).sType$Default()
                    .flags(VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT)), "vkBeginCommandBuffer");
            vkCmdBindPipeline(commands, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline);
            vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_COMPUTE, layout, 0, stack.longs(set), null);
            if (push != null && pushBytes > 0) {
                vkCmdPushConstants(commands, layout, VK_SHADER_STAGE_COMPUTE_BIT, 0, push);
            }
            vkCmdDispatch(commands, gx, gy, gz);
            VkMemoryBarrier.Buffer toHost = VkMemoryBarrier.calloc(1, stack).sType$Default()
                    .srcAccessMask(VK_ACCESS_SHADER_WRITE_BIT).dstAccessMask(VK_ACCESS_HOST_READ_BIT);
            vkCmdPipelineBarrier(commands, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0,
                    toHost, null, null);
            VulkanContext.check(vkEndCommandBuffer(commands), "vkEndCommandBuffer");
            VkSubmitInfo submit = VkSubmitInfo.calloc(stack).sType$Default().pCommandBuffers(stack.pointers(commands));
            vkResetFences(dev, fence);
            VulkanContext.check(vkQueueSubmit(ctx.queue(), submit, fence), "vkQueueSubmit " + name);
            VulkanContext.check(vkWaitForFences(dev, fence, true, 10_000_000_000L), "vkWaitForFences " + name);
        }
    }

    @Override
    public void close() {
        var dev = ctx.device();
        vkDeviceWaitIdle(dev);
        vkDestroyFence(dev, fence, null);
        vkDestroyDescriptorPool(dev, pool, null);
        vkDestroyPipeline(dev, pipeline, null);
        vkDestroyPipelineLayout(dev, layout, null);
        vkDestroyDescriptorSetLayout(dev, setLayout, null);
        vkDestroyShaderModule(dev, module, null);
    }
}
