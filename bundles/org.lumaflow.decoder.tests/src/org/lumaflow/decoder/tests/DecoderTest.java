package org.lumaflow.decoder.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.time.Rational;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService.Fit;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.decoder.internal.FFmpegMediaService;

class DecoderTest {

    static final long TPF25 = Ticks.PER_SECOND / 25;

    @TempDir
    static Path dir;
    static Path ffv1;
    static Path h264;
    static FramePool pool;
    final FFmpegMediaService media = FFmpegMediaService.INSTANCE;

    @BeforeAll
    static void clips() throws Exception {
        ffv1 = TestClips.counter(dir, "counter.mkv", 64, 48, "25", 50, "-c:v", "ffv1");
        h264 = TestClips.counter(dir, "counter.mp4", 64, 48, "25", 50, "-c:v", "libopenh264", "-b:v", "4M",
                "-g", "12");
        pool = new FramePool(FramePool.Config.defaults().withLeakTracking(true));
    }

    @AfterAll
    static void noLeaks() {
        pool.checkNoLeaks();
    }

    static int index(Frame f) {
        return TestClips.counterIndex(f.buffer().get(((f.height() / 2) * f.width() + f.width() / 2) * 4) & 0xFF);
    }

    @Test
    void probeDescribesTheStream() throws Exception {
        MediaInfo info = media.probe(h264);
        assertTrue(info.container().contains("mp4"), info.container());
        VideoStreamInfo v = info.firstVideo();
        assertEquals("h264", v.codec());
        assertEquals(64, v.width());
        assertEquals(48, v.height());
        assertEquals(Rational.of(25), v.frameRate());
        assertFalse(v.variableFrameRate());
        assertEquals(50, v.frames());
        assertEquals(Ticks.ofSeconds(2), v.durationTicks());
        assertEquals(0, v.rotation());
        assertTrue(info.audio().isEmpty());
    }

    @Test
    void everyFrameAtItsExactTimeIncludingBoundaries() throws Exception {
        try (VideoSource src = media.openVideo(ffv1, 64, 48, Fit.FIT, pool, 3);
                Frame f = pool.lease(FrameKey.rgba(64, 48))) {
            for (int i = 0; i < 50; i++) {
                assertEquals(i * TPF25, src.read(i * TPF25, f));
                assertEquals(i, index(f), "frame at its start tick");
                src.read(i * TPF25 + TPF25 - 1, f);
                assertEquals(i, index(f), "frame at its last tick");
            }
            assertEquals(0, src.seeks(), "a forward read never seeks");
            assertTrue(src.decoder().startsWith("ffv1 in software"), src.decoder());
            assertEquals(50, src.decodedFrames());
        }
    }

    @Test
    void randomAccessSeeksToTheExactFrame() throws Exception {
        try (VideoSource src = media.openVideo(h264, 64, 48, Fit.FIT, pool, 3);
                Frame f = pool.lease(FrameKey.rgba(64, 48))) {
            Random rnd = new Random(7);
            for (int k = 0; k < 40; k++) {
                int i = rnd.nextInt(50);
                src.read(i * TPF25 + rnd.nextLong(TPF25), f);
                assertEquals(i, index(f), "random read " + k);
            }
            assertTrue(src.seeks() > 0);
        }
    }

