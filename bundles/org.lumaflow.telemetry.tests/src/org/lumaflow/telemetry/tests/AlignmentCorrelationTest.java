package org.lumaflow.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.cli.CliCommand;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.lumaflow.telemetry.Alignment;
import org.lumaflow.telemetry.Alignment.Method;
import org.lumaflow.telemetry.Channel;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.telemetry.TimeSeries;
import org.lumaflow.telemetry.internal.ArraySeries;
import org.lumaflow.testsupport.OsgiTests;
import org.lumaflow.testsupport.SharedData;
import org.osgi.framework.BundleContext;

/**
 * {@link Method#CORRELATION}: telemetry motion matched against the video's motion. The GoPro clip's own gyro, shifted by
 * known amounts and cut loose from its video clock, is lined up again; noise and a flat signal are refused with a
 * reason; a clip made here with a pattern that pans in bursts is lined up with a CSV of the same bursts.
 */
class AlignmentCorrelationTest {

    /** Pan bursts of the made clip: start and length, seconds (irregular, so no spacing repeats). */
    private static final double[][] BURSTS = {{3, 1.2}, {7.5, 0.8}, {10, 1.5}, {16, 1}, {22.5, 1.3}, {26, 0.7},
            {31, 1.1}, {36, 0.9}};

    private static BundleContext bc;
    private static TelemetryService service;

    @BeforeAll
    static void start() throws Exception {
        bc = OsgiTests.startAll(AlignmentCorrelationTest.class);
        service = OsgiTests.service(bc, TelemetryService.class);
    }

    private static Path karma() {
        return SharedData.file("telemetry/karma.mp4");
    }

