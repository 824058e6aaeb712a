package org.lumaflow.live.tests.output;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveOutput;
import org.lumaflow.live.internal.encode.Measured;
import org.lumaflow.live.tests.receivers.FfmpegListener;
import org.lumaflow.live.tests.receivers.Receiver;

/** No stream key, passphrase or token in anything we print, log or report; no heap allocation per frame. */
class SecretsAndAllocationTest {

    static final String KEY = "live_sk_8c1f2e9d7a";
    static final String PASS = "pass-Phrase-5e6f7a";
    static final String TOKEN = "tok-bearer-31c4d5";

    @TempDir
    Path dir;

    @Test
    void secretsNeverAppearInLogsStatsOrErrors() throws Exception {
        List<String> text = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (text) {
                    text.add(r.getLoggerName() + " " + r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(h);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(tee(out, printed), true));
        System.setErr(new PrintStream(tee(err, printed), true));
        int rtmpPort = Receiver.freeTcpPort();
        int deadPort = Receiver.freeUdpPort();
        int deadTcp = Receiver.freeTcpPort();
        try (FfmpegListener rtmp = FfmpegListener.rtmp(dir, rtmpPort, KEY, "secret.flv")) {
            rtmp.start();
            Receiver.awaitListening(rtmpPort, 10_000);
            try (Rig rig = Rig.open(320, 180, Set.of("aac", "opus"))) {
                LiveOutput a = rig.output("rtmp://127.0.0.1:" + rtmpPort + "/live/" + KEY);
                LiveOutput b = rig.output("srt://127.0.0.1:" + deadPort + "?mode=caller&passphrase=" + PASS
                        + "&pbkeylen=32");
                LiveOutput c = rig.output("whip://127.0.0.1:" + deadTcp + "/whip?token=" + TOKEN);
                rig.run(30);
                rtmp.kill();
                rig.run(45);
                for (LiveOutput o : List.of(a, b, c)) {
                    text.add(o.name());
                    text.add(String.valueOf(o.stats()));
                }
                assertNotNull(b.stats().error(), "the SRT output reports its failures");
                rig.stage.close();
                for (LiveOutput o : List.of(a, b, c)) {
                    text.add(String.valueOf(o.stats()));
                }
            }
            for (String bad : List.of("srt://127.0.0.1:1?passphrase=" + PASS.substring(0, 6),
                    "rtmp://127.0.0.1:1/live", "/no/such/folder/" + KEY + ".mp4")) {
                try (Rig rig = Rig.open(320, 180, Set.of())) {
                    rig.output(bad);
                    fail("opening " + bad + " should fail");
                } catch (LiveException e) {
                    text.add(e.getMessage());
                    assertFalse(e.getMessage().contains("Exception"), e.getMessage());
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(h);
        }
        text.add(printed.toString(StandardCharsets.UTF_8));
        String all = String.join("\n", text);
        assertTrue(all.contains("****"), "masked values are shown as ****");
        assertTrue(all.contains("reconnecting") || all.contains("connecting"), all);
        for (String secret : List.of(KEY, PASS, TOKEN, PASS.substring(0, 6))) {
            assertFalse(all.contains(secret), "secret " + secret.charAt(0) + "... appears in:\n"
                    + all.replace(secret, "<<HERE>>"));
        }
    }

    private static OutputStream tee(OutputStream a, ByteArrayOutputStream b) {
        return new OutputStream() {
            @Override
            public void write(int x) {
                synchronized (b) {
                    b.write(x);
                }
                try {
                    a.write(x);
                } catch (java.io.IOException e) {
                    // console gone
                }
            }
        };
    }

    @Test
    void steadyStateAllocatesAlmostNothingPerFrame() throws Exception {
        int port = Receiver.freeUdpPort();
        try (FfmpegListener srt = FfmpegListener.srt(dir, port, null, 0, "alloc.ts")) {
            srt.start();
            Thread.sleep(300);
            try (Rig rig = Rig.open(640, 360, Set.of("aac"))) {
                LiveOutput file = rig.output(dir.resolve("alloc.mp4").toString());
                LiveOutput net = rig.output("srt://127.0.0.1:" + port);
                rig.run(60);
                List<Measured> stages = List.of((Measured) rig.stage, (Measured) file, (Measured) net);
                long[] before = new long[3];
                for (int i = 0; i < 3; i++) {
                    before[i] = stages.get(i).threadAllocatedBytes();
                }
                int frames = 90;
                rig.run(frames);
                String[] names = {"encode thread", "file send thread", "srt send thread"};
                for (int i = 0; i < 3; i++) {
                    long perFrame = (stages.get(i).threadAllocatedBytes() - before[i]) / frames;
                    System.out.printf("%s: %d bytes allocated per frame in steady state%n", names[i], perFrame);
                    assertTrue(before[i] >= 0, names[i] + " measured");
                    assertTrue(perFrame < 64, names[i] + ": " + perFrame + " bytes per frame");
                }
            }
        }
    }
}
