package org.lumaflow.live.tests.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.live.LiveOutput;
import org.lumaflow.live.OutputStats;
import org.lumaflow.live.tests.receivers.Decoded;
import org.lumaflow.live.tests.receivers.FfmpegListener;
import org.lumaflow.live.tests.receivers.NginxRtmp;
import org.lumaflow.live.tests.receivers.Receiver;
import org.lumaflow.live.tests.receivers.SrtLiveTransmit;
import org.lumaflow.live.tests.receivers.WhipReceiver;

/** Streams into receivers from other projects: nginx-rtmp, srt-live-transmit, an encrypted ffmpeg SRT listener, werift. */
class ReceiversTest {

    static final int FRAMES = 90;

    @TempDir
    Path dir;

    @Test
    void rtmpIntoNginx() throws Exception {
        try (NginxRtmp nginx = NginxRtmp.create(dir)) {
            nginx.start();
            OutputStats s;
            try (Rig rig = Rig.open(640, 360, Set.of("aac"))) {
                LiveOutput o = rig.output("rtmp://127.0.0.1:" + nginx.port() + "/live/nginxkey123");
                rig.run(FRAMES);
                rig.stage.close();
                s = o.stats();
            }
            assertEquals("closed", s.state(), s.error());
            Thread.sleep(500); // nginx closes the recording when the publisher leaves
            Path rec = nginx.recording("nginxkey123");
            assertTrue(Files.exists(rec), "nginx recorded nothing:\n" + nginx.log());
            OutputsTest.check(Decoded.of(rec.toString()), FRAMES, 2, "aac");
        }
    }

    @Test
    void srtIntoSrtLiveTransmit() throws Exception {
        int port = Receiver.freeUdpPort();
        try (SrtLiveTransmit slt = SrtLiveTransmit.create(dir, port)) {
            slt.start();
            Thread.sleep(300);
            OutputStats s;
            try (Rig rig = Rig.open(640, 360, Set.of("aac"))) {
                LiveOutput o = rig.output("srt://127.0.0.1:" + port + "?latency=80");
                rig.run(FRAMES);
                rig.stage.close();
                s = o.stats();
            }
            assertEquals("closed", s.state(), s.error());
            assertEquals(0, s.reconnects());
            slt.stop(3);
            OutputsTest.check(Decoded.of(slt.output().toString()), FRAMES, 3, "aac");
        }
    }

    @Test
    void srtListenerModeServesACaller() throws Exception {
        int port = Receiver.freeUdpPort();
        try (FfmpegListener caller = FfmpegListener.srtCaller(dir, port, "caller.ts")) {
            OutputStats s;
            try (Rig rig = Rig.open(640, 360, Set.of("aac"))) {
                LiveOutput o = rig.output("srt://127.0.0.1:" + port + "?mode=listener");
                rig.run(15);
                assertEquals("connecting", o.stats().state(), "waits for a caller");
                caller.start();
                rig.run(75);
                rig.stage.close();
                s = o.stats();
            }
            assertEquals("closed", s.state(), s.error());
            assertTrue(caller.waitFor(10), caller.log());
            Decoded d = Decoded.of(caller.output().toString());
            assertTrue(d.frames() >= 30, d.toString());
            assertEquals(0, d.errors(), d.toString());
            assertEquals(0, d.gaps(), d.toString());
            assertEquals(0, d.badBars(), d.toString());
        }
    }

    @Test
    void srtWithAes256Passphrase() throws Exception {
        int port = Receiver.freeUdpPort();
        String pass = "correct-horse-battery";
        try (FfmpegListener srt = FfmpegListener.srt(dir, port, pass, 32, "aes.ts")) {
            srt.start();
            Thread.sleep(300);
            OutputStats s;
            try (Rig rig = Rig.open(640, 360, Set.of("aac"))) {
                LiveOutput o = rig.output("srt://127.0.0.1:" + port, Map.of("passphrase", pass, "pbkeylen", "32"));
                rig.run(FRAMES);
                rig.stage.close();
                s = o.stats();
            }
            assertEquals("closed", s.state(), s.error());
            assertFalse(String.valueOf(s).contains(pass), s.toString());
            assertTrue(srt.waitFor(10), srt.log());
            OutputsTest.check(Decoded.of(srt.output().toString()), FRAMES, 3, "aac");
        }
    }

    @Test
    void srtWithWrongPassphraseFailsClearly() throws Exception {
        int port = Receiver.freeUdpPort();
        try (FfmpegListener srt = FfmpegListener.srt(dir, port, "the-right-passphrase", 32, "wrong.ts")) {
            srt.start();
            Thread.sleep(300);
            OutputStats s;
            try (Rig rig = Rig.open(640, 360, Set.of())) {
                LiveOutput o = rig.output("srt://127.0.0.1:" + port + "?passphrase=a-wrong-passphrase&pbkeylen=32");
                rig.run(45);
                s = o.stats();
                rig.stage.close();
            }
            assertEquals(0, s.packetsSent(), s.toString());
            assertNotNull(s.error(), s.toString());
            assertTrue(s.error().contains("passphrase"), s.error());
            assertTrue(s.error().contains("srt://127.0.0.1:" + port), s.error());
            assertFalse(s.toString().contains("a-wrong-passphrase"), s.toString());
            assertFalse(s.error().contains("Exception"), s.error());
            System.out.println("wrong passphrase: " + s.state() + ": " + s.error());
        }
    }

    @Test
    void whipIntoWerift() throws Exception {
        try (WhipReceiver whip = WhipReceiver.create(dir, "whip-bearer-token-42")) {
            whip.start();
            OutputStats s;
            try (Rig rig = Rig.open(640, 360, Set.of("opus"))) {
                LiveOutput o = rig.output("whip://127.0.0.1:" + whip.port() + "/whip/endpoint?token="
                        + "whip-bearer-token-42");
                rig.run(FRAMES);
                rig.stage.close();
                s = o.stats();
            }
            System.out.println("whip: " + s + "\n" + whip.statsText());
            assertEquals("closed", s.state(), s.error() + "\n" + whip.log());
            assertFalse(s.toString().contains("whip-bearer-token-42"), s.toString());
            Thread.sleep(300);
            assertEquals(1, whip.stat("authorized"), whip.statsText());
            assertTrue(whip.stat("frames") >= FRAMES - 5, whip.statsText());
            assertTrue(whip.stat("keyframes") >= 1, whip.statsText());
            assertTrue(whip.stat("audio") > 100, whip.statsText());
            whip.stop(3);
            Decoded d = Decoded.of(whip.output().toString());
            assertTrue(d.frames() >= FRAMES - 5, d.toString());
            assertEquals(0, d.badBars(), d.toString());
            assertEquals(640, d.width());
            assertTrue(d.longestRun() >= FRAMES - 10, d.toString());
        }
    }
}
