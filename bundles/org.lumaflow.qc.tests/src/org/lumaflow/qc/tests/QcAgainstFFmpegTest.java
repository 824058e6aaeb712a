package org.lumaflow.qc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.qc.QcException;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.QcService;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/**
 * Our QC figures against FFmpeg's own filters on the same files (the ffmpeg program of the embedded build):
 * signalstats' YAVG per frame, blackdetect/freezedetect intervals, scdet cuts, psnr and ssim.
 */
class QcAgainstFFmpegTest {

    static QcService qc;
    static Path dir;
    static Path events;
    static Path signal;
    static Path lossy;
    static final double FPS = 25;

    @BeforeAll
    static synchronized void setup() throws Exception {
        if (qc != null) {
            return;
        }
        BundleContext bc = OsgiTests.startAll(QcAgainstFFmpegTest.class);
        qc = OsgiTests.service(bc, QcService.class);
        dir = Files.createTempDirectory("lumaflow-qc");
        // black 2.5 s, moving test pattern 3 s, still bars 3 s (a freeze), all lossless
        events = dir.resolve("events.mkv");
        ffmpeg("-f", "lavfi", "-i", "color=black:s=320x240:r=25:d=2.5", "-f", "lavfi", "-i",
                "testsrc2=s=320x240:r=25:d=3", "-f", "lavfi", "-i", "smptebars=s=320x240:r=25:d=3",
                "-filter_complex", "[0][1][2]concat=n=3:v=1[v]", "-map", "[v]", "-pix_fmt", "yuv420p",
                "-c:v", "ffv1", events.toString());
        signal = dir.resolve("signal.mkv");
        ffmpeg("-f", "lavfi", "-i", "testsrc2=s=352x288:r=25:d=2", "-vf", "hue=s=1.6,lutyuv=y=val*1.15",
                "-pix_fmt", "yuv420p", "-c:v", "ffv1", signal.toString());
        lossy = dir.resolve("lossy.mkv");
        ffmpeg("-i", signal.toString(), "-c:v", "mpeg4", "-q:v", "8", lossy.toString());
    }

