package org.lumaflow.engine.vulkan.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.internal.convert.RgbaToNv12;
import org.lumaflow.engine.vulkan.ComputeKernel;
import org.lumaflow.engine.vulkan.GpuBuffer;
import org.lumaflow.engine.vulkan.GpuSelection;
import org.lumaflow.engine.vulkan.Gpus;
import org.lumaflow.engine.vulkan.Shaders;
import org.lumaflow.engine.vulkan.VulkanContext;

/** The RGBA -> NV12 compute kernel on the selected device (lavapipe in CI) against the CPU converter. */
class Nv12KernelTest {

    static VulkanContext ctx;
    static ComputeKernel kernel;
    static FramePool pool;

    @BeforeAll
    static void open() {
        GpuSelection s = Gpus.select("auto");
        assertNotNull(s.chosen(), s.reason());
        ctx = VulkanContext.open(s.chosen());
        kernel = ctx.kernel("rgba_to_nv12", Shaders.source("rgba_to_nv12"), 2, 8);
        pool = new FramePool();
    }

    @AfterAll
    static void close() {
        kernel.close();
        ctx.close();
        pool.close();
    }

    @Test
    void gpuNv12IsByteIdenticalToTheCpuConverter() {
        for (int[] size : new int[][] {{64, 36}, {320, 180}, {1284, 722}}) {
            int w = size[0];
            int h = size[1];
            try (Frame rgba = pool.lease(FrameKey.rgba(w, h));
                    Frame cpu = pool.lease(new FrameKey(w, h, PixelFormat.NV12, Usage.ENCODE));
                    GpuBuffer in = ctx.buffer((long) w * h * 4);
                    GpuBuffer out = ctx.buffer((long) w * h * 3 / 2)) {
                Random rnd = new Random(w);
                for (int i = 0; i < w * h; i++) {
                    rgba.buffer().putInt(i * 4, rnd.nextInt() | 0xFF000000);
                }
                new RgbaToNv12(false).convert(rgba, cpu);
                in.mapped().put(0, rgba.buffer(), 0, w * h * 4);
                ByteBuffer push = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder()).putInt(0, w)
                        .putInt(4, h);
                kernel.run((w / 4 + 7) / 8, (h / 2 + 7) / 8, 1, push, in, out);
                int differ = 0;
                int max = 0;
                for (int i = 0; i < w * h * 3 / 2; i++) {
                    int d = Math.abs((cpu.buffer().get(i) & 0xFF) - (out.mapped().get(i) & 0xFF));
                    max = Math.max(max, d);
                    differ += d == 0 ? 0 : 1;
                }
                assertEquals(0, max, w + "x" + h + ": " + differ + " bytes differ, max " + max);
            }
        }
    }

    @Test
    void aShaderThatDoesNotCompileIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ctx.kernel("broken", "#version 450\nvoid main() { nope(); }\n", 1, 0));
        assertTrue(e.getMessage().startsWith("shader broken does not compile: ") && e.getMessage().contains("nope"),
                e.getMessage());
    }
}
