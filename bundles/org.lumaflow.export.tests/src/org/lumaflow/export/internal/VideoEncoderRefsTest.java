package org.lumaflow.export.internal;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * Pooled frames lent to the encoder by reference: the same packets as when FFmpeg copies each picture, every frame
 * back in its pool afterwards, a frame FFmpeg keeps stays retained until FFmpeg drops it, and a frame costs no
 * allocation of pixel memory.
 */
class VideoEncoderRefsTest {

    private static final int W = 320;
    private static final int H = 240;

    @TempDir
    Path dir;

    /** A moving pattern, different in every frame (so the encoder has real work and real motion). */
    private static void paint(Frame f, int k) {
        ByteBuffer b = f.buffer();
        int luma = W * H;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                b.put(y * W + x, (byte) (16 + ((x + 3 * k) ^ (y + k)) % 220));
            }
        }
        for (int i = luma; i < b.capacity(); i++) {
            b.put(i, (byte) (128 + ((i / 7 + k) % 40) - 20));
        }
    }

    private byte[] encode(String encoder, PixelFormat prefer, boolean byReference, Path out, int frames)
            throws Exception {
        String old = System.getProperty("lumaflow.export.frameRefs");
        System.setProperty("lumaflow.export.frameRefs", Boolean.toString(byReference));
        try (FramePool pool = new FramePool()) {
            try (VideoEncoder enc = new VideoEncoder(encoder, out, "h264", W, H, FrameRate.FPS_25, 12,
                    Map.of("b", "800000"), false, prefer)) {
                FrameKey key = new FrameKey(W, H, enc.input(), Usage.ENCODE);
                for (int k = 0; k < frames; k++) {
                    Frame f = pool.lease(key);
                    paint(f, k);
                    enc.encode(f, k);
                    f.release();
                }
                enc.finish();
                assertEquals(0, enc.framesLent(), "after the flush FFmpeg holds no frame");
            }
            assertEquals(0, pool.stats().outstanding(), "every frame is back in the pool: " + pool.stats());
        } finally {
            if (old == null) {
                System.clearProperty("lumaflow.export.frameRefs");
            } else {
                System.setProperty("lumaflow.export.frameRefs", old);
            }
        }
        return Files.readAllBytes(out);
    }

    @Test
    void lentFramesGiveTheSamePacketsAsCopiedOnes() throws Exception {
        String encoder = "libopenh264"; // in the LGPL build the tests run with; libx264 where the codec pack is
        assertTrue(VideoEncoder.byReference(encoder));
        byte[] copied = encode(encoder, null, false, dir.resolve("copied.h264"), 40);
        byte[] lent = encode(encoder, null, true, dir.resolve("lent.h264"), 40);
        assertTrue(copied.length > 1000, "encoded something: " + copied.length + " bytes");
        assertArrayEquals(copied, lent, "lending the frames changed the packets");
        if (org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name("libx264") != null) {
            byte[] nv12 = encode("libx264", PixelFormat.NV12, false, dir.resolve("x264-nv12.h264"), 40);
            byte[] i420 = encode("libx264", PixelFormat.I420, true, dir.resolve("x264-i420.h264"), 40);
            assertArrayEquals(nv12, i420, "x264 fed I420 by reference differs from NV12 copied");
        }
    }

    @Test
    void aFrameFFmpegKeepsStaysRetainedUntilFFmpegDropsIt() throws Exception {
        FFmpeg.load();
        try (FramePool pool = new FramePool(); FrameRefs refs = new FrameRefs()) {
            Frame f = pool.lease(new FrameKey(W, H, PixelFormat.I420, Usage.ENCODE));
            BytePointer base = new BytePointer(f.buffer());
            AVFrame ours = av_frame_alloc();
            AVFrame theirs = av_frame_alloc(); // what an encoder with frames in flight keeps
            ours.format(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
            ours.width(W);
            ours.height(H);
            ours.data(0, base);
            ours.linesize(0, W);
            ours.buf(0, refs.refFor(f, base));
            assertEquals(0, av_frame_ref(theirs, ours));
            ours.buf(0, null);
            refs.sent(f);
            assertEquals(2, f.refCount(), "retained for FFmpeg");
            assertEquals(1, refs.outstanding());
            assertEquals(base.address(), theirs.data(0).address(), "FFmpeg's frame points at the pooled memory");
            f.release(); // the producer is done with it; FFmpeg still reads it
            assertEquals(1, f.refCount());
            refs.collect();
            assertEquals(1, f.refCount(), "not released while FFmpeg holds a reference");
            av_frame_unref(theirs);
            refs.collect();
            assertEquals(0, f.refCount(), "released once FFmpeg dropped it");
            assertEquals(0, refs.outstanding());
            assertEquals(0, pool.stats().outstanding());
            av_frame_free(theirs);
            ours.data(0, null);
            av_frame_free(ours);
        }
    }

    @Test
    void steadyStateEncodingAllocatesNoPixelMemory() throws Exception {
        Method allocated = ClassLoader.getPlatformClassLoader().loadClass("com.sun.management.ThreadMXBean")
                .getMethod("getCurrentThreadAllocatedBytes");
        Object bean = ManagementFactory.getThreadMXBean();
        try (FramePool pool = new FramePool();
                VideoEncoder enc = new VideoEncoder("libopenh264", null, null, W, H, FrameRate.FPS_25, 12,
                        Map.of("b", "800000"))) {
            FrameKey key = new FrameKey(W, H, enc.input(), Usage.ENCODE);
            Frame[] frames = new Frame[4];
            for (int i = 0; i < frames.length; i++) {
                frames[i] = pool.lease(key);
                paint(frames[i], i);
            }
            int k = 0;
            for (; k < 200; k++) { // warm up
                enc.encode(frames[k % 4], k);
            }
            long before = (Long) allocated.invoke(bean);
            for (int n = 0; n < 200; n++, k++) {
                enc.encode(frames[k % 4], k);
            }
            long perFrame = ((Long) allocated.invoke(bean) - before) / 200;
            System.out.println("encode: " + perFrame + " bytes allocated per frame on the encoder thread");
            assertTrue(perFrame < 1024, "allocated per frame: " + perFrame);
            enc.finish();
            for (Frame f : frames) {
                f.release();
            }
        }
    }
}
