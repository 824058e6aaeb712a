package org.lumaflow.decoder.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaService.Fit;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.decoder.internal.FFmpegMediaService;

/**
 * Pictures a few pixels wide decoded to RGBA at their own size ({@code probe --decode}, thumbnails): every pixel is
 * right and nothing is written past the frame (FFmpeg's scaler writes whole blocks of pixels per row; a 2x2 picture
 * used to corrupt the native heap and crash the JVM).
 */
class TinyPictureTest extends PooledTest {

    @Test
    void tinyPicturesDecodeExactly() throws Exception {
        int[][] sizes = {{2, 2}, {4, 4}, {8, 8}, {6, 10}, {30, 4}};
        for (int[] s : sizes) {
            int w = s[0];
            int h = s[1];
            Path clip = TestClips.counter(dir, "tiny_" + w + "x" + h + ".mkv", w, h, "25", 10, "-c:v", "ffv1");
            for (int round = 0; round < 20; round++) { // many frames: a heap overrun shows up as a crash
                try (VideoSource src = FFmpegMediaService.INSTANCE.openVideo(clip, w, h, Fit.STRETCH, pool, 3);
                        Frame f = pool.lease(FrameKey.rgba(w, h))) {
                    for (int k = 0; k < 10; k++) {
                        src.read(k * (Ticks.PER_SECOND / 25), f);
                        for (int px = 0; px < w * h; px++) {
                            assertEquals(k, TestClips.counterIndex(f.buffer().get(px * 4) & 0xFF),
                                    w + "x" + h + " frame " + k + " pixel " + px);
                            assertEquals(-1, f.buffer().get(px * 4 + 3), "opaque");
                        }
                    }
                }
            }
        }
    }
}
