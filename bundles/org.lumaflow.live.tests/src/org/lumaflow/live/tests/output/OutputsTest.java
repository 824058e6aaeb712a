package org.lumaflow.live.tests.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.live.LiveOutput;
import org.lumaflow.live.OutputStats;
import org.lumaflow.live.tests.receivers.Decoded;
import org.lumaflow.live.tests.receivers.FfmpegListener;
import org.lumaflow.live.tests.receivers.Receiver;

/** One encode recorded to MP4 and MKV and streamed over SRT and RTMP at once, each checked at its receiver. */
class OutputsTest {

    static final int FRAMES = 120;

    @TempDir
    Path dir;

    @Test
    void recordAndStreamAtOnceFromOneEncode() throws Exception {
        int srtPort = Receiver.freeUdpPort();
        int rtmpPort = Receiver.freeTcpPort();
        try (FfmpegListener srt = FfmpegListener.srt(dir, srtPort, null, 0, "srt.ts");
                FfmpegListener rtmp = FfmpegListener.rtmp(dir, rtmpPort, "k3y-secret-1", "rtmp.flv")) {
            srt.start();
            rtmp.start();
            Receiver.awaitListening(rtmpPort, 10_000);
            Thread.sleep(300); // the SRT listener binds its UDP port
            Path mp4 = dir.resolve("take.mp4");
            Path mkv = dir.resolve("take.mkv");
            OutputStats[] last = new OutputStats[4];
            try (Rig rig = Rig.open(640, 360, Set.of("aac"))) {
                LiveOutput a = rig.output(mp4.toString());
                LiveOutput b = rig.output(mkv.toString());
                LiveOutput c = rig.output("srt://127.0.0.1:" + srtPort + "?mode=caller&latency=120");
                LiveOutput d = rig.output("rtmp://127.0.0.1:" + rtmpPort + "/live/k3y-secret-1");
                rig.run(FRAMES);
                assertTrue(Files.exists(dir.resolve("take.recording.mp4")), "recording under its temporary name");
                assertFalse(Files.exists(mp4), "not renamed before the clean close");
                rig.stage.close();
                last[0] = a.stats();
                last[1] = b.stats();
                last[2] = c.stats();
                last[3] = d.stats();
                assertEquals(FRAMES, rig.stage.encodedFrames());
                assertEquals(0, rig.stage.dropped());
            }
            for (OutputStats s : last) {
                assertEquals("closed", s.state(), s.name() + ": " + s.error());
                assertEquals(0, s.dropped(), s.name());
                assertTrue(s.latencyP95() >= 0 && s.latencyP95() < 500, s.name() + " p95 " + s.latencyP95());
                System.out.printf("%s: sent %d packets %d bytes, capture->sent p50 %.1f ms p95 %.1f ms%n", s.name(),
                        s.packetsSent(), s.bytesSent(), s.latencyP50(), s.latencyP95());
            }
            assertFalse(last[3].name().contains("k3y-secret-1"), last[3].name());
            assertTrue(srt.waitFor(10), "the SRT listener ends when the caller closes");
            assertTrue(rtmp.waitFor(10), "the RTMP listener ends when the stream closes:\n" + rtmp.log());
            assertFalse(Files.exists(dir.resolve("take.recording.mp4")));
            check(Decoded.of(mp4.toString()), FRAMES, 0, "aac");
            check(Decoded.of(mkv.toString()), FRAMES, 0, "aac");
            check(Decoded.of(srt.output().toString()), FRAMES, 3, "aac");
            check(Decoded.of(rtmp.output().toString()), FRAMES, 3, "aac");
        }
    }

    @Test
    void anOutputAttachedLateStartsAtAForcedKeyframe() throws Exception {
        Path late = dir.resolve("late.mkv");
        try (Rig rig = Rig.open(640, 360, Set.of("aac"))) {
            rig.output(dir.resolve("early.mkv").toString());
            rig.run(40); // keyframes every 30 pictures: the next natural one would be picture 60
            rig.output(late.toString());
            rig.run(20);
        }
        Decoded d = Decoded.of(late.toString());
        // submit() queues pictures for the encoder: the first picture encoded after the attach (forced to a keyframe)
        // may be one still queued from before it (39 seen on a loaded 2-core CI machine). Not from the last natural
        // keyframe's GOP (30..), not waiting for the next natural keyframe (60).
        assertTrue(d.numbers().get(0) > 30 && d.numbers().get(0) <= 42, "starts at once, on a keyframe: " + d);
        assertEquals(0, d.errors(), d.toString());
        assertEquals(0, d.gaps(), d.toString());
        assertEquals(60 - d.numbers().get(0), d.frames(), d.toString());
    }

    /** Every picture arrived (within {@code tolerance}), decodable, right size, bars intact, numbers in order. */
    static void check(Decoded d, int frames, int tolerance, String audio) {
        String what = d.container() + " " + d;
        assertTrue(d.frames() >= frames - tolerance && d.frames() <= frames, what);
        assertEquals(640, d.width(), what);
        assertEquals(360, d.height(), what);
        assertTrue(d.frames() > 0, what);
        assertEquals(0, d.errors(), what);
        assertEquals(0, d.badBars(), what);
        assertEquals(0, d.gaps(), what);
        if (audio != null) {
            assertEquals(audio, d.audioCodec(), what);
            assertTrue(d.audioPackets() > frames * 48000 / 30 / 1024 / 2, what);
        }
    }
}
