package org.lumaflow.engine.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.core.internal.ProductCache;
import java.nio.LongBuffer;

import org.lwjgl.system.MemoryStack;
import org.lwjgl.util.shaderc.Shaderc;
import org.lwjgl.vulkan.VkComputePipelineCreateInfo;
import org.lwjgl.vulkan.VkDescriptorSetLayoutBinding;
import org.lwjgl.vulkan.VkDescriptorSetLayoutCreateInfo;
import org.lwjgl.vulkan.VkPipelineLayoutCreateInfo;
import org.lwjgl.vulkan.VkPipelineShaderStageCreateInfo;
import org.lwjgl.vulkan.VkPushConstantRange;
import org.lwjgl.vulkan.VkShaderModuleCreateInfo;

/**
 * A GLSL compute shader compiled to SPIR-V at runtime (shaderc) with its pipeline: storage buffers at bindings
 * 0..n-1 and optional push constants. Frames record it with {@link FrameRecorder#dispatch}; {@link #run} is the
 * one-off form (record, submit, wait).
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

    /**
     * GLSL -> SPIR-V, cached on disk by the SHA-256 of the source (the product cache's {@code shaders} folder), so a
     * shader is compiled once per machine. The error names the shader and carries shaderc's message. Caller frees
     * the result.
     */
    static ByteBuffer compile(String name, String glsl) {
        Path cached = cacheFile(glsl);
        if (cached != null) {
            try {
                byte[] spv = Files.readAllBytes(cached);
                if (spv.length > 0 && spv.length % 4 == 0) {
                    return org.lwjgl.system.MemoryUtil.memAlloc(spv.length).put(spv).flip();
                }
            } catch (IOException e) {
                // not cached yet (or unreadable): compile
            }
        }
        ByteBuffer spv = shaderc(name, glsl);
        if (cached != null) {
            try {
                Files.createDirectories(cached.getParent());
                Path tmp = AtomicFiles.tempBeside(cached, ".tmp");
                byte[] bytes = new byte[spv.remaining()];
                spv.get(spv.position(), bytes);
                Files.write(tmp, bytes);
                Files.move(tmp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                System.getLogger("org.lumaflow.engine.vulkan").log(System.Logger.Level.DEBUG,
                        "shader cache not written: " + e);
            }
        }
        return spv;
    }

    /** The cache file for {@code glsl}, or null when there is no cache folder. */
    static Path cacheFile(String glsl) {
        try {
            java.io.File dir = ProductCache.dir("shaders", ComputeKernel.class);
            if (dir == null) {
                return null;
            }
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(glsl.getBytes(StandardCharsets.UTF_8));
            return dir.toPath().resolve(HexFormat.of().formatHex(hash) + ".spv");
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    private static ByteBuffer shaderc(String name, String glsl) {
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
        FrameRecorder r = ctx.immediate();
        r.begin();
        r.dispatch(this, gx, gy, gz, push, args);
        r.submit();
        r.await();
    }

    @Override
    public void close() {
        var dev = ctx.device();
        vkDeviceWaitIdle(dev);
        vkDestroyPipeline(dev, pipeline, null);
        vkDestroyPipelineLayout(dev, layout, null);
        vkDestroyDescriptorSetLayout(dev, setLayout, null);
        vkDestroyShaderModule(dev, module, null);
    }
}
