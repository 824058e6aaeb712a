package org.lumaflow.qc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.SignalStats;

/**
 * QC on pixel formats other than 8-bit 4:2:0, each against the embedded ffmpeg's own {@code signalstats} on the same
 * file (which converts RGB sources itself before measuring); odd sizes, rotation, audio-only files and damage.
 */
class QcFormatsTest {

    private static Path dir;

    @BeforeAll
    static void setup() throws Exception {
        QcAgainstFFmpegTest.setup();
        dir = Files.createTempDirectory("lumaflow-qcfmt");
    }

    /** signalstats' keys and our fields. */
    private static final String[] KEYS = {"YMIN", "YLOW", "YAVG", "YHIGH", "YMAX", "UMIN", "ULOW", "UAVG", "UHIGH",
        "UMAX", "VMIN", "VLOW", "VAVG", "VHIGH", "VMAX", "SATAVG", "SATMAX", "YDIF", "BRNG"};
    private static final List<ToDoubleFunction<SignalStats>> FIELDS = List.of(SignalStats::yMin,
            SignalStats::yLow, SignalStats::yAvg, SignalStats::yHigh, SignalStats::yMax, SignalStats::uMin,
            SignalStats::uLow, SignalStats::uAvg, SignalStats::uHigh, SignalStats::uMax, SignalStats::vMin,
            SignalStats::vLow, SignalStats::vAvg, SignalStats::vHigh, SignalStats::vMax, SignalStats::satAvg,
            SignalStats::satMax, SignalStats::yDiff, SignalStats::outOfRange);

