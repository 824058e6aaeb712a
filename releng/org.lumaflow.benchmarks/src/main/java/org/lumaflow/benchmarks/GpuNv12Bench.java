package org.lumaflow.benchmarks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

import org.lumaflow.engine.vulkan.ComputeKernel;
import org.lumaflow.engine.vulkan.GpuBuffer;
import org.lumaflow.engine.vulkan.GpuSelection;
import org.lumaflow.engine.vulkan.Gpus;
import org.lumaflow.engine.vulkan.Shaders;
import org.lumaflow.engine.vulkan.VulkanContext;

/**
 * RGBA -> NV12 on the GPU with the result landing in host memory ("convert + readback"), per frame: the rendered
 * RGBA frame sits in device-local memory (as a GPU render leaves it), the kernel writes NV12 straight into a
 * host-visible (cached where offered) buffer, and the time runs from submit to the fence. Whole-call wall time,
 * median and p95 of N frames after warm-up, at 1080p and 4K.
 * <pre>java -cp benchmarks.jar org.lumaflow.benchmarks.GpuNv12Bench [FRAMES]</pre>
 */
public final class GpuNv12Bench {

    public static void main(String[] args) {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        GpuSelection s = Gpus.select();
        if (s.chosen() == null) {
            System.out.println("no GPU: " + s.reason());
            return;
        }
        System.out.println("device: " + s.chosen() + " (" + s.reason() + ")");
        try (VulkanContext ctx = VulkanContext.open(s.chosen());
                ComputeKernel k = ctx.kernel("rgba_to_nv12", Shaders.source("rgba_to_nv12"), 2, 8)) {
            for (int[] size : new int[][] {{1920, 1080}, {3840, 2160}}) {
                int w = size[0];
                int h = size[1];
                try (GpuBuffer staging = ctx.buffer((long) w * h * 4);
                        GpuBuffer rgba = ctx.deviceBuffer((long) w * h * 4);
                        GpuBuffer nv12 = ctx.buffer((long) w * h * 3 / 2)) {
                    Random rnd = new Random(1);
                    for (int i = 0; i < w * h; i++) {
                        staging.mapped().putInt(i * 4, rnd.nextInt() | 0xFF000000);
                    }
                    ctx.copy(staging, rgba, (long) w * h * 4);
                    ByteBuffer push = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder()).putInt(0, w)
                            .putInt(4, h);
                    long[] ns = new long[frames];
                    for (int i = -20; i < frames; i++) {
                        long t0 = System.nanoTime();
                        k.run((w / 4 + 7) / 8, (h / 2 + 7) / 8, 1, push, rgba, nv12);
                        long dt = System.nanoTime() - t0;
                        if (i >= 0) {
                            ns[i] = dt;
                        }
                    }
                    Arrays.sort(ns);
                    System.out.printf("%dx%d RGBA->NV12 into host memory: median %.3f ms, p95 %.3f ms, min %.3f ms"
                            + " (%d frames; %.1f MB written per frame)%n", w, h, ns[frames / 2] / 1e6,
                            ns[frames * 95 / 100] / 1e6, ns[0] / 1e6, frames, w * h * 1.5 / 1e6);
                }
            }
        }
    }
}