    /** Runs the embedded ffmpeg; returns its stderr (where filters log). */
    static String ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(FFmpeg.commandLine().toString(), "-hide_banner", "-nostdin",
                "-y"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(dir == null ? Path.of(System.getProperty("java.io.tmpdir")) : dir, "ff",
                ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int rc = p.waitFor();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (rc != 0) {
            throw new IOException("ffmpeg failed (" + rc + "): " + String.join(" ", cmd) + "\n" + out);
        }
        return out;
    }

    private static List<Double> values(String log, String key) {
        List<Double> v = new ArrayList<>();
        Matcher m = Pattern.compile(Pattern.quote(key) + "=([-0-9.]+)").matcher(log);
        while (m.find()) {
            v.add(Double.parseDouble(m.group(1)));
        }
        return v;
    }

    @Test
    void averageLumaMatchesSignalstats() throws Exception {
        QcReport r = qc.analyze(signal, QcOptions.defaults(), null);
        String log = ffmpeg("-i", signal.toString(), "-vf", "signalstats=stat=brng,metadata=print", "-f", "null", "-");
        List<Double> yavg = values(log, "lavfi.signalstats.YAVG");
        List<Double> ylow = values(log, "lavfi.signalstats.YLOW");
        List<Double> umax = values(log, "lavfi.signalstats.UMAX");
        List<Double> satavg = values(log, "lavfi.signalstats.SATAVG");
        List<Double> ydif = values(log, "lavfi.signalstats.YDIF");
        List<Double> brng = values(log, "lavfi.signalstats.BRNG");
        assertEquals(yavg.size(), r.frames().size(), "frame count");
        assertTrue(brng.stream().anyMatch(b -> b > 0.01), "the clip has out-of-range pixels: " + brng);
        for (int i = 0; i < yavg.size(); i++) {
            var s = r.frames().get(i);
            assertEquals(yavg.get(i), s.yAvg(), 0.5, "YAVG frame " + i);
            assertEquals(ylow.get(i), s.yLow(), 0.0, "YLOW frame " + i);
            assertEquals(umax.get(i), s.uMax(), 0.0, "UMAX frame " + i);
            assertEquals(satavg.get(i), s.satAvg(), 0.5, "SATAVG frame " + i);
            assertEquals(ydif.get(i), s.yDiff(), 0.01, "YDIF frame " + i);
            assertEquals(brng.get(i), s.outOfRange(), 1e-5, "BRNG frame " + i);
        }
    }

    @Test
    void blackFreezeAndScenesMatchFFmpegDetectors() throws Exception {
        QcReport r = qc.analyze(events, QcOptions.defaults(), null);
        String log = ffmpeg("-i", events.toString(), "-vf",
                "blackdetect=d=2:pix_th=0.10:pic_th=0.98,freezedetect=n=-60dB:d=2,scdet=threshold=10,"
                        + "metadata=print", "-f", "null", "-");
        double frame = 1 / FPS;
        List<Double> bs = values(log, "black_start:").isEmpty() ? values(log, "black_start") : values(log,
                "black_start:");
        Matcher bm = Pattern.compile("black_start:([0-9.]+) black_end:([0-9.]+)").matcher(log);
        assertTrue(bm.find(), "ffmpeg found black: " + log);
        List<QcEvent> black = r.events("black");
        assertEquals(1, black.size(), black.toString());
        assertEquals(Double.parseDouble(bm.group(1)), black.get(0).start(), frame, "black start");
        assertEquals(Double.parseDouble(bm.group(2)), black.get(0).end(), frame, "black end");

        List<Double> fs = values(log, "lavfi.freezedetect.freeze_start");
        List<Double> fe = values(log, "lavfi.freezedetect.freeze_end");
        List<QcEvent> freeze = r.events("freeze").stream().filter(e -> e.start() > 3).toList();
        assertEquals(1, fs.stream().filter(v -> v > 3).count(), log);
        assertEquals(1, freeze.size(), r.events("freeze").toString());
        assertEquals(fs.stream().filter(v -> v > 3).findFirst().get(), freeze.get(0).start(), frame, "freeze start");
        if (!fe.isEmpty() && fe.get(fe.size() - 1) > 3) {
            assertEquals(fe.get(fe.size() - 1), freeze.get(0).end(), frame, "freeze end");
        }

        List<Double> cuts = values(log, "lavfi.scd.time");
        List<QcEvent> scenes = r.events("scene");
        assertEquals(cuts.size(), scenes.size(), "cuts " + cuts + " vs " + scenes);
        for (int i = 0; i < cuts.size(); i++) {
            assertEquals(cuts.get(i), scenes.get(i).start(), frame, "cut " + i);
        }
        assertTrue(bs.size() >= 0);
    }

    @Test
    void psnrAndSsimMatchFFmpeg() throws Exception {
        QcReport r = qc.compare(lossy, signal, QcOptions.defaults(), null);
        String log = ffmpeg("-i", lossy.toString(), "-i", signal.toString(), "-lavfi", "[0][1]psnr;[0][1]ssim",
                "-f", "null", "-");
        Matcher p = Pattern.compile("PSNR y:[0-9.]+ u:[0-9.]+ v:[0-9.]+ average:([0-9.]+)").matcher(log);
        Matcher s = Pattern.compile("SSIM Y:[0-9.]+ \\([^)]*\\) U:[0-9.]+ \\([^)]*\\) V:[0-9.]+ \\([^)]*\\) "
                + "All:([0-9.]+)").matcher(log);
        assertTrue(p.find(), log);
        assertTrue(s.find(), log);
        assertEquals(Double.parseDouble(p.group(1)), r.comparison().psnr(), 0.1, "PSNR");
        assertEquals(Double.parseDouble(s.group(1)), r.comparison().ssim(), 0.002, "SSIM");
    }

    @Test
    void reportsAreWrittenAtomicallyAndSelfContained() throws Exception {
        QcReport r = qc.analyze(events, QcOptions.defaults(), null);
        Path json = dir.resolve("qc.json");
        Path html = dir.resolve("qc.html");
        qc.writeJson(r, json);
        qc.writeHtml(r, html);
        String j = Files.readString(json);
        assertTrue(j.contains("\"YAVG\"") && j.contains("\"events\"") && j.contains("\"black\""), j.substring(0,
                200));
        String h = Files.readString(html);
        assertTrue(h.contains("<svg") && !h.contains("http://") && !h.contains("https://"), "inline, no network");
        assertTrue(h.contains("data:image/jpeg;base64,"), "thumbnails at events");
        assertTrue(j.contains("\"FP\""), "fingerprints");
        double[] black = r.frames().get(0).fingerprint();
        assertTrue(black[0] < 1 && black[1] < 1 && black[2] < 1 && black[3] < 0.5, "black frame fingerprint");
        double[] bars = r.frames().get(r.frames().size() - 1).fingerprint();
        assertTrue(bars[3] > 40 && bars[4] > 40, "colour bars vary a lot: " + java.util.Arrays.toString(bars));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void badInputIsNamed() throws Exception {
        Path missing = dir.resolve("nope.mp4");
        QcException e = assertThrows(QcException.class, () -> qc.analyze(missing, QcOptions.defaults(), null));
        assertTrue(e.getMessage().contains("nope.mp4"), e.getMessage());
        QcException rate = assertThrows(QcException.class, () -> qc.compare(signal, events, QcOptions.defaults(),
                null));
        assertTrue(rate.getMessage().contains("cannot be compared"), rate.getMessage());
    }

    /** Fingerprints of a rendered timeline through the backend's reduction: a solid colour is its own mean. */
    @Test
    void renderFingerprintsComeFromTheReduction() throws Exception {
        var rate = org.lumaflow.core.time.FrameRate.FPS_25;
        var tl = new org.lumaflow.engine.timeline.Timeline(new org.lumaflow.engine.timeline.VideoFormat(64, 36, rate));
        var v1 = new org.lumaflow.engine.timeline.Track("V1");
        var solid = new org.lumaflow.engine.graph.GraphNode("c", "core.solid").set("color", "#336699");
        v1.clips().add(new org.lumaflow.engine.timeline.Clip("c", solid, 0, 0, rate.frameToTicks(10)));
        var bars = new org.lumaflow.engine.graph.GraphNode("b", "core.smpte_bars");
        v1.clips().add(new org.lumaflow.engine.timeline.Clip("b", bars, rate.frameToTicks(10), 0,
                rate.frameToTicks(10)));
        tl.tracks().add(v1);
        var samples = qc.fingerprints(tl, dir, 5, 64, 36);
        assertEquals(4, samples.size());
        var first = samples.get(0);
        assertEquals(0x33, first.mean()[0], 1e-9);
        assertEquals(0x66, first.mean()[1], 1e-9);
        assertEquals(0x99, first.mean()[2], 1e-9);
        assertEquals(0, first.std()[0], 1e-9);
        assertEquals(64 * 36, java.util.Arrays.stream(first.luma()).sum());
        assertTrue(samples.get(2).std()[0] > 50, "bars vary: " + java.util.Arrays.toString(samples.get(2).std()));
    }
}
