package org.lumaflow.live.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveSource;
import org.lumaflow.live.LiveSourceProvider;
import org.lumaflow.live.SourceInfo;
import org.lumaflow.live.SourceOptions;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/**
 * The providers as OSGi services, their listings, the test pattern source (clock pacing, stamps, tone, allocation),
 * the triple buffer under a slow consumer, and clear errors for devices that do not exist.
 */
class SourcesTest {

    private static Map<String, LiveSourceProvider> providers() throws Exception {
        BundleContext bc = OsgiTests.startAll(SourcesTest.class);
        Map<String, LiveSourceProvider> out = new HashMap<>();
        for (String kind : List.of("screen", "camera", "audio", "url", "test")) {
            out.put(kind, OsgiTests.service(bc, LiveSourceProvider.class, p -> p.kind().equals(kind), kind
                    + " source provider"));
        }
        return out;
    }

    @Test
    void everyKindIsAServiceAndListingNeverFails() throws Exception {
        Map<String, LiveSourceProvider> all = providers();
        for (LiveSourceProvider p : all.values()) {
            List<SourceInfo> list = p.list();
            assertNotNull(list, p.kind());
            for (SourceInfo i : list) {
                assertEquals(p.kind(), i.kind());
                assertTrue(i.video() || i.audio(), i.toString());
            }
            System.out.println(p.kind() + ": " + list);
        }
        assertTrue(all.get("test").list().stream().anyMatch(i -> i.spec().isEmpty() && i.video()), "test is always "
                + "listed");
    }

