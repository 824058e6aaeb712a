package org.lumaflow.decoder.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.MediaService.Fit;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Retime;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/**
 * Speed changes of {@code media.video} clips, checked by frame number: the clips show their frame number as 16 binary
 * bars ({@link TestClips#numbered}), so every rendered frame names the source frame it shows.
 */
class SpeedTest {

    @TempDir
    static Path dir;
    static Engine engine;
    static MediaService media;
    static Path clip25;
    static Path clip2997;
    static final FrameRate R25 = FrameRate.FPS_25;

    @BeforeAll
    static void setUp() throws Exception {
        BundleContext bc = OsgiTests.startAll(SpeedTest.class);
        engine = OsgiTests.service(bc, Engine.class);
        media = OsgiTests.service(bc, MediaService.class);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (engine.registry().snapshot().type("media.video") == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        clip25 = TestClips.numbered(dir, "n25.mkv", "25", 10_010, "-c:v", "ffv1");
        // MP4 stores 29.97 fps timestamps exactly (MKV rounds them to 1 ms: times within 0.5 ms of a frame
        // boundary would count as on it)
        clip2997 = TestClips.numbered(dir, "n2997.mp4", "30000/1001", 120, "-c:v", "mpeg4", "-q:v", "2", "-g", "1");
    }

    @AfterAll
    static void tearDown() {
        engine = null;
    }

    /** A 25 fps timeline holding {@code file} from source frame {@code inFrame} for {@code frames} frames. */
    static TimelineRenderer timeline(Path file, FrameRate srcRate, long inFrame, long frames, Retime retime) {
        Timeline tl = new Timeline(new VideoFormat(TestClips.NUMBERED_W, TestClips.NUMBERED_H, R25));
        Track t = new Track("V1");
        Clip c = new Clip("c", new GraphNode("c", "media.video").set("file", file.toString()), 0,
                srcRate.frameToTicks(inFrame), R25.frameToTicks(frames));
        c.setRetime(retime);
        t.clips().add(c);
        tl.tracks().add(t);
        return new TimelineRenderer(engine, tl, dir);
    }

    static int shown(TimelineRenderer r, long frame) throws Exception {
        try (RenderResult res = r.renderFrame(frame, TestClips.NUMBERED_W, TestClips.NUMBERED_H)) {
            assertTrue(res.clean(), "frame " + frame + ": " + res.messages());
            return TestClips.number(res.frame());
        }
    }

    @Test
    void doubleSpeedShowsEveryOtherFrame() throws Exception {
        TimelineRenderer r = timeline(clip25, R25, 10, 20, Retime.speed(2));
        for (int k = 0; k < 20; k++) {
            assertEquals(10 + 2 * k, shown(r, k), "timeline frame " + k);
        }
    }

    @Test
    void halfSpeedShowsEachFrameTwice() throws Exception {
        TimelineRenderer r = timeline(clip25, R25, 5, 20, Retime.speed(0.5));
        for (int k = 0; k < 20; k++) {
            assertEquals(5 + k / 2, shown(r, k), "timeline frame " + k);
        }
    }

    @Test
    void reverseStartsOnTheRangesLastFrame() throws Exception {
        TimelineRenderer r = timeline(clip25, R25, 100, 30, Retime.speed(-1));
        for (int k = 0; k < 30; k++) {
            assertEquals(129 - k, shown(r, k), "timeline frame " + k);
        }
    }

    @Test
    void halfSpeedReverseShowsEachFrameTwiceBackwards() throws Exception {
        TimelineRenderer r = timeline(clip25, R25, 40, 20, Retime.speed(-0.5));
        for (int k = 0; k < 20; k++) {
            assertEquals(40 + 9 - k / 2, shown(r, k), "timeline frame " + k);
        }
    }

    @Test
    void freezeHoldsTheInFrame() throws Exception {
        TimelineRenderer r = timeline(clip25, R25, 77, 10, Retime.freeze());
        for (int k = 0; k < 10; k++) {
            assertEquals(77, shown(r, k), "timeline frame " + k);
        }
    }

    @Test
    void ntscSourceOnA25Timeline() throws Exception {
        FrameRate ntsc = FrameRate.FPS_29_97;
        for (double rate : new double[] {1, 0.5, -1}) {
            TimelineRenderer r = timeline(clip2997, ntsc, 3, 50, Retime.speed(rate));
            for (int k = 0; k < 50; k++) {
                // source frame at or before the mapped time: floor(seconds * 30000 / 1001)
                long d = rate >= 0 ? k : 50 - 1 - k;
                long expected = 3 + Math.floorDiv(d * 30000L * (rate == 0.5 ? 1 : 2), 25L * 1001 * 2);
                assertEquals(expected, shown(r, k), "rate " + rate + ", timeline frame " + k);
            }
        }
    }

    @Test
    void longClipsDoNotDrift() throws Exception {
        TimelineRenderer r = timeline(clip25, R25, 0, 20_010, Retime.speed(0.5));
        assertEquals(10_000, shown(r, 20_000));
        assertEquals(10_000, shown(r, 20_001));
        assertEquals(10_001, shown(r, 20_002));
        TimelineRenderer third = timeline(clip25, R25, 0, 30_000, Retime.speed(1.0 / 3));
        assertEquals(9_999, shown(third, 29_999));
        assertEquals(9_333, shown(third, 28_000)); // 28000 / 3 = 9333.33: at or before
    }

    @Test
    void blendMixesNeighbouringFramesByDistance() throws Exception {
        Path counter = TestClips.counter(dir, "counter.mkv", 64, 48, "25", 40, "-c:v", "ffv1");
        int[] level = new int[40];
        Timeline plain = new Timeline(new VideoFormat(64, 48, R25));
        Track pt = new Track("V1");
        pt.clips().add(new Clip("p", new GraphNode("p", "media.video").set("file", counter.toString()), 0, 0,
                R25.frameToTicks(40)));
        plain.tracks().add(pt);
        TimelineRenderer pr = new TimelineRenderer(engine, plain, dir);
        for (int i = 0; i < 40; i++) {
            try (RenderResult res = pr.renderFrame(i, 64, 48)) {
                level[i] = MediaNodeTest.red(res);
            }
        }
        Timeline tl = new Timeline(new VideoFormat(64, 48, R25));
        Track t = new Track("V1");
        Clip c = new Clip("b", new GraphNode("b", "media.video").set("file", counter.toString()), 0,
                R25.frameToTicks(2), R25.frameToTicks(40));
        c.setRetime(new Retime(0.4, Retime.Frames.BLEND, true));
        t.clips().add(c);
        tl.tracks().add(t);
        TimelineRenderer r = new TimelineRenderer(engine, tl, dir);
        for (int k = 0; k < 40; k++) {
            // source position 2 + 0.4 k frames: frames i and i + 1 mixed by the fractional part
            int i = 2 + (2 * k) / 5;
            double w = ((2 * k) % 5) / 5.0;
            double expected = level[i] * (1 - w) + level[Math.min(i + 1, 17)] * w;
            try (RenderResult res = r.renderFrame(k, 64, 48)) {
                assertTrue(res.clean(), res.messages().toString());
                assertEquals(expected, MediaNodeTest.red(res), 1.0, "timeline frame " + k + " (w " + w + ")");
            }
        }
    }

    @Test
    void reverseReadingDecodesEachWindowOnce() throws Exception {
        Path gop = TestClips.counter(dir, "gop.mp4", 64, 48, "25", 50, "-c:v", "mpeg4", "-q:v", "2", "-g", "25",
                "-bf", "0");
        FramePool pool = new FramePool(FramePool.Config.defaults());
        try (VideoSource src = media.openVideo(gop, 64, 48, Fit.FIT, pool, 3)) {
            for (int i = 49; i >= 0; i--) {
                Frame f = src.frame(R25.frameToTicks(i));
                try {
                    int red = f.buffer().get((24 * 64 + 32) * 4) & 0xFF;
                    assertEquals(i, TestClips.counterIndex(red), "frame " + i);
                } finally {
                    f.release();
                }
            }
            // one seek per window of 12 frames, each decoding from its keyframe: far below a seek per frame
            // (which decodes sum over frames of (distance to keyframe + 1) = 650 pictures here)
            assertTrue(src.decodedFrames() < 250, "decoded " + src.decodedFrames() + " pictures, "
                    + src.seeks() + " seeks");
            assertTrue(src.seeks() <= 6, src.seeks() + " seeks");
            System.out.println("reverse read of 50 frames (GOP 25): " + src.decodedFrames() + " pictures decoded, "
                    + src.seeks() + " seeks");
        }
    }
}
