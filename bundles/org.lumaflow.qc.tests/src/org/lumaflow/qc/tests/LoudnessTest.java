package org.lumaflow.qc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.decoder.AudioSource;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.lumaflow.qc.internal.Loudness;
import org.lumaflow.qc.internal.SilenceDetector;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/**
 * {@link Loudness} and {@link SilenceDetector}: against the EBU Tech 3341/3342 expectations on signals made here, and
 * against FFmpeg's own {@code ebur128} and {@code silencedetect} filters (the embedded {@code ffmpeg} program) on
 * clips it makes and our decoder reads.
 */
class LoudnessTest {

    static final int SR = 48_000;
    /** Tolerances (the FFmpeg summary itself is rounded to 0.1). */
    static final double I_TOL = 0.1;
    static final double LRA_TOL = 0.5;
    static final double TP_TOL = 0.3;
    static final double EDGE_TOL = 0.020;

    @TempDir
    static Path dir;
    static MediaService media;

    @BeforeAll
    static void services() throws Exception {
        BundleContext bc = OsgiTests.startAll(LoudnessTest.class);
        media = OsgiTests.service(bc, MediaService.class);
    }

    // ---------------------------------------------------------------- against FFmpeg

    @Test
    void sinesAtSeveralLevelsMatchFfmpegAndTheStandard() throws Exception {
        for (double dbfs : new double[] { -6, -20, -40 }) {
            String a = String.format(Locale.ROOT, "%.9f", Math.pow(10, dbfs / 20));
            Path wav = clip("sine" + (int) -dbfs + ".wav", "aevalsrc=exprs=" + a + "*sin(2*PI*1000*t)|" + a
                    + "*sin(2*PI*1000*t):s=48000:d=10", "-c:a", "pcm_f32le");
            Measured m = measure(wav, null);
            Reference ref = reference(wav);
            report("stereo 1 kHz sine " + dbfs + " dBFS (wav)", m.loudness, ref);
            compare(m.loudness, ref);
            // EBU Tech 3341 case 1/2: a stereo 1 kHz sine at X dBFS (peak) reads X LUFS
            assertEquals(dbfs, m.loudness.integrated(), 0.05, "integrated of a stereo sine at " + dbfs + " dBFS");
            assertEquals(dbfs, m.loudness.samplePeak(), 0.01, "sample peak");
            assertEquals(dbfs, m.loudness.truePeak(), 0.05, "true peak");
            assertEquals(0, m.loudness.range(), 0.05, "a steady tone has no range");
            assertEquals(dbfs, m.loudness.momentaryMax(), 0.05, "momentary max");
        }
        // one channel only: 3 dB less (BS.1770: a 0 dBFS 1 kHz sine in one channel reads -3.01 LKFS)
        Path left = clip("left20.wav", "aevalsrc=exprs=0.1*sin(2*PI*1000*t)|0:s=48000:d=10", "-c:a", "pcm_f32le");
        Measured m = measure(left, null);
        Reference ref = reference(left);
        report("left-only 1 kHz sine -20 dBFS (wav)", m.loudness, ref);
        compare(m.loudness, ref);
        assertEquals(-23.01, m.loudness.integrated(), 0.05);
    }

    @Test
    void pinkNoiseProgrammeMatchesFfmpegInWavAndAac() throws Exception {
        // decorrelated stereo pink noise in three sections: 0 dB, -14 dB, -6 dB
        String graph = "anoisesrc=c=pink:r=48000:a=0.5:d=30:seed=7[a];anoisesrc=c=pink:r=48000:a=0.5:d=30:seed=8[b];"
                + "[a][b]join=inputs=2:channel_layout=stereo,"
                + "volume='if(lt(t,10),1,if(lt(t,20),0.2,0.5))':eval=frame";
        Path wav = clip("pink.wav", graph, "-c:a", "pcm_s24le");
        Path m4a = clip("pink.m4a", graph, "-c:a", "aac", "-b:a", "192k");
        for (Path p : List.of(wav, m4a)) {
            Measured m = measure(p, null);
            Reference ref = reference(p);
            report("pink noise 0/-14/-6 dB (" + p.getFileName() + ")", m.loudness, ref);
            compare(m.loudness, ref);
            assertTrue(m.loudness.range() > 10 && m.loudness.range() < 18, "a real range: " + m.loudness.range());
            assertTrue(m.loudness.truePeak() >= m.loudness.samplePeak());
        }
    }

