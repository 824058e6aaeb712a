package org.lumaflow.engine.vulkan.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.render.FrameStats;
import org.lumaflow.engine.vulkan.FrameRecorder;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuFrameKey;

/**
 * The reduction primitive: per-channel sums and sums of squares plus a 256-bin luma histogram of an RGBA8 frame, in
 * two stages (blocks of 16384 pixels into 32-bit partials, then one work group adding them in 64 bits), so only
 * {@value #RESULT_BYTES} bytes are read back.
 */
final class Reduction {

    static final int BLOCK = 16384;
    static final int RESULT_WORDS = 16 + 256;
    static final int RESULT_BYTES = RESULT_WORDS * 4;
    private static final ThreadLocal<ByteBuffer> PUSH = ThreadLocal
            .withInitial(() -> ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()));

    private Reduction() {
    }

    /** Records the reduction of {@code rgba} into a host-visible result frame (returned; the caller releases it). */
    static GpuFrame record(GpuRuntime rt, FrameRecorder rec, GpuFrame rgba, int w, int h) {
        int pixels = w * h;
        int blocks = (pixels + BLOCK - 1) / BLOCK;
        GpuFrame result = rt.pool().lease(new GpuFrameKey(RESULT_WORDS, 4, PixelFormat.GRAY8, Usage.SCRATCH, true));
        GpuFrame partials = rt.pool().lease(new GpuFrameKey(blocks * 8, 4, PixelFormat.GRAY8, Usage.SCRATCH,
                false));
        rec.hold(partials);
        rec.fill(result.buffer(), 0);
        ByteBuffer push = PUSH.get();
        push.clear();
        push.putInt(0, pixels);
        rec.dispatch(rt.kernel("reduce_partial", 3), blocks, 1, 1, push, rgba, partials, result);
        push.putInt(0, blocks);
        rec.dispatch(rt.kernel("reduce_final", 2), 1, 1, 1, push, partials, result);
        return result;
    }

    /** Reads the statistics out of a finished result frame. */
    static FrameStats read(GpuFrame result, long pixels) {
        ByteBuffer b = result.buffer().mapped();
        long[] sum = new long[4];
        long[] sq = new long[4];
        long[] hist = new long[256];
        for (int ch = 0; ch < 4; ch++) {
            sum[ch] = (b.getInt(ch * 4) & 0xFFFFFFFFL) | ((long) b.getInt((4 + ch) * 4) << 32);
            sq[ch] = (b.getInt((8 + ch) * 4) & 0xFFFFFFFFL) | ((long) b.getInt((12 + ch) * 4) << 32);
        }
        for (int i = 0; i < 256; i++) {
            hist[i] = b.getInt((16 + i) * 4) & 0xFFFFFFFFL;
        }
        return new FrameStats(pixels, sum, sq, hist);
    }
}