    @Test
    void karmasGyroFindsAKnownShiftAgain() throws Exception {
        Path mp4 = karma();
        Telemetry own = service.read(mp4);
        for (double shift : new double[] {2.4, -1.7}) {
            Telemetry t = shifted(own, shift, s -> true, false);
            long t0 = System.nanoTime();
            Alignment a = service.align(t, mp4, null, true);
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "[correlation] karma.mp4 gyro shifted %+.1f s: offset %.3f s (error %.3f s)"
                    + " in %.0f ms: %s%n", shift, a.offset(), a.offset() + shift, ms, a.reason());
            assertEquals(Method.CORRELATION, a.method(), a.reason());
            assertEquals(-shift, a.offset(), 0.1, a.reason());
            assertTrue(a.reason().contains("gyro magnitude"), a.reason());
            assertTrue(a.reason().contains("preferred to MANUAL"), a.reason());
        }
    }

    @Test
    void onGpsTimeTheCorrelationOnlyReportsItsAgreement() throws Exception {
        Path mp4 = karma();
        Telemetry own = service.read(mp4);
        Telemetry t = shifted(own, 0, s -> true, true); // UTC kept: GPS_UTC against the clip's own GPMF
        Alignment a = service.align(t, mp4, null, true);
        System.out.println("[correlation] karma.mp4 by GPS time: " + a.reason());
        assertEquals(Method.GPS_UTC, a.method(), a.reason());
        assertEquals(0, a.offset(), 1e-6);
        assertTrue(a.reason().contains("motion correlation agrees within"), a.reason());
    }

    /** Accelerometer or speed alone: whatever karma gives there, a confident answer must be the right one. */
    @Test
    void karmasAccelerationOrSpeedAloneIsNeverConfidentlyWrong() throws Exception {
        Path mp4 = karma();
        Telemetry own = service.read(mp4);
        Map<String, Predicate<TimeSeries>> only = new LinkedHashMap<>();
        only.put("acceleration", s -> s.channel(Channels.ACCEL_X) >= 0);
        only.put("speed", s -> s.channel(Channels.SPEED_2D) >= 0 || s.channel(Channels.SPEED_3D) >= 0);
        for (var e : only.entrySet()) {
            Telemetry t = shifted(own, 2.4, e.getValue(), false);
            Alignment a = service.align(t, mp4, null, true);
            System.out.printf(Locale.ROOT, "[correlation] karma.mp4 %s only, shifted +2.4 s: %s offset %.3f: %s%n",
                    e.getKey(), a.method(), a.offset(), a.reason());
            assertTrue(a.reason().contains("motion correlation"), a.reason());
            if (a.method() == Method.CORRELATION) {
                assertEquals(-2.4, a.offset(), 0.1, a.reason());
            } else {
                assertEquals(Method.MANUAL, a.method());
                assertTrue(a.reason().contains("motion correlation not used"), a.reason());
            }
        }
    }

    @Test
    void noiseAndAFlatSignalAreRefused() throws Exception {
        Path mp4 = karma();
        double[] times = new double[4800];
        for (int i = 0; i < times.length; i++) {
            times[i] = i / 400.0;
        }
        Random rnd = new Random(14);
        double[] white = new double[times.length];
        double[] smooth = new double[times.length];
        double run = 0;
        for (int i = 0; i < times.length; i++) {
            white[i] = rnd.nextGaussian();
            run = 0.995 * run + 0.1 * rnd.nextGaussian(); // low-passed noise: slow random swings
            smooth[i] = run;
        }
        double[] flat = new double[times.length];
        java.util.Arrays.fill(flat, 0.02);
        String[] expect = {"below", null, "flat"};
        double[][] signals = {white, smooth, flat};
        String[] names = {"white noise", "smooth noise", "flat"};
        for (int k = 0; k < signals.length; k++) {
            Telemetry t = gyroOnly(times, signals[k]);
            Alignment a = service.align(t, mp4, 1.25, true);
            System.out.printf(Locale.ROOT, "[correlation] %s gyro against karma.mp4: %s: %s%n", names[k], a.method(),
                    a.reason());
            assertEquals(Method.MANUAL, a.method(), a.reason());
            assertEquals(1.25, a.offset(), 1e-9, "the offset given by hand stays");
            assertTrue(a.reason().contains("motion correlation not used: "), a.reason());
            if (expect[k] != null) {
                assertTrue(a.reason().contains(expect[k]), a.reason());
            }
        }
    }

    @Test
    void aClipPannedInBurstsMatchesItsCsvTelemetry(@TempDir Path dir) throws Exception {
        Path clip = burstClip(dir);
        double shift = 3.3; // telemetry second = media second + 3.3
        StringBuilder csv = new StringBuilder("time,gyro_x,gyro_y,gyro_z\n");
        Random rnd = new Random(3);
        for (int i = 0; i <= 50 * 45; i++) {
            double media = i / 50.0 - shift;
            double z = 0;
            for (double[] b : BURSTS) {
                if (media >= b[0] && media < b[0] + b[1]) {
                    z = -0.6; // panning right
                }
            }
            csv.append(String.format(Locale.ROOT, "%.3f,%.4f,%.4f,%.4f%n", i / 50.0, 0.01 * rnd.nextGaussian(),
                    0.01 * rnd.nextGaussian(), z + 0.01 * rnd.nextGaussian()));
        }
        Path file = dir.resolve("bursts.csv");
        Files.writeString(file, csv);
        Telemetry t = service.read(file);
        Alignment a = service.align(t, clip, null, true);
        System.out.printf(Locale.ROOT, "[correlation] burst clip, CSV shifted %.1f s: offset %.3f s (error %.3f s): %s%n",
                shift, a.offset(), a.offset() + shift, a.reason());
        assertEquals(Method.CORRELATION, a.method(), a.reason());
        assertEquals(-shift, a.offset(), 0.1, a.reason());

        Alignment plain = service.align(t, clip, null, false);
        assertEquals(Method.MANUAL, plain.method(), "without correlate the offset stays manual");
        assertNotEquals(a.offset(), plain.offset());

        // lumaflow highlights --correlate uses it
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command("highlights").run(List.of(clip.toString(), "--telemetry", file.toString(), "--correlate",
                "--no-detect", "--out", dir.resolve("reel.lumaflow").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("motion correlation: offset (-?[0-9.]+) s").matcher(e);
        assertTrue(m.find(), e);
        assertEquals(-shift, Double.parseDouble(m.group(1)), 0.1, e);
    }

    /** The streams of {@code t} that {@code keep} accepts, their times plus {@code shift}, off the video clock. */
    private static Telemetry shifted(Telemetry t, double shift, Predicate<TimeSeries> keep, boolean keepUtc) {
        Map<String, TimeSeries> streams = new LinkedHashMap<>();
        for (var e : t.streams().entrySet()) {
            TimeSeries s = e.getValue();
            if (!keep.test(s) || s.size() == 0) {
                continue;
            }
            int n = s.size();
            double[] times = new double[n];
            double[][] cols = new double[s.channels().size()][n];
            for (int i = 0; i < n; i++) {
                times[i] = s.time(i) + shift;
                for (int c = 0; c < cols.length; c++) {
                    cols[c][i] = s.value(c, i);
                }
            }
            streams.put(e.getKey(), new ArraySeries(s.name(), s.channels(), times, cols, n, Double.POSITIVE_INFINITY));
        }
        return new Telemetry(Path.of("elsewhere", "shifted.bin"), "test", t.device(), keepUtc ? t.utcStart() : null,
                false, streams, List.of(), List.of());
    }

    private static Telemetry gyroOnly(double[] times, double[] z) {
        double[] zero = new double[times.length];
        TimeSeries s = new ArraySeries("GYRO", List.of(new Channel(Channels.GYRO_X, "rad/s"),
                new Channel(Channels.GYRO_Y, "rad/s"), new Channel(Channels.GYRO_Z, "rad/s")), times,
                new double[][] {zero, zero, z}, times.length, Double.POSITIVE_INFINITY);
        return new Telemetry(Path.of("elsewhere", "gyro.bin"), "test", "", null, false, Map.of("GYRO", s), List.of(),
                List.of());
    }

    /**
     * 40 s, 320x180, 25 fps: a still test card cropped from a wider one, the crop window moving 60 px/s during
     * {@link #BURSTS} and standing still between them.
     */
    private static Path burstClip(Path dir) throws Exception {
        StringBuilder x = new StringBuilder("20");
        for (double[] b : BURSTS) {
            x.append(String.format(Locale.ROOT, "+60*clip(t-%s\\,0\\,%s)", b[0], b[1]));
        }
        Path out = dir.resolve("bursts.mp4");
        List<String> cmd = new ArrayList<>(List.of(FFmpeg.commandLine().toString(), "-hide_banner", "-loglevel",
                "error", "-y", "-f", "lavfi", "-i", "testsrc=s=960x180:r=25:d=1,trim=end_frame=1,loop=loop=999:size=1,"
                        + "setpts=N/25/TB,trim=duration=40,crop=320:180:x='" + x + "':y=0",
                "-c:v", "mpeg4", "-q:v", "3", out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, log);
        return out;
    }

    private static CliCommand command(String name) throws Exception {
        return OsgiTests.service(bc, CliCommand.class, c -> c.name().equals(name), "CLI command '" + name + "'");
    }
}