    @Test
    void truePeakFindsTheOverBetweenSamples() throws Exception {
        // a 12 kHz sine (fs/4) at 45 degrees: every sample is at 0.707 of the crest; faded in and out so the
        // interpolation sees no onset transient
        Path wav = clip("tp.wav", "aevalsrc=exprs=0.5*sin(2*PI*12000*t+PI/4)|0.5*sin(2*PI*12000*t+PI/4):s=48000:d=5,"
                + "afade=t=in:d=0.5,afade=t=out:st=4.5:d=0.5", "-c:a", "pcm_f32le");
        Measured m = measure(wav, null);
        Reference ref = reference(wav);
        report("12 kHz sine at 45 deg, 0.5 (wav)", m.loudness, ref);
        compare(m.loudness, ref);
        assertEquals(20 * Math.log10(0.5 * Math.sqrt(0.5)), m.loudness.samplePeak(), 0.01, "sample peak");
        assertEquals(20 * Math.log10(0.5), m.loudness.truePeak(), 0.05, "true peak: the crest between samples");
    }

    @Test
    void silencesMatchSilencedetect() throws Exception {
        // left 997 Hz silent over [3, 6.5), [7.5, 8.2) (too short) and from 9.5; right 440 Hz silent over
        // [2.8, 6.5) and from 9.5: silences [3, 6.5) and [9.5, 12) (running to the end)
        String graph = "aevalsrc=exprs=0.3*sin(2*PI*997*t)*not(between(t\\,3\\,6.5))*not(between(t\\,7.5\\,8.2))"
                + "*not(gte(t\\,9.5))|0.2*sin(2*PI*440*t)*not(between(t\\,2.8\\,6.5))*not(gte(t\\,9.5))"
                + ":s=48000:d=12";
        Path wav = clip("gaps.wav", graph, "-c:a", "pcm_s16le");
        Measured m = measure(wav, new SilenceDetector(-60, 2));
        Reference ref = reference(wav);
        report("997/440 Hz with gaps (wav)", m.loudness, ref);
        reportSilences("997/440 Hz with gaps (wav)", m.silences, ref.silences);
        compare(m.loudness, ref);
        compareSilences(m.silences, ref.silences);
        assertEquals(2, m.silences.size(), m.silences.toString());
        assertEquals(3.0, m.silences.get(0).start(), 0.001);
        assertEquals(6.5, m.silences.get(0).end(), 0.001);
        assertEquals(9.5, m.silences.get(1).start(), 0.001);
        assertEquals(12.0, m.silences.get(1).end(), 0.001);

        // the same through AAC (encoder delay, smeared edges): still what FFmpeg finds in the same file
        Path m4a = clip("gaps.m4a", graph, "-c:a", "aac", "-b:a", "160k");
        Measured a = measure(m4a, new SilenceDetector(-60, 2));
        Reference aref = reference(m4a);
        report("997/440 Hz with gaps (m4a)", a.loudness, aref);
        reportSilences("997/440 Hz with gaps (m4a)", a.silences, aref.silences);
        compare(a.loudness, aref);
        compareSilences(a.silences, aref.silences);
    }

