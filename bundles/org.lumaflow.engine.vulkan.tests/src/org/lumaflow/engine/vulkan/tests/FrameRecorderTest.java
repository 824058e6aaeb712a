package org.lumaflow.engine.vulkan.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.PoolStats;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.internal.convert.RgbaToNv12;
import org.lumaflow.engine.vulkan.ComputeKernel;
import org.lumaflow.engine.vulkan.FrameRecorder;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuFrameKey;
import org.lumaflow.engine.vulkan.GpuFramePool;
import org.lumaflow.engine.vulkan.GpuSelection;
import org.lumaflow.engine.vulkan.Gpus;
import org.lumaflow.engine.vulkan.Shaders;
import org.lumaflow.engine.vulkan.VulkanContext;

/** Whole frames (two kernels each) recorded into one submission, two frames in flight, results checked per frame. */
class FrameRecorderTest {

    record InFlight(FrameRecorder recorder, GpuFrame out, int color) {
    }

    @Test
    void twoFramesInFlightEachOneSubmission() {
        GpuSelection s = Gpus.select("auto");
        assertNotNull(s.chosen(), s.reason());
        int w = 96;
        int h = 54;
        try (VulkanContext ctx = VulkanContext.open(s.chosen());
                ComputeKernel solid = ctx.kernel("solid", Shaders.source("solid"), 1, 8);
                ComputeKernel nv12 = ctx.kernel("rgba_to_nv12", Shaders.source("rgba_to_nv12"), 2, 8);
                GpuFramePool pool = new GpuFramePool(ctx, 16L << 20);
                FrameRecorder r0 = new FrameRecorder(ctx);
                FrameRecorder r1 = new FrameRecorder(ctx);
                FramePool cpuPool = new FramePool()) {
            ByteBuffer solidPush = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
            ByteBuffer convPush = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder()).putInt(0, w)
                    .putInt(4, h);
            GpuFrameKey rgbaKey = GpuFrameKey.rgba(w, h);
            GpuFrameKey nv12Key = new GpuFrameKey(w, h, PixelFormat.NV12, Usage.ENCODE, true);
            ArrayDeque<InFlight> flying = new ArrayDeque<>();
            int checked = 0;
            for (int k = 0; k < 40; k++) {
                FrameRecorder rec = k % 2 == 0 ? r0 : r1;
                if (flying.size() == 2) {
                    checked += check(flying.poll(), w, h, cpuPool);
                }
                rec.begin();
                int color = 0xFF000000 | (k * 6) << 16 | (255 - k * 5) << 8 | (k * 3);
                GpuFrame rgba = pool.lease(rgbaKey);
                GpuFrame out = pool.lease(nv12Key);
                rec.dispatch(solid, (w * h + 63) / 64, 1, 1, solidPush.putInt(0, w * h).putInt(4, color), rgba);
                rec.dispatch(nv12, (w / 4 + 7) / 8, (h / 2 + 7) / 8, 1, convPush, rgba, out);
                rec.submit();
                rec.hold(rgba); // back to the pool only after this frame's fence: no later frame overwrites it early
                flying.add(new InFlight(rec, out, color));
                assertEquals(2, rec.dispatches());
            }
            while (!flying.isEmpty()) {
                checked += check(flying.poll(), w, h, cpuPool);
            }
            assertEquals(40, checked);
            PoolStats ps = pool.stats();
            assertEquals(0, ps.outstanding(), ps.toString());
            assertTrue(ps.allocations() <= 6, "frames reused across frames in flight: " + ps);
        }
    }

    private static int check(InFlight f, int w, int h, FramePool cpuPool) {
        f.recorder().await();
        try (Frame rgba = cpuPool.lease(FrameKey.rgba(w, h));
                Frame ref = cpuPool.lease(new FrameKey(w, h, PixelFormat.NV12, Usage.ENCODE))) {
            for (int i = 0; i < w * h; i++) {
                rgba.buffer().putInt(i * 4, f.color());
            }
            new RgbaToNv12(false).convert(rgba, ref);
            ByteBuffer got = f.out().buffer().mapped();
            for (int i = 0; i < w * h * 3 / 2; i++) {
                assertEquals(ref.buffer().get(i), got.get(i), "colour " + Integer.toHexString(f.color()) + " byte "
                        + i);
            }
        }
        f.out().release();
        return 1;
    }
}
