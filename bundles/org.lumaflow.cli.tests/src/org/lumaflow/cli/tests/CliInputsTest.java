package org.lumaflow.cli.tests;

import static org.lumaflow.testsupport.OsgiTests.service;

import org.lumaflow.cli.tests.CliHarness.Run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.internal.Cli;
import org.lumaflow.cli.internal.ExportCommand;
import org.lumaflow.cli.internal.ProbeCommand;
import org.lumaflow.cli.internal.QcCommand;
import org.lumaflow.cli.internal.RenderCommand;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.export.Exporter;
import org.lumaflow.qc.QcService;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/**
 * Real commands on awkward inputs made here by the embedded ffmpeg: every refusal names the input and says what to
 * do, never an exception class; stills export for a stated default duration; audio-only files export audio.
 */
class CliInputsTest {

    /** An exception class name, or a Java package-qualified name, in user-facing text. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "Exception|Error:|\\b(java|javax|org|com|sun)\\.[a-z]+\\.|\\$[0-9A-Z]");

    private static Cli cli;
    private static MediaService media;

    @TempDir
    static Path dir;
    static Path tiny;
    static Path truncated;
    static Path text;
    static Path still;
    static Path audio;

    @BeforeAll
    static void setup() throws Exception {
        BundleContext bc = OsgiTests.startAll(CliInputsTest.class);
        Engine engine = service(bc, Engine.class);
        media = service(bc, MediaService.class);
        List<CliCommand> commands = new ArrayList<>(List.of(new RenderCommand(engine),
                new ProbeCommand(media), new ExportCommand(service(bc, Exporter.class), media),
                new QcCommand(service(bc, QcService.class)), new Throwing()));
        cli = new Cli(commands);
        tiny = ffmpeg("tiny_2x2.mp4", "-f", "lavfi", "-i", "testsrc2=s=2x2:r=25", "-t", "1", "-pix_fmt", "yuv420p",
                "-c:v", "mpeg4");
        Path whole = ffmpeg("whole.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-t", "2", "-pix_fmt",
                "yuv420p", "-c:v", "mpeg4");
        truncated = dir.resolve("truncated.mp4");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(whole), (int) Files.size(whole) / 3));
        text = dir.resolve("notes.mp4");
        Files.writeString(text, "meeting notes, not a video\n");
        still = ffmpeg("still.png", "-f", "lavfi", "-i", "testsrc2=s=320x240", "-frames:v", "1");
        audio = ffmpeg("audio_only.m4a", "-f", "lavfi", "-i", "sine=f=440:r=48000:d=2", "-ac", "2", "-c:a", "aac");
    }

    private static Path ffmpeg(String name, String... args) throws Exception {
        return CliHarness.ffmpeg(dir.resolve(name), args);
    }

    private static Run run(String... args) {
        return CliHarness.run(cli, args);
    }

    /** Runs a command that must be refused: exit 1, the input named, a hint, no class names. */
    private static Run refused(Path input, String hint, String... args) {
        Run r = run(args);
        String what = String.join(" ", args);
        assertEquals(1, r.code(), what + ": " + r.err() + r.out());
        assertTrue(r.err().contains(input.getFileName().toString()), what + " names the input: " + r.err());
        assertTrue(r.err().contains(hint), what + " says what to do (" + hint + "): " + r.err());
        assertFalse(CLASS_NAME.matcher(r.err()).find(), what + ": no class names: " + r.err());
        return r;
    }

    @Test
    void badMediaIsRefusedNamingTheFileAndWhatToDo() {
        String out = dir.resolve("x.mp4").toString();
        refused(tiny, "--size", "export", tiny.toString(), "-o", out, "--quiet");
        for (Path p : List.of(truncated, text)) {
            String hint = "check that the file is complete";
            refused(p, hint, "export", p.toString(), "-o", out, "--quiet");
            refused(p, hint, "probe", p.toString());
            refused(p, hint, "qc", p.toString(), "--quiet");
        }
        Path missing = dir.resolve("missing.mp4");
        refused(missing, "no such file", "export", missing.toString(), "-o", out, "--quiet");
        refused(missing, "no such file", "probe", missing.toString());
        refused(missing, "no such file", "qc", missing.toString(), "--quiet");
        assertFalse(Files.exists(dir.resolve("x.mp4")));
    }