    @Test
    void silenceThresholdAndDurationAreHonoured() throws Exception {
        // a -50 dB tone gap is silence at -40 dB but not at -60 dB; a 1.5 s gap counts only when d < 1.5
        String graph = "aevalsrc=exprs=if(between(t\\,2\\,5)\\,0.00316\\,0.5)*sin(2*PI*500*t)"
                + "*not(between(t\\,6\\,7.5)):c=stereo:s=48000:d=9";
        Path wav = clip("levels.wav", graph, "-c:a", "pcm_f32le");
        for (double[] nd : new double[][] { { -60, 2 }, { -40, 2 }, { -40, 1 } }) {
            String f = String.format(Locale.ROOT, "silencedetect=n=%.0fdB:d=%.1f", nd[0], nd[1]);
            List<double[]> ref = silences(ffmpegStderr("-i", wav.toString(), "-af", f, "-f", "null", "-"));
            Measured m = measure(wav, new SilenceDetector(nd[0], nd[1]));
            reportSilences("500 Hz with a -50 dB stretch and a 1.5 s gap, " + f, m.silences, ref);
            compareSilences(m.silences, ref);
        }
        assertEquals(0, measure(wav, new SilenceDetector(-60, 2)).silences.size());
        assertEquals(1, measure(wav, new SilenceDetector(-40, 2)).silences.size());
        assertEquals(2, measure(wav, new SilenceDetector(-40, 1)).silences.size());
    }

    // ---------------------------------------------------------------- against the standards, no FFmpeg

    @Test
    void ebu3341IntegratedCases() {
        // Tech 3341 case 3: 10 s -36, 60 s -23, 10 s -36 dBFS stereo 1 kHz -> -23.0 LUFS (+-0.1)
        assertEquals(-23.0, feed(new double[][] { { 10, -36 }, { 60, -23 }, { 10, -36 } }).integrated(), 0.1);
        // case 4: the -72 dBFS parts fall under the absolute gate
        assertEquals(-23.0, feed(new double[][] { { 10, -72 }, { 10, -36 }, { 60, -23 }, { 10, -36 }, { 10, -72 } })
                .integrated(), 0.1);
        // case 5: 20 s -26, 20.1 s -20, 20 s -26 -> -23.0
        assertEquals(-23.0, feed(new double[][] { { 20, -26 }, { 20.1, -20 }, { 20, -26 } }).integrated(), 0.1);
        // the relative gate is what makes case 3 read -23: without it the -36 parts would pull it down
        Loudness.Result r = feed(new double[][] { { 10, -36 }, { 60, -23 }, { 10, -36 } });
        assertEquals(-33.0 + 10 * Math.log10(0.75 + 0.25 * Math.pow(10, -1.3)), r.threshold(), 0.05,
                "relative gate: 10 LU under the mean power of all blocks");
    }

    @Test
    void ebu3342RangeCases() {
        // Tech 3342 cases 1-3: two 20 s stereo 1 kHz tones -> LRA 10, 5, 20 LU (+-1)
        assertEquals(10, feed(new double[][] { { 20, -20 }, { 20, -30 } }).range(), 0.1);
        assertEquals(5, feed(new double[][] { { 20, -20 }, { 20, -15 } }).range(), 0.1);
        assertEquals(20, feed(new double[][] { { 20, -40 }, { 20, -20 } }).range(), 0.1);
        // case 4: -50 (gated out relatively), -35, -20, -35, -50 -> 15 LU
        assertEquals(15, feed(new double[][] { { 20, -50 }, { 20, -35 }, { 20, -20 }, { 20, -35 }, { 20, -50 } })
                .range(), 0.1);
    }

    @Test
    void silenceMeasuresNothingAndAnEmptyMeterToo() {
        Loudness l = new Loudness();
        Loudness.Result empty = l.result();
        assertEquals(Double.NEGATIVE_INFINITY, empty.integrated());
        assertEquals(Double.NEGATIVE_INFINITY, empty.truePeak());
        float[] z = new float[SR];
        for (int i = 0; i < 20; i++) {
            l.add(z, z, SR);
        }
        Loudness.Result r = l.result();
        assertEquals(Double.NEGATIVE_INFINITY, r.integrated());
        assertEquals(0, r.range());
        assertEquals(Double.NEGATIVE_INFINITY, r.samplePeak());
        assertEquals(20L * SR, r.samples());
        SilenceDetector s = new SilenceDetector();
        for (int i = 0; i < 3; i++) {
            s.add(z, z, SR);
        }
        assertEquals(1, s.intervals().size());
        assertEquals(0.0, s.intervals().get(0).start());
        assertEquals(3.0, s.intervals().get(0).end());
    }

