package org.lumaflow.cli.tests;

import static org.lumaflow.testsupport.OsgiTests.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.internal.Cli;
import org.lumaflow.cli.internal.ExportCommand;
import org.lumaflow.cli.internal.QcCommand;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.export.Exporter;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.lumaflow.qc.QcService;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/**
 * QC thresholds on the command line ({@code qc} and {@code export}), on a file made here with the embedded ffmpeg:
 * moving pictures with a 0.8 s black segment at 1.0 s and a 0.8 s still at 2.8 s; audio with 0.8 s of digital
 * silence at 1.0 s and a quiet stretch (-50 dBFS) from 2.0 to 4.4 s. FFmpeg's defaults (2 s) report none of them.
 */
class QcThresholdsCliTest {

    private static Cli cli;
    private static Path media;

    @BeforeAll
    static void setup() throws Exception {
        BundleContext bc = OsgiTests.startAll(QcThresholdsCliTest.class);
        cli = new Cli(List.<CliCommand>of(new QcCommand(service(bc, QcService.class)),
                new ExportCommand(service(bc, Exporter.class), service(bc, MediaService.class))));
        Path dir = Files.createTempDirectory("lumaflow-qc-thresholds");
        media = dir.resolve("segments.mov"); // MOV: Matroska gives the audio stream no duration (QC skips it)
        String size = ":s=160x120:r=25";
        CliHarness.ffmpeg(media, "-f", "lavfi", "-i", "testsrc2=d=1" + size, "-f", "lavfi", "-i",
                "color=black:d=0.8" + size,
                "-f", "lavfi", "-i", "testsrc2=d=1" + size, "-f", "lavfi", "-i", "smptebars=d=0.8" + size,
                "-f", "lavfi", "-i", "testsrc2=d=1" + size, "-f", "lavfi", "-i",
                "aevalsrc='sin(2*PI*440*t)*(0.5*(lt(t,1)+gte(t,1.8)*lt(t,2)+gte(t,4.4))+0.003*gte(t,2)*lt(t,4.4))'"
                        + ":s=48000:d=4.6",
                "-filter_complex", "[0][1][2][3][4]concat=n=5:v=1:a=0[v]", "-map", "[v]", "-map", "5",
                "-pix_fmt", "yuv420p", "-c:v", "ffv1", "-c:a", "pcm_s16le");
    }

    private record Run(int code, String out, String err) {

        /** Events of one type printed in the summary, as {start, end}. */
        List<double[]> events(String type) {
            List<double[]> found = new ArrayList<>();
            Matcher m = Pattern.compile("(?m)^  " + type + " +([0-9.]+) \\.\\. +([0-9.]+) s").matcher(out);
            while (m.find()) {
                found.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
            }
            return found;
        }

        boolean has(String type, double start, double end) {
            return events(type).stream().anyMatch(e -> Math.abs(e[0] - start) <= 0.1 && Math.abs(e[1] - end) <= 0.1);
        }
    }

    private static Run run(String... args) {
        CliHarness.Run r = CliHarness.run(cli, args);
        return new Run(r.code(), r.out(), r.err());
    }

