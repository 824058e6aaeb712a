package org.lumaflow.decoder.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.decoder.tests.TestClips;

/**
 * The transcode's decoder thread count (one on small machines) changes nothing in the pictures: the same I420 bytes
 * and timestamps, frame for frame, as FFmpeg's automatic (frame-threaded) count.
 */
class DecoderThreadsTest {

    @TempDir
    Path dir;

    private static List<byte[]> decode(Path clip, int threads) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (FramePool pool = new FramePool(); VideoDecoder dec = new VideoDecoder(clip, false, threads);
                YuvCopier copy = new YuvCopier(PixelFormat.I420)) {
            FrameKey key = new FrameKey(dec.info().width(), dec.info().height(), PixelFormat.I420, Usage.DECODE);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            while (dec.next()) {
                try (Frame f = pool.lease(key)) {
                    copy.convert(dec.frame(), f);
                    for (int i = 0; i < f.buffer().capacity(); i++) {
                        md.update(f.buffer().get(i));
                    }
                    md.update(Long.toString(dec.pts()).getBytes());
                    out.add(md.digest());
                }
            }
        }
        return out;
    }

    @Test
    void oneThreadDecodesTheSamePicturesAsFrameThreads() throws Exception {
        Path clip = dir.resolve("moving.mp4");
        TestClips.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-frames:v", "40", "-pix_fmt",
                "yuv420p", "-c:v", "libopenh264", "-b:v", "400k", clip.toString());
        List<byte[]> threaded = decode(clip, 0);
        List<byte[]> single = decode(clip, 1);
        assertEquals(40, threaded.size());
        assertEquals(threaded.size(), single.size());
        for (int i = 0; i < threaded.size(); i++) {
            assertArrayEquals(threaded.get(i), single.get(i), "picture " + i);
        }
    }

    @Test
    void smallMachinesDecodeATranscodeOnOneThread() {
        if (Integer.getInteger("lumaflow.decode.threads") == null) {
            assertEquals(Runtime.getRuntime().availableProcessors() <= 2 ? 1 : 0, VideoDecoder.transcodeThreads());
        }
    }
}