    @Test
    void resultDoesNotDependOnHowTheInputIsCut() {
        Random rnd = new Random(42);
        int n = 12 * SR;
        float[] l = new float[n];
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            double env = i < 4 * SR ? 0.3 : i < 8 * SR ? 0.03 : 0.1;
            l[i] = (float) (env * rnd.nextGaussian());
            r[i] = (float) (env * rnd.nextGaussian());
        }
        Loudness whole = new Loudness();
        whole.add(l, r, n);
        Loudness pieces = new Loudness();
        float[] bl = new float[5000];
        float[] br = new float[5000];
        for (int i = 0; i < n;) {
            int c = Math.min(n - i, 1 + rnd.nextInt(5000));
            System.arraycopy(l, i, bl, 0, c);
            System.arraycopy(r, i, br, 0, c);
            pieces.add(bl, br, c);
            i += c;
        }
        assertEquals(whole.result(), pieces.result());
        assertEquals(whole.result(), whole.result(), "result() leaves the meter as it was");
        assertTrue(whole.result().truePeak() >= whole.result().samplePeak());
    }

    @Test
    void addDoesNotAllocate() throws Exception {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Class<?> sun = ClassLoader.getPlatformClassLoader().loadClass("com.sun.management.ThreadMXBean");
        Method allocated = sun.getMethod("getCurrentThreadAllocatedBytes");
        float[] l = new float[4096];
        float[] r = new float[4096];
        Random rnd = new Random(1);
        for (int i = 0; i < l.length; i++) {
            l[i] = (float) (0.1 * rnd.nextGaussian());
            r[i] = (float) (0.1 * rnd.nextGaussian());
        }
        Loudness meter = new Loudness();
        SilenceDetector silence = new SilenceDetector();
        for (int i = 0; i < 2000; i++) { // warm up (JIT)
            meter.add(l, r, l.length);
            silence.add(l, r, l.length);
        }
        long before = (Long) allocated.invoke(bean);
        long after0 = (Long) allocated.invoke(bean);
        for (int i = 0; i < 500; i++) {
            meter.add(l, r, l.length);
            silence.add(l, r, l.length);
        }
        long after = (Long) allocated.invoke(bean);
        long overhead = after0 - before; // of the measurement itself
        assertTrue(after - after0 <= overhead + 64, "bytes allocated by 500 add() calls: " + (after - after0));
    }

    // ---------------------------------------------------------------- helpers

    /** Feeds stereo 1 kHz sine sections {seconds, dBFS} to a new meter. */
    static Loudness.Result feed(double[][] sections) {
        Loudness meter = new Loudness();
        float[] l = new float[4800];
        long t = 0;
        for (double[] s : sections) {
            long n = Math.round(s[0] * SR);
            double a = Math.pow(10, s[1] / 20);
            for (long done = 0; done < n;) {
                int c = (int) Math.min(l.length, n - done);
                for (int i = 0; i < c; i++) {
                    l[i] = (float) (a * Math.sin(2 * Math.PI * 1000 * (t + i) / SR));
                }
                meter.add(l, l, c);
                done += c;
                t += c;
            }
        }
        return meter.result();
    }

    record Measured(Loudness.Result loudness, List<SilenceDetector.Interval> silences) {
    }

    /** Decodes {@code file} with the MediaService and measures it. */
    static Measured measure(Path file, SilenceDetector silence) throws Exception {
        try (AudioSource src = media.openAudio(file)) {
            Loudness.Result r = Loudness.measure(src, silence);
            return new Measured(r, silence == null ? List.of() : silence.intervals());
        }
    }

    /** FFmpeg's figures: integrated, range, sample peak, true peak (summary, rounded to 0.1), silences. */
    record Reference(double integrated, double range, double samplePeak, double truePeak, List<double[]> silences) {
    }

    static Reference reference(Path file) throws Exception {
        String out = ffmpegStderr("-i", file.toString(), "-af",
                "ebur128=peak=true+sample,silencedetect=n=-60dB:d=2", "-f", "null", "-");
        int at = out.lastIndexOf("Summary:");
        assertTrue(at >= 0, "no ebur128 summary:\n" + out);
        String s = out.substring(at);
        return new Reference(number(s, "I:\\s+(\\S+) LUFS"), number(s, "LRA:\\s+(\\S+) LU"),
                number(s, "Sample peak:\\s+Peak:\\s+(\\S+) dBFS"), number(s, "True peak:\\s+Peak:\\s+(\\S+) dBFS"),
                silences(out));
    }

    static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex + " in\n" + text);
        String v = m.group(1);
        return v.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(v);
    }

    /** silence_start / silence_end pairs from silencedetect's log. */
    static List<double[]> silences(String log) {
        List<double[]> list = new ArrayList<>();
        Matcher m = Pattern.compile("silence_(start|end): (\\S+)").matcher(log);
        double start = Double.NaN;
        while (m.find()) {
            double v = Double.parseDouble(m.group(2));
            if (m.group(1).equals("start")) {
                start = v;
            } else {
                list.add(new double[] { start, v });
                start = Double.NaN;
            }
        }
        assertTrue(Double.isNaN(start), "a silence_start without its end:\n" + log);
        return list;
    }

    static void compare(Loudness.Result ours, Reference ref) {
        assertEquals(ref.integrated, ours.integrated(), I_TOL, "integrated loudness vs ffmpeg");
        assertEquals(ref.range, ours.range(), LRA_TOL, "loudness range vs ffmpeg");
        assertEquals(ref.truePeak, ours.truePeak(), TP_TOL, "true peak vs ffmpeg");
        assertEquals(ref.samplePeak, ours.samplePeak(), 0.06, "sample peak vs ffmpeg (rounded to 0.1)");
    }

    static void compareSilences(List<SilenceDetector.Interval> ours, List<double[]> ref) {
        assertEquals(ref.size(), ours.size(), "silences: ours " + ours + ", ffmpeg " + show(ref));
        for (int i = 0; i < ref.size(); i++) {
            assertEquals(ref.get(i)[0], ours.get(i).start(), EDGE_TOL, "start of silence " + i);
            assertEquals(ref.get(i)[1], ours.get(i).end(), EDGE_TOL, "end of silence " + i);
        }
    }

    static void report(String what, Loudness.Result m, Reference ref) {
        System.out.printf(Locale.ROOT,
                "[loudness] %s: I %.3f (ffmpeg %.1f) LUFS, LRA %.3f (%.1f) LU, TP %.3f (%.1f) dBTP, SP %.3f (%.1f)"
                        + " dBFS, M max %.3f, S max %.3f%n",
                what, m.integrated(), ref.integrated, m.range(), ref.range, m.truePeak(), ref.truePeak,
                m.samplePeak(), ref.samplePeak, m.momentaryMax(), m.shortTermMax());
    }

    static void reportSilences(String what, List<SilenceDetector.Interval> ours, List<double[]> ref) {
        StringBuilder sb = new StringBuilder();
        for (SilenceDetector.Interval i : ours) {
            sb.append(String.format(Locale.ROOT, "[%.5f, %.5f) ", i.start(), i.end()));
        }
        System.out.printf(Locale.ROOT, "[silence] %s: ours %s; ffmpeg %s%n", what, sb.toString().trim(), show(ref));
    }

    static String show(List<double[]> list) {
        StringBuilder sb = new StringBuilder();
        for (double[] d : list) {
            sb.append(String.format(Locale.ROOT, "[%.5f, %.5f) ", d[0], d[1]));
        }
        return sb.toString().trim();
    }

    /** Makes {@code name} in the temp folder from a lavfi filter graph, encoded with {@code codecArgs}. */
    static Path clip(String name, String graph, String... codecArgs) throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("-loglevel", "error", "-y", "-filter_complex", graph,
                "-ar", "48000", "-ac", "2"));
        args.addAll(List.of(codecArgs));
        args.add(out.toString());
        ffmpegStderr(args.toArray(String[]::new));
        return out;
    }

    /** Runs the embedded ffmpeg; returns its output (stderr with stdout); fails on a non-zero exit. */
    static String ffmpegStderr(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(FFmpeg.commandLine().toString());
        cmd.addAll(List.of("-hide_banner", "-nostats", "-nostdin"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + String.join(" ", cmd) + "\n" + out);
        }
        return out;
    }
}