    /** Makes a 1.2 s clip of moving colours in {@code pixFmt} with {@code codec}. */
    private static Path clip(String name, String size, String pixFmt, String... codec) throws Exception {
        String[] wh = size.split("x");
        Path f = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=1.2",
                "-vf", "hue=s=1.4,scale=" + wh[0] + ":" + wh[1], "-pix_fmt", pixFmt));
        args.addAll(List.of(codec));
        args.add(f.toString());
        QcAgainstFFmpegTest.ffmpeg(args.toArray(String[]::new));
        return f;
    }

    /** Our statistics for {@code file} equal signalstats' frame by frame, every field. */
    private static QcReport matchesSignalstats(Path file, String layout, int depth) throws Exception {
        QcReport r = QcAgainstFFmpegTest.qc.analyze(file, QcOptions.defaults(), null);
        assertEquals(layout, r.pixelFormat(), "measured layout");
        assertEquals(depth, r.bitDepth());
        String log = QcAgainstFFmpegTest.ffmpeg("-i", file.toString(), "-vf", "signalstats=stat=brng,metadata=print", "-f",
                "null", "-");
        List<List<Double>> want = new ArrayList<>();
        for (String k : KEYS) {
            want.add(values(log, "lavfi.signalstats." + k));
        }
        assertEquals(want.get(0).size(), r.frames().size(), "frame count of " + file.getFileName());
        assertTrue(r.frames().size() > 0);
        for (int i = 0; i < r.frames().size(); i++) {
            SignalStats s = r.frames().get(i);
            for (int k = 0; k < KEYS.length; k++) {
                double tolerance = KEYS[k].contains("AVG") || KEYS[k].equals("YDIF") ? 0.01
                        : KEYS[k].equals("BRNG") ? 1e-5 : 0; // BRNG: a fraction, printed with 6 digits
                assertEquals(want.get(k).get(i), FIELDS.get(k).applyAsDouble(s), tolerance, file.getFileName() + " "
                        + KEYS[k] + " frame " + i);
            }
        }
        assertTrue(r.events("damage").isEmpty(), "clean file: " + r.events());
        return r;
    }

    private static List<Double> values(String log, String key) {
        List<Double> v = new ArrayList<>();
        Matcher m = Pattern.compile(Pattern.quote(key) + "=([-0-9.e+]+)").matcher(log);
        while (m.find()) {
            v.add(Double.parseDouble(m.group(1)));
        }
        return v;
    }

    @Test
    void fullRangeMjpeg() throws Exception {
        Path f = clip("mjpeg.avi", "320x240", "yuvj420p", "-c:v", "mjpeg", "-q:v", "3");
        matchesSignalstats(f, "yuvj420p", 8);
    }

    @Test
    void tenBit420() throws Exception {
        QcReport r = matchesSignalstats(clip("p10.mkv", "320x240", "yuv420p10le", "-c:v", "ffv1"), "yuv420p10le", 10);
        assertTrue(r.frames().get(0).yMax() > 255, "10-bit code values: " + r.frames().get(0));
    }

    @Test
    void proRes422TenBit() throws Exception {
        matchesSignalstats(clip("prores.mov", "320x240", "yuv422p10le", "-c:v", "prores_ks", "-profile:v", "2"),
                "yuv422p10le", 10);
    }

    @Test
    void yuv444() throws Exception {
        matchesSignalstats(clip("444.mkv", "320x240", "yuv444p", "-c:v", "ffv1"), "yuv444p", 8);
    }

    @Test
    void rgbPngInMov() throws Exception {
        matchesSignalstats(clip("rgb.mov", "320x240", "rgb24", "-c:v", "png"), "yuv444p", 8);
    }

    @Test
    void bgraPngInMov() throws Exception {
        matchesSignalstats(clip("bgra.mov", "320x240", "bgra", "-c:v", "png"), "yuv444p", 8);
    }

    @Test
    void gifAndPngStill() throws Exception {
        matchesSignalstats(clip("anim.gif", "160x120", "rgb8", "-c:v", "gif"), "yuv444p", 8);
        Path png = dir.resolve("still.png");
        QcAgainstFFmpegTest.ffmpeg("-f", "lavfi", "-i", "testsrc2=s=200x150:r=1:d=1", "-frames:v", "1", "-pix_fmt",
                "rgb24", png.toString());
        QcReport r = matchesSignalstats(png, "yuv444p", 8);
        assertEquals(1, r.frames().size());
    }

    @Test
    void oddSize() throws Exception {
        QcReport r = matchesSignalstats(clip("odd.mkv", "321x241", "yuv420p", "-c:v", "ffv1"), "yuv420p", 8);
        assertEquals(321, r.width());
        assertEquals(241, r.height());
    }

    /** A display rotation tag changes nothing in the statistics. */
    @Test
    void rotationDoesNotMatter() throws Exception {
        Path plain = clip("plain.mp4", "320x240", "yuv420p", "-c:v", "mpeg4", "-q:v", "3");
        Path rotated = dir.resolve("rotated.mp4");
        QcAgainstFFmpegTest.ffmpeg("-display_rotation", "90", "-i", plain.toString(), "-c", "copy",
                rotated.toString());
        QcReport a = QcAgainstFFmpegTest.qc.analyze(plain, QcOptions.defaults(), null);
        QcReport b = matchesSignalstats(rotated, "yuv420p", 8);
        assertEquals(a.frames().size(), b.frames().size());
        for (int i = 0; i < a.frames().size(); i++) {
            assertEquals(a.frames().get(i).yAvg(), b.frames().get(i).yAvg(), 0, "frame " + i);
            assertEquals(a.frames().get(i).satMax(), b.frames().get(i).satMax(), "frame " + i);
        }
    }

    @Test
    void audioOnlyFileGetsLoudnessAndSilence() throws Exception {
        Path m4a = dir.resolve("voice.m4a");
        QcAgainstFFmpegTest.ffmpeg("-f", "lavfi", "-i", "sine=f=440:d=2", "-f", "lavfi", "-i",
                "anullsrc=r=48000:cl=stereo:d=3", "-f", "lavfi", "-i", "sine=f=660:d=1", "-filter_complex",
                "[0]aformat=channel_layouts=stereo[a];[2]aformat=channel_layouts=stereo[c];[a][1][c]concat=n=3:v=0:a=1",
                "-c:a", "aac", "-b:a", "128k", m4a.toString());
        QcReport r = QcAgainstFFmpegTest.qc.analyze(m4a, QcOptions.defaults(), null);
        assertTrue(r.frames().isEmpty());
        assertEquals("none", r.pixelFormat());
        assertNotNull(r.audio(), "loudness");
        assertTrue(r.audio().integrated() > -30 && r.audio().integrated() < 0, "integrated " + r.audio());
        List<QcEvent> silence = r.events("silence");
        assertEquals(1, silence.size(), r.events().toString());
        assertEquals(2.0, silence.get(0).start(), 0.1);
        assertEquals(5.0, silence.get(0).end(), 0.1);
        Path json = dir.resolve("voice.json");
        QcAgainstFFmpegTest.qc.writeJson(r, json);
        QcAgainstFFmpegTest.qc.writeHtml(r, dir.resolve("voice.html"));
        assertTrue(Files.readString(json).contains("\"silence\""));
    }

    /** Bytes overwritten in the middle of a file: QC finishes and names the damage with its time. */
    @Test
    void damageBecomesEventsAndTheAnalysisGoesOn() throws Exception {
        Path clean = dir.resolve("clean.mp4");
        QcAgainstFFmpegTest.ffmpeg("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=6", "-f", "lavfi", "-i",
                "sine=f=440:d=6", "-c:v", "mpeg4", "-q:v", "4", "-c:a", "aac", "-b:a", "128k", clean.toString());
        byte[] bytes = Files.readAllBytes(clean);
        Random random = new Random(7);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 20_000; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        Path broken = dir.resolve("broken.mp4");
        Files.write(broken, bytes);
        QcReport cleanReport = QcAgainstFFmpegTest.qc.analyze(clean, QcOptions.defaults(), null);
        assertTrue(cleanReport.events("damage").isEmpty(), cleanReport.events().toString());
        QcReport r = QcAgainstFFmpegTest.qc.analyze(broken, QcOptions.defaults(), null);
        assertTrue(r.frames().size() >= 140, "the pictures after the damage analysed: " + r.frames().size());
        assertNotNull(r.audio(), "audio measured despite the damage");
        List<QcEvent> damage = r.events("damage");
        assertFalse(damage.isEmpty(), r.events().toString());
        for (QcEvent e : damage) {
            assertTrue(e.start() > 1 && e.start() < 5, "damage in the middle: " + e);
        }
        assertTrue(damage.stream().anyMatch(e -> e.detail().contains("audio:")), "audio damage: " + damage);
        assertTrue(damage.stream().anyMatch(e -> !e.detail().contains("audio:")), "video damage: " + damage);
    }

    /** A stream whose timestamps jump (pictures missing) reports the gap. */
    @Test
    void timestampGapIsAnEvent() throws Exception {
        Path f = dir.resolve("gap.mkv");
        QcAgainstFFmpegTest.ffmpeg("-f", "lavfi", "-i", "testsrc2=s=160x120:r=25:d=3", "-vf",
                "select='not(between(t,1,1.98))'", "-fps_mode", "passthrough", "-c:v", "ffv1", f.toString());
        QcReport r = QcAgainstFFmpegTest.qc.analyze(f, QcOptions.defaults(), null);
        List<QcEvent> gaps = r.events("gap");
        assertEquals(1, gaps.size(), r.events().toString());
        assertEquals(1.0, gaps.get(0).start(), 0.05);
        assertEquals(2.0, gaps.get(0).end(), 0.05);
        assertNull(r.comparison());
    }
}
