package org.lumaflow.engine.vulkan.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.vulkan.ComputeKernel;
import org.lumaflow.engine.vulkan.FrameRecorder;
import org.lumaflow.engine.vulkan.GpuFrame;

/** The backend's own output kernels: RGBA to 4:2:0 before readback, and the preview downscale. */
final class Kernels {

    private static final ThreadLocal<ByteBuffer> PUSH = ThreadLocal
            .withInitial(() -> ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder()));

    private Kernels() {
    }

    /** {@code src} (RGBA8, w x h) -> {@code dst} (NV12 or I420, BT.709 limited range, same formulas as the CPU). */
    static void yuv420(GpuRuntime rt, FrameRecorder rec, GpuFrame src, int w, int h, GpuFrame dst, PixelFormat f) {
        boolean nv12 = f == PixelFormat.NV12;
        if (!nv12 && w % 8 != 0) {
            throw new UnsupportedOperationException("GPU I420 needs a width divisible by 8");
        }
        ComputeKernel k = rt.kernel(nv12 ? "rgba_to_nv12" : "rgba_to_i420", 2);
        ByteBuffer push = PUSH.get().clear();
        push.putInt(0, w).putInt(4, h).limit(8);
        int gx = GpuNodeContext.groups(nv12 ? w / 4 : w / 8, 8);
        rec.dispatch(k, gx, GpuNodeContext.groups(h / 2, 8), 1, push, src, dst);
    }

    /** {@code src} (RGBA8, w x h) -> {@code dst} (RGBA8, dw x dh), area average. */
    static void downscale(GpuRuntime rt, FrameRecorder rec, GpuFrame src, int w, int h, GpuFrame dst, int dw,
            int dh) {
        ComputeKernel k = rt.kernel("downscale", 2);
        ByteBuffer push = PUSH.get().clear();
        push.putInt(0, w).putInt(4, h).putInt(8, dw).putInt(12, dh);
        rec.dispatch(k, GpuNodeContext.groups(dw, 16), GpuNodeContext.groups(dh, 16), 1, push, src, dst);
    }
}