    private static Run qc(String... options) {
        List<String> args = new ArrayList<>(List.of("qc", media.toString(), "--quiet"));
        args.addAll(List.of(options));
        Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.code, r.err + r.out);
        return r;
    }

    @Test
    void defaultsReportNoShortSegments() {
        Run r = qc();
        assertTrue(r.events("black").isEmpty() && r.events("freeze").isEmpty() && r.events("silence").isEmpty(),
                r.out);
        assertTrue(r.out.contains("thresholds: preset default\n"), r.out);
    }

    @Test
    void blackMinimumDurationIsSettable() {
        Run r = qc("--black-min", "0.5");
        assertEquals(1, r.events("black").size(), r.out);
        assertTrue(r.has("black", 1.0, 1.8), r.out);
        assertTrue(r.events("freeze").isEmpty(), "freeze keeps its 2 s default: " + r.out);
        assertTrue(r.out.contains("thresholds: preset default, changed blackdetect.d=0.5"), r.out);
        assertTrue(qc("--black-min=500ms").has("black", 1.0, 1.8), "FFmpeg's duration units");
        assertTrue(qc("--black-min", "0.9").events("black").isEmpty(), "0.8 s is shorter than 0.9 s");
    }

    @Test
    void freezeMinimumDurationIsSettable() {
        Run r = qc("--freeze-min", "0.5");
        assertTrue(r.has("freeze", 2.8, 3.6), "the still bars: " + r.out);
        assertTrue(r.events("black").isEmpty(), r.out);
    }

    @Test
    void broadcastPresetReportsHalfSecondSegments() {
        Run r = qc("--preset", "broadcast");
        assertTrue(r.has("black", 1.0, 1.8), r.out);
        assertTrue(r.has("freeze", 2.8, 3.6), r.out);
        assertTrue(r.has("silence", 1.0, 1.8), "0.8 s of digital silence: " + r.out);
        assertTrue(r.out.contains("thresholds: preset broadcast\n"), r.out);
        assertTrue(qc("--qc-preset", "BROADCAST").has("black", 1.0, 1.8), "--qc-preset, any case");
    }

    @Test
    void silenceLevelIsSettableInDecibelsOrAsARatio() {
        assertTrue(qc().events("silence").isEmpty(), "-50 dBFS is not silent at -60 dB");
        for (String level : new String[] {"-40dB", "0.01"}) {
            Run r = qc("--silence-noise", level);
            assertTrue(r.has("silence", 2.0, 4.4), level + ": " + r.out);
            assertEquals(1, r.events("silence").size(), "the 0.8 s one stays under the 2 s default: " + r.out);
        }
        Run shortToo = qc("--silence-noise", "-40dB", "--silence-min", "0.5");
        assertEquals(2, shortToo.events("silence").size(), shortToo.out);
    }

    @Test
    void reportsRecordTheThresholds(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("qc.json");
        Path html = dir.resolve("qc.html");
        qc("--preset", "broadcast", "--black-min", "0.3", "--freeze-noise", "-50dB", "--json", json.toString(),
                "--report", html.toString());
        String j = Files.readString(json);
        assertTrue(j.contains("\"preset\" : \"broadcast\""), j.substring(0, 800));
        assertTrue(Pattern.compile("\"changed\" : \\[ \"blackdetect.d\", \"freezedetect.n\" \\]").matcher(j).find(),
                j.substring(0, 800));
        assertTrue(Pattern.compile("\"blackdetect\" : \\{\\s*\"d\" : 0.3,\\s*\"pix_th\" : 0.1,\\s*\"pic_th\" : 0.98")
                .matcher(j).find(), j.substring(0, 800));
        assertTrue(Pattern.compile("\"freezedetect\" : \\{\\s*\"n\" : 0.00316227766,\\s*\"n_db\" : -50.0,\\s*\"d\" : "
                + "0.5").matcher(j).find(), j.substring(0, 800));
        assertTrue(Pattern.compile("\"silencedetect\" : \\{\\s*\"n\" : 0.001,\\s*\"n_db\" : -60.0,\\s*\"d\" : 0.5")
                .matcher(j).find(), j.substring(0, 800));
        String h = Files.readString(html);
        assertTrue(h.contains("preset <b>broadcast</b> changed: blackdetect.d, freezedetect.n"), h);
        assertTrue(h.contains("blackdetect <b>d=0.3</b>:pix_th=0.1:pic_th=0.98; freezedetect <b>n=-50dB</b>:d=0.5"),
                h);
    }

    @Test
    void exportQcTakesTheSameOptions(@TempDir Path dir) throws Exception {
        Path mp4 = dir.resolve("out.mp4");
        Run e = run("export", media.toString(), "-o", mp4.toString(), "--qc-preset", "broadcast", "--quiet");
        assertEquals(0, e.code, e.err);
        String j = Files.readString(dir.resolve("out.mp4.qc.json"));
        assertTrue(j.contains("\"preset\" : \"broadcast\""), j.substring(0, 800));
        assertTrue(Pattern.compile("\"type\" : \"black\",\\s*\"start\" : 1.0").matcher(j).find(),
                "the 0.8 s black segment: " + j.substring(0, 2000));
        Path plain = dir.resolve("plain.mp4");
        assertEquals(0, run("export", media.toString(), "-o", plain.toString(), "--quiet").code);
        String d = Files.readString(dir.resolve("plain.mp4.qc.json"));
        assertTrue(d.contains("\"preset\" : \"default\"") && !d.contains("\"type\" : \"black\""), d.substring(0,
                800));
        Run off = run("export", media.toString(), "-o", dir.resolve("x.mp4").toString(), "--no-qc", "--black-min",
                "0.5");
        assertEquals(2, off.code, off.err);
        assertTrue(off.err.contains("--black-min") && off.err.contains("--no-qc"), off.err);
    }

    @Test
    void badValuesNameTheOptionAndTheRange(@TempDir Path dir) {
        String[][] cases = {
            {"--black-min", "abc", "bad --black-min 'abc': expected a duration from 0 to 86400 s"},
            {"--black-min", "-1", "bad --black-min '-1': expected a duration from 0 to 86400 s"},
            {"--black-pixel", "1.5", "bad --black-pixel '1.5': expected a fraction of the luma range from 0 to 1"},
            {"--freeze-noise", "2", "bad --freeze-noise '2': expected an amplitude ratio above 0 and up to 1, or a "
                + "level in dB up to 0dB"},
            {"--silence-noise", "+6dB", "bad --silence-noise '+6dB'"},
            {"--scene", "101", "bad --scene '101': expected a scene score from 0 to 100"},
            {"--clip-ratio", "x", "bad --clip-ratio 'x'"},
            {"--preset", "nope", "unknown --preset 'nope' (available: default, broadcast, strict)"}};
        for (String[] c : cases) {
            Run r = run("qc", media.toString(), c[0], c[1]);
            assertEquals(2, r.code, String.join(" ", c) + ": " + r.err);
            assertTrue(r.err.contains(c[2]), r.err);
            assertFalse(r.err.contains("Exception"), r.err);
        }
        Run e = run("export", media.toString(), "-o", dir.resolve("y.mp4").toString(), "--qc-preset", "tv");
        assertEquals(2, e.code, e.err);
        assertTrue(e.err.contains("unknown --qc-preset 'tv' (available: default, broadcast, strict)"), e.err);
        assertFalse(Files.exists(dir.resolve("y.mp4")));
    }

    @Test
    void helpListsPresetsAndThresholds() {
        Run r = run("help", "qc");
        assertEquals(0, r.code);
        for (String s : new String[] {"--preset NAME", "or --qc-preset", "broadcast", "strict", "--black-min S",
            "blackdetect d", "--freeze-noise N", "freezedetect n", "--silence-min S", "--scene T"}) {
            assertTrue(r.out.contains(s), s + " in\n" + r.out);
        }
        assertTrue(run("help", "export").out.contains("--qc-preset"));
    }
}
