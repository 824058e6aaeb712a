package org.lumaflow.live.tests.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.LiveOutput;
import org.lumaflow.live.OutputStats;
import org.lumaflow.live.internal.encode.LiveEncodeStageFactory;
import org.lumaflow.live.internal.pipe.EncodeStage;
import org.lumaflow.live.tests.receivers.FfmpegListener;
import org.lumaflow.live.tests.receivers.Receiver;
import org.lumaflow.live.tests.receivers.TestSignal;
import org.lumaflow.live.tests.receivers.WhipReceiver;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * Figures, not checks (run with {@code -Dlive.bench=true}): encode milliseconds per picture at 720p and 1080p per
 * encoder, beside the {@code ffmpeg} program encoding the same size with the same encoder and bit rate; capture ->
 * sent latency per protocol at 720p30 on loopback.
 */
@EnabledIfSystemProperty(named = "live.bench", matches = "true")
class LiveBench {

    @TempDir
    Path dir;

    @Test
    void encodeMillisPerPicture() throws Exception {
        FFmpeg.load();
        for (String enc : List.of("libopenh264", "libx264")) {
            if (org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name(enc) == null) {
                System.out.println(enc + ": not in " + FFmpeg.describe());
                continue;
            }
            for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
                int n = 150;
                EncodeStage st = new LiveEncodeStageFactory().open(size[0], size[1], new FrameRate(30, 1), enc, 0,
                        2, 0, 0, Set.of(), Map.of());
                try (FramePool pool = new FramePool()) {
                    Frame t = pool.lease(new FrameKey(size[0], size[1], PixelFormat.NV12, Usage.ENCODE));
                    TestSignal.draw(t, 0);
                    long start = 0;
                    for (int i = 0; i < n + 10; i++) {
                        if (i == 10) {
                            start = System.nanoTime();
                        }
                        Frame f = pool.lease(t.key());
                        f.copyFrom(t);
                        TestSignal.number(f, i);
                        st.submit(f, i * 1_000_000L / 30, System.nanoTime());
                        while (st.encodedFrames() <= i) {
                            Thread.onSpinWait();
                        }
                    }
                    double ours = (System.nanoTime() - start) / 1e6 / n;
                    long bitrate = st.format().bitrate();
                    st.close();
                    t.release();
                    double theirs = ffmpeg(enc, size[0], size[1], bitrate, n);
                    System.out.printf("%s %dx%d30 @ %d kb/s: ours %.2f ms/picture (incl. copying the test picture),"
                            + " ffmpeg program %.2f ms/picture (lavfi testsrc2 -> %s -> null, startup excluded)%n",
                            enc, size[0], size[1], bitrate / 1000, ours, theirs, enc);
                }
            }
        }
    }

    /** ms per picture of the ffmpeg program: (time for n+60 frames - time for 60 frames) / n. */
    private static double ffmpeg(String enc, int w, int h, long bitrate, int n) throws Exception {
        return (run(enc, w, h, bitrate, n + 60) - run(enc, w, h, bitrate, 60)) / n;
    }

    private static double run(String enc, int w, int h, long bitrate, int frames) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(FFmpeg.commandLine().toString(), "-v", "error", "-f", "lavfi",
                "-i", "testsrc2=size=" + w + "x" + h + ":rate=30", "-frames:v", Integer.toString(frames),
                "-pix_fmt", "yuv420p", "-c:v", enc, "-b:v", Long.toString(bitrate), "-g", "60", "-bf", "0"));
        if (enc.equals("libx264")) {
            cmd.addAll(List.of("-preset", "veryfast", "-tune", "zerolatency"));
        }
        cmd.addAll(List.of("-f", "null", "-"));
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        return (System.nanoTime() - t) / 1e6;
    }

    @Test
    void latencyPerProtocolAt720p30() throws Exception {
        int srtPort = Receiver.freeUdpPort();
        int rtmpPort = Receiver.freeTcpPort();
        try (FfmpegListener srt = FfmpegListener.srt(dir, srtPort, null, 0, "b.ts");
                FfmpegListener rtmp = FfmpegListener.rtmp(dir, rtmpPort, "benchkey", "b.flv");
                WhipReceiver whip = WhipReceiver.create(dir, null)) {
            srt.start();
            rtmp.start();
            whip.start();
            Receiver.awaitListening(rtmpPort, 10_000);
            Thread.sleep(300);
            List<LiveOutput> outs = new ArrayList<>();
            try (Rig rig = new Rig(1280, 720, 30, Set.of("aac", "opus"), Map.of())) {
                outs.add(rig.output(dir.resolve("b.mp4").toString()));
                outs.add(rig.output("srt://127.0.0.1:" + srtPort + "?latency=120"));
                outs.add(rig.output("rtmp://127.0.0.1:" + rtmpPort + "/live/benchkey"));
                outs.add(rig.output("whip://127.0.0.1:" + whip.port() + "/whip"));
                rig.run(60); // connections settle (WHIP's ICE/DTLS handshake queues its first pictures)
                double[] enc = new double[2];
                rig.stage.latency(enc);
                List<OutputStats> before = new ArrayList<>();
                outs.forEach(o -> before.add(o.stats()));
                rig.run(240);
                rig.stage.latency(enc);
                System.out.printf("720p30 %s: capture->encoded p50 %.1f p95 %.1f ms; dropped at encode %d%n",
                        rig.stage.format().encoder(), enc[0], enc[1], rig.stage.dropped());
                for (LiveOutput o : outs) {
                    OutputStats s = o.stats();
                    System.out.printf("720p30 %s: capture->sent p50 %.1f p95 %.1f ms (whole run), dropped %d%n",
                            s.name(), s.latencyP50(), s.latencyP95(), s.dropped());
                }
            }
        }
    }
}