    @Test
    void badProjectsAreRefusedNamingTheFileAndPlace() throws Exception {
        Path bad = dir.resolve("broken.lumaflow");
        Files.writeString(bad, "{\"lumaflow\": 1, \"format\": {\"width\": 64");
        Path small = dir.resolve("small.lumaflow");
        Files.writeString(small, "{\"lumaflow\": 1, \"format\": {\"width\": 2, \"height\": 2, \"rate\": 25}}");
        for (String cmd : List.of("render", "export", "qc")) {
            Run r = refused(bad, bad + ":1:", cmd, bad.toString(), "--quiet");
            assertTrue(r.err().contains("invalid JSON") && r.err().contains("line 1, column"), r.err());
            refused(small, "16..16384", cmd, small.toString(), "--quiet");
        }
    }

    @Test
    void aTinyPictureExportsScaledWhenTold() throws Exception {
        Path out = dir.resolve("tiny_scaled.mp4");
        Run r = run("export", tiny.toString(), "--size", "32x32", "-o", out.toString(), "--quiet", "--no-qc");
        assertEquals(0, r.code(), r.err());
        var v = media.probe(out).firstVideo();
        assertEquals(32, v.width());
        assertEquals(25, v.frames());
    }

    @Test
    void aStillExportsForTheStatedDefaultOrTheGivenDuration() throws Exception {
        Path out = dir.resolve("still.mp4");
        Run r = run("export", still.toString(), "-o", out.toString(), "--quiet", "--no-qc");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("still.png is a still image: exported as 5 s at 25 fps (--duration SECONDS to"
                + " change)"), r.err());
        assertTrue(r.out().contains("125 frames 320x240"), r.out());
        assertEquals(125, media.probe(out).firstVideo().frames());
        Run d = run("export", still.toString(), "-o", out.toString(), "--duration", "2.5", "--quiet", "--no-qc");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.err().contains("exported as 2.500 s at 25 fps"), d.err());
        assertEquals(63, media.probe(out).firstVideo().frames(), "2.5 s at 25 fps: 62.5 frames, the last one shown");
        Path clip = dir.resolve("clip.mp4");
        Run t = run("export", dir.resolve("whole.mp4").toString(), "-o", clip.toString(), "--duration", "1",
                "--quiet", "--no-qc");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("25 frames"), "--duration trims a video: " + t.out());
        assertEquals(2, run("export", still.toString(), "--duration", "soon").code());
    }

    @Test
    void anAudioFileExportsAudioOnly() throws Exception {
        Path out = dir.resolve("audio.m4a");
        Run r = run("export", audio.toString(), "-o", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("audio only, 2.00 s with aac"), r.out());
        var info = media.probe(out);
        assertTrue(info.video().isEmpty());
        assertEquals("aac", info.audio().get(0).codec());
        Path wav = dir.resolve("audio.wav");
        Run w = run("export", audio.toString(), "-o", wav.toString(), "--quiet");
        assertEquals(0, w.code(), w.err());
        assertEquals("pcm_s16le", media.probe(wav).audio().get(0).codec());
    }

    /** A command failing the way a defect would: the top-level handler must still speak in words. */
    private static final class Throwing implements CliCommand {
        @Override
        public String name() {
            return "throwing";
        }

        @Override
        public String summary() {
            return "fails";
        }

        @Override
        public String usage() {
            return "usage: throwing missing|null";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
            if (args.get(0).equals("missing")) {
                Files.readAllBytes(dir.resolve("nowhere.txt"));
            }
            Object o = null;
            return o.hashCode();
        }
    }

    @Test
    void unexpectedFailuresAreWordsNotClassNames() {
        Run m = run("throwing", "missing");
        assertEquals(1, m.code());
        assertTrue(m.err().contains(dir.resolve("nowhere.txt") + ": no such file or folder"), m.err());
        assertFalse(CLASS_NAME.matcher(m.err()).find(), m.err());
        Run n = run("throwing", "null");
        assertEquals(1, n.code());
        assertTrue(n.err().contains("internal error") && n.err().contains("please report"), n.err());
        assertFalse(CLASS_NAME.matcher(n.err()).find(), n.err());
    }
}