    @Test
    void decodesAheadWhileTheCallerIsBusy() throws Exception {
        try (VideoSource src = media.openVideo(ffv1, 64, 48, Fit.FIT, pool, 4);
                Frame f = pool.lease(FrameKey.rgba(64, 48))) {
            src.read(0, f);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (src.decodedFrames() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(5, src.decodedFrames(), "frame 0 plus 4 ahead, and no more");
        }
    }

    @Test
    void variableFrameRateTimestampsAreHonoured() throws Exception {
        // 10 frames at 25 fps, then 10 frames at 8.33 fps (on the encoder's 40 ms grid)
        Path vfr = dir.resolve("vfr.mkv");
        TestClips.ffmpeg("-f", "lavfi", "-i",
                "nullsrc=s=32x32:r=25,format=yuv420p,geq=lum='16+4*N':cb=128:cr=128,"
                        + "settb=1/1000,setpts='if(lt(N,10),N*0.04,0.4+(N-10)*0.12)/TB'",
                "-frames:v", "20", "-fps_mode", "passthrough", "-c:v", "ffv1", vfr.toString());
        assertTrue(media.probe(vfr).firstVideo().variableFrameRate());
        try (VideoSource src = media.openVideo(vfr, 32, 32, Fit.FIT, pool, 3);
                Frame f = pool.lease(FrameKey.rgba(32, 32))) {
            for (int i = 0; i < 20; i++) {
                long start = i < 10 ? Ticks.ofMillis(40L * i) : Ticks.ofMillis(400 + 120L * (i - 10));
                assertEquals(start, src.read(start, f));
                assertEquals(i, index(f));
                src.read(start - 1, f);
                assertEquals(Math.max(0, i - 1), index(f), "one tick before frame " + i);
            }
        }
    }

    @Test
    void rotationMetadataIsApplied() throws Exception {
        Path plain = dir.resolve("halves.mp4");
        Path rot = dir.resolve("rot.mp4");
        // left half white, right half black; then tagged "displayed rotated 90 degrees counter-clockwise"
        TestClips.ffmpeg("-f", "lavfi", "-i",
                "nullsrc=s=64x48:r=25,format=yuv420p,geq=lum='if(lt(X,32),235,16)':cb=128:cr=128",
                "-frames:v", "3", "-c:v", "libopenh264", "-b:v", "2M", plain.toString());
        TestClips.ffmpeg("-display_rotation:v:0", "90", "-i", plain.toString(), "-c", "copy", rot.toString());
        VideoStreamInfo v = media.probe(rot).firstVideo();
        assertEquals(270, v.rotation(), "clockwise");
        assertEquals(48, v.displayWidth());
        assertEquals(64, v.displayHeight());
        try (VideoSource src = media.openVideo(rot, 48, 64, Fit.FIT, pool, 2);
                Frame f = pool.lease(FrameKey.rgba(48, 64))) {
            src.read(0, f);
            int top = f.buffer().get((8 * 48 + 24) * 4) & 0xFF;
            int bottom = f.buffer().get((56 * 48 + 24) * 4) & 0xFF;
            assertTrue(top < 10 && bottom > 245, "top " + top + " bottom " + bottom);
        }
    }

    @Test
    void oddDimensionsDecode() throws Exception {
        Path odd = TestClips.counter(dir, "odd.mkv", 63, 47, "25", 5, "-c:v", "ffv1");
        assertEquals(63, media.probe(odd).firstVideo().width());
        try (VideoSource src = media.openVideo(odd, 63, 47, Fit.STRETCH, pool, 2);
                Frame f = pool.lease(FrameKey.rgba(63, 47))) {
            src.read(3 * TPF25, f);
            assertEquals(3, index(f));
        }
    }

    @Test
    void truncatedFileEndsEarlyWithAClearMessage() throws Exception {
        Path ts = TestClips.counter(dir, "counter.ts", 64, 48, "25", 50, "-c:v", "mpeg2video", "-q:v", "2");
        Path cut = TestClips.truncate(ts, dir.resolve("cut.ts"), 0.5);
        try (VideoSource src = media.openVideo(cut, 64, 48, Fit.FIT, pool, 3);
                Frame f = pool.lease(FrameKey.rgba(64, 48))) {
            src.read(5 * TPF25, f);
            assertEquals(5, index(f));
            MediaException e = assertThrows(MediaException.class, () -> src.read(49 * TPF25, f));
            assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("ends at"), e.getMessage());
            src.read(2 * TPF25, f);
            assertEquals(2, index(f), "still readable before the cut");
        }
    }

