package org.lumaflow.decoder.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.decoder.MediaService.Fit;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.decoder.internal.FFmpegMediaService;

/**
 * Automatic hardware decoding never picks a Vulkan device (on machines without CUDA/VAAPI/QSV it is lavapipe, a
 * software device that crashed the process natively after a few decoders), and many decoders opened and closed in
 * one JVM keep working.
 */
class HardwareDecodeTest extends PooledTest {

    @Test
    void autoNeverDecodesThroughVulkanAndManyDecodersOpenAndClose() throws Exception {
        Path clip = TestClips.counter(dir, "h264.mp4", 320, 240, "25", 20, "-c:v", "libopenh264");
        String old = System.getProperty("lumaflow.hwdecode");
        System.setProperty("lumaflow.hwdecode", "auto");
        try {
            for (int i = 0; i < 12; i++) {
                try (VideoSource src = FFmpegMediaService.INSTANCE.openVideo(clip, 320, 240, Fit.FIT, pool, 3);
                        Frame f = pool.lease(FrameKey.rgba(320, 240))) {
                    String decoder = src.decoder();
                    assertFalse(decoder.contains("via vulkan"), "auto picked Vulkan: " + decoder);
                    src.read(0, f);
                    src.read(src.stream().durationTicks() / 2, f);
                    assertTrue(src.decodedFrames() > 0, decoder);
                }
            }
        } finally {
            if (old == null) {
                System.clearProperty("lumaflow.hwdecode");
            } else {
                System.setProperty("lumaflow.hwdecode", old);
            }
        }
    }
}
