package org.lumaflow.decoder.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Rational;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService.Fit;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.decoder.internal.FFmpegMediaService;
import org.lumaflow.engine.timeline.Timeline;

/**
 * Files whose frame rate is not a whole number of ticks per frame: 2997/125 (an MPEG-4 AVI, as OpenCV's sample data)
 * and 1000000/33333 (FFV1 in AVI). Their timelines keep the exact rate and every picture is found at its frame's time.
 */
class DecoderAnyRateTest extends PooledTest {

    final FFmpegMediaService media = FFmpegMediaService.INSTANCE;

    @Test
    void mpeg4Avi2997Over125() throws Exception {
        check(TestClips.counter(dir, "r2997.avi", 64, 48, "2997/125", 50, "-c:v", "mpeg4", "-q:v", "2"),
                new FrameRate(2997, 125));
    }

    @Test
    void ffv1Avi1000000Over33333() throws Exception {
        check(TestClips.counter(dir, "r33333.avi", 64, 48, "1000000/33333", 50, "-c:v", "ffv1"),
                new FrameRate(1_000_000, 33_333));
    }

    private void check(Path file, FrameRate rate) throws Exception {
        MediaInfo info = media.probe(file);
        assertEquals(Rational.of(rate.num(), rate.den()), info.firstVideo().frameRate(), "probed rate");
        Timeline tl = MediaClips.timeline(info);
        assertEquals(rate, tl.format().rate(), "the timeline keeps the file's exact rate");
        assertEquals(50, tl.frameCount(), "frames of the timeline");
        try (VideoSource src = media.openVideo(file, 64, 48, Fit.FIT, pool, 3);
                Frame f = pool.lease(FrameKey.rgba(64, 48))) {
            for (int k = 0; k < 50; k++) {
                long t = rate.frameToTicks(k);
                long shown = src.read(t, f);
                assertEquals(k, DecoderTest.index(f), rate + ": frame " + k + " at its time");
                assertEquals(t, shown, rate + ": frame " + k + " is stamped on its boundary");
                assertEquals(k, DecoderTest.index(readAt(src, rate.frameToTicks(k + 1) - 1, f)),
                        rate + ": frame " + k + " until the next boundary");
            }
            for (int k : new int[] {40, 3, 27, 1, 49}) {
                src.read(rate.frameToTicks(k), f);
                assertEquals(k, DecoderTest.index(f), rate + ": frame " + k + " after a seek");
            }
        }
    }

    private static Frame readAt(VideoSource src, long t, Frame f) throws Exception {
        src.read(t, f);
        return f;
    }
}