    @Test
    void missingAndGarbageFilesAreRejectedNamingTheFile() throws Exception {
        Path missing = dir.resolve("nope.mp4");
        MediaException e = assertThrows(MediaException.class, () -> media.probe(missing));
        assertEquals(missing + ": no such file", e.getMessage());
        Path junk = dir.resolve("junk.mp4");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        e = assertThrows(MediaException.class, () -> media.openVideo(junk, 16, 16, Fit.FIT, pool, 2));
        assertTrue(e.getMessage().startsWith(junk + ": not a readable media file"), e.getMessage());
        Path headless = TestClips.truncate(h264, dir.resolve("nomoov.mp4"), 0.5);
        e = assertThrows(MediaException.class, () -> media.probe(headless));
        assertTrue(e.getMessage().startsWith(headless.toString()), e.getMessage());
    }

    @Test
    void imageSequencesAndStillImages() throws Exception {
        Path seqDir = Files.createDirectories(dir.resolve("seq"));
        TestClips.ffmpeg("-f", "lavfi", "-i", "nullsrc=s=32x32:r=25,format=yuv420p,geq=lum='16+4*N':cb=128:cr=128",
                "-frames:v", "8", "-pix_fmt", "rgb24", seqDir.resolve("shot_%04d.png").toString());
        Path pattern = seqDir.resolve("shot_%04d.png");
        VideoStreamInfo v = media.probe(pattern).firstVideo();
        assertEquals(8, v.frames());
        try (VideoSource src = media.openVideo(pattern, 32, 32, Fit.FIT, pool, 2);
                Frame f = pool.lease(FrameKey.rgba(32, 32))) {
            for (int i : new int[] {0, 5, 2, 7}) {
                src.read(i * TPF25, f);
                assertEquals(i, index(f), "sequence frame " + i);
            }
        }
        Path still = seqDir.resolve("shot_0004.png");
        try (VideoSource src = media.openVideo(still, 32, 32, Fit.FIT, pool, 2);
                Frame f = pool.lease(FrameKey.rgba(32, 32))) {
            for (long t : new long[] {0, Ticks.ofSeconds(5), Ticks.ofMillis(10)}) {
                src.read(t, f);
                assertEquals(3, index(f), "a still image holds at " + t);
            }
        }
        MediaException e = assertThrows(MediaException.class, () -> media.probe(seqDir.resolve("none_%04d.png")));
        assertTrue(e.getMessage().contains("no image sequence matches"), e.getMessage());
    }

    /**
     * MKV stores timestamps in milliseconds, so at 29.97 fps most pictures are stamped a fraction of a millisecond
     * after their exact time: asking for frame k at its exact time must still give picture k (not k - 1 twice).
     */
    @Test
    void roundedContainerTimestampsStillGiveEveryFrame() throws Exception {
        Path mkv = dir.resolve("ntsc.mkv");
        TestClips.ffmpeg("-f", "lavfi", "-i",
                "nullsrc=s=32x32:r=30000/1001,format=yuv420p,geq=lum='16+4*N':cb=128:cr=128", "-frames:v", "40",
                "-c:v", "ffv1", mkv.toString());
        var rate = new org.lumaflow.core.time.FrameRate(30000, 1001);
        try (VideoSource src = media.openVideo(mkv, 32, 32, Fit.FIT, pool, 3);
                Frame f = pool.lease(FrameKey.rgba(32, 32))) {
            for (int k = 0; k < 40; k++) {
                src.read(rate.frameToTicks(k), f);
                assertEquals(k, index(f), "frame " + k + " at its exact time");
            }
            for (int k : new int[] {30, 3, 17, 2}) {
                src.read(rate.frameToTicks(k), f);
                assertEquals(k, index(f), "frame " + k + " after a seek");
            }
        }
    }
}