    @Test
    void missingDevicesAreNamed() throws Exception {
        Map<String, LiveSourceProvider> all = providers();
        LiveException e = assertThrows(LiveException.class, () -> all.get("camera").open("/dev/video99",
                SourceOptions.defaults()));
        assertEquals("camera /dev/video99: no such device (is the camera connected?)", e.getMessage());
        e = assertThrows(LiveException.class, () -> all.get("camera").open("/dev/null",
                new SourceOptions(0, 0, null, Map.of("input_format", "mjpeg"))));
        System.out.println("camera /dev/null: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("camera /dev/null: "), e.getMessage());
        e = assertThrows(LiveException.class, () -> all.get("camera").open("/dev/video0",
                new SourceOptions(0, 0, null, Map.of("input_format", "bayer"))));
        assertTrue(e.getMessage().contains("bayer"), e.getMessage());
        e = assertThrows(LiveException.class, () -> all.get("audio").open("alsa:hw:99", SourceOptions.defaults()));
        System.out.println("audio alsa:hw:99: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("audio alsa:hw:99: "), e.getMessage());
        e = assertThrows(LiveException.class, () -> all.get("audio").open("speaker", SourceOptions.defaults()));
        assertTrue(e.getMessage().contains("pulse[:SOURCE]"), e.getMessage());
        e = assertThrows(LiveException.class, () -> all.get("test").open("plaid", SourceOptions.defaults()));
        assertTrue(e.getMessage().contains("'plaid'"), e.getMessage());
        for (String m : List.of(e.getMessage())) {
            assertFalse(m.contains("Exception"), m);
        }
    }

    /**
     * A consumer taking a picture every 100 ms from a 60 fps test source: the capture cadence stays even, the
     * pictures it does not take are counted as dropped at capture, every take is the newest, and the capture thread
     * allocates nothing per picture.
     */
    @Test
    void slowConsumerDropsAtCaptureOnlyWithAnEvenCadence() throws Exception {
        LiveSource s = providers().get("test").open("640x360", new SourceOptions(0, 0, FrameRate.FPS_60, Map.of()));
        assertEquals("test 640x360@60", s.name());
        try (FramePool pool = new FramePool(); BufferedSink buffered = new BufferedSink(pool)) {
            RecordingSink sink = new RecordingSink(buffered);
            TestPatternSource src = (TestPatternSource) s;
            s.start(sink);
            Thread.sleep(500);
            Meter m = new Meter(src.thread(), src::frames);
            int first = sink.count;
            long skipped0 = src.skipped();
            long dropped0 = buffered.droppedAtCapture();
            int takes = 0;
            long lastStamp = -1;
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < 2_500_000_000L) {
                Thread.sleep(100); // a slow consumer
                Frame f = buffered.video().take();
                assertNotNull(f, "a new picture is always ready for a consumer slower than capture");
                long n = FrameStamp.read(f);
                assertTrue(n > lastStamp + 1, "the newest picture, not the next one: " + n + " after " + lastStamp);
                lastStamp = n;
                takes++;
            }
            Meter.Result r = m.stop();
            int last = sink.count;
            s.close();
            long published = last - first;
            long dropped = buffered.droppedAtCapture() - dropped0;
            System.out.println("test 640x360@60, consumer at 10 Hz: " + r + ", " + dropped + " dropped at capture, "
                    + takes + " taken");
            assertTrue(Math.abs(r.fps() - 60) < 3, r.toString());
            assertTrue(Math.abs(dropped - (published - takes)) <= 2, "pictures not taken are drops at capture: "
                    + dropped + " vs " + (published - takes));
            long skipped = src.skipped() - skipped0;
            assertTrue(skipped <= 2, "the clock rarely fell a whole period behind: " + skipped + " ticks skipped");
            long[] gaps = new long[last - first - 1];
            long[] jitter = new long[last - first - 1];
            for (int i = first + 1; i < last; i++) {
                gaps[i - first - 1] = sink.nanos[i] - sink.nanos[i - 1];
                jitter[i - first - 1] = Math.abs(sink.arrivals[i] - sink.arrivals[i - 1] - 1_000_000_000L / 60);
                long step = sink.stamps[i] - sink.stamps[i - 1];
                assertTrue(step >= 1 && step <= 1 + skipped, "consecutive frame numbers: " + step);
                gaps[i - first - 1] /= step;
            }
            Arrays.sort(gaps);
            double period = 1e9 / 60;
            assertTrue(Math.abs(gaps[0] - period) < 1e5 && Math.abs(gaps[gaps.length - 1] - period) < 1e5,
                    "capture times on the clock's ticks: " + gaps[0] + ".." + gaps[gaps.length - 1]);
            Arrays.sort(jitter);
            long p95 = jitter[jitter.length * 95 / 100];
            System.out.println("publish inter-arrival jitter: p50 " + jitter[jitter.length / 2] / 1000 + " us, p95 "
                    + p95 / 1000 + " us, max " + jitter[jitter.length - 1] / 1000 + " us");
            assertTrue(p95 < 4_000_000, "even cadence at publish: p95 jitter " + p95 / 1000 + " us");
            assertTrue(r.bytesPerFrame() < 256, "no per-frame allocation: " + r);
        }
    }

    /**
     * ALSA's {@code null} capture device (not paced: it delivers as fast as it is read): 48 kHz stereo s16
     * arrives, the one-second ring fills and the rest is counted as dropped, nothing is allocated per packet.
     */
    @Test
    void alsaNullDeviceDeliversSoundThroughTheRing() throws Exception {
        try (LiveSource s = providers().get("audio").open("alsa:null", SourceOptions.defaults());
                FramePool pool = new FramePool(); BufferedSink sink = new BufferedSink(pool)) {
            assertEquals("audio alsa:null", s.name());
            assertTrue(s.hasAudio());
            assertFalse(s.hasVideo());
            assertEquals(0, s.width());
            FFmpegSource src = (FFmpegSource) s;
            s.start(sink);
            Thread.sleep(300);
            Meter m = new Meter(src.thread(), src::samples);
            Thread.sleep(700);
            Meter.Result r = m.stop();
            System.out.println("audio alsa:null: " + r.frames() + " sample frames in " + String.format("%.2f s, ",
                    r.seconds()) + String.format("%.5f", r.bytesPerFrame()) + " B allocated per sample frame");
            assertNull(sink.failure());
            assertTrue(r.frames() > 48_000, "sound arrives: " + r.frames());
            assertEquals(48_000, sink.audio().available(), "the ring holds one second");
            assertTrue(sink.audio().dropped() > 0, "what did not fit is counted");
            assertTrue(r.bytesPerFrame() * 1024 < 16, "nothing allocated per packet of sound: " + r);
            ByteBuffer pcm = ByteBuffer.allocateDirect(48_000 * 4);
            assertEquals(48_000, sink.audio().read(pcm, 48_000)); // content: whatever ALSA's null plugin leaves
            assertEquals(48_000 * 4, pcm.position());
        }
    }

    /** The tone: 1920 sample frames of 48 kHz stereo per 25 fps picture, 1 kHz at -20 dBFS. */
    @Test
    void toneIs48kStereoAndPicturesCarryTheirNumbers() throws Exception {
        LiveSource s = providers().get("test").open("tone 320x180 @25", SourceOptions.defaults());
        assertTrue(s.hasAudio());
        assertEquals(new FrameRate(25, 1), s.rate());
        try (FramePool pool = new FramePool(); BufferedSink sink = new BufferedSink(pool)) {
            s.start(sink);
            Thread.sleep(1000);
            s.close();
            assertNull(sink.failure());
            long frames = sink.video().published();
            assertTrue(frames >= 24 && frames <= 27, "25 pictures in a second: " + frames);
            long samples = sink.audio().written();
            // the ring holds one second: a 26th picture's sound may be dropped (counted), never lost silently
            assertEquals(frames * 48_000 / 25, samples + sink.audio().dropped(), "1920 sample frames per picture");
            ByteBuffer pcm = ByteBuffer.allocateDirect((int) samples * 4).order(ByteOrder.LITTLE_ENDIAN);
            sink.audio().read(pcm, Integer.MAX_VALUE);
            List<Integer> peaks = new ArrayList<>();
            int crossings = 0;
            for (int i = 1; i < samples; i++) {
                if (pcm.getShort((i - 1) * 4) < 0 && pcm.getShort(i * 4) >= 0) {
                    crossings++;
                }
                if (i % 48 == 12) {
                    peaks.add((int) pcm.getShort(i * 4));
                }
            }
            assertEquals(samples / 48, crossings, 1, "1 kHz");
            assertTrue(peaks.stream().allMatch(v -> v == 3277), "-20 dBFS peaks: " + peaks.subList(0, 3));
            Frame f = sink.video().take();
            assertEquals(frames - 1, FrameStamp.read(f), "the newest picture is the last one drawn");
        }
    }
}
