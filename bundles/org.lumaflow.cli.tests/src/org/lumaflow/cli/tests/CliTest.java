package org.lumaflow.cli.tests;

import static org.lumaflow.testsupport.OsgiTests.service;

import org.lumaflow.cli.tests.CliHarness.Run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.internal.Cli;
import org.lumaflow.cli.internal.ExportCommand;
import org.lumaflow.cli.internal.ProbeCommand;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.export.Exporter;
import org.lumaflow.cli.internal.NodesCommand;
import org.lumaflow.cli.internal.RenderCommand;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/** The CLI commands on the real engine service (DS), as the product runs them. */
class CliTest {

    private static Cli cli;
    private static Engine engine;

    @BeforeAll
    static void setup() throws Exception {
        BundleContext bc = OsgiTests.startAll(CliTest.class);
        engine = service(bc, Engine.class);
        cli = new Cli(List.<CliCommand>of(new RenderCommand(engine), new NodesCommand(engine.registry()),
                new ProbeCommand(service(bc, MediaService.class)),
                new ExportCommand(service(bc, Exporter.class), service(bc, MediaService.class))));
    }

    private static Run run(String... args) {
        return CliHarness.run(cli, args);
    }

    @Test
    void rendersTheBundledDemoToPng(@TempDir Path dir) throws Exception {
        Run r = run("render", "--frames", "60..63", "--size", "96x54", "--out", dir.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("rendered 4 frame(s) 96x54 of 'Lumaflow demo'"), r.out());
        try (var s = Files.list(dir)) {
            assertEquals(List.of("frame_000060.png", "frame_000061.png", "frame_000062.png", "frame_000063.png"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "no temp files left");
        }
        BufferedImage img = ImageIO.read(dir.resolve("frame_000061.png").toFile());
        assertEquals(96, img.getWidth());
        assertEquals(54, img.getHeight());
        assertEquals(0, engine.pool().outstanding(), "no frame leases left after the render");
    }

    @Test
    void pngMatchesTheRenderedFrame(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("p.lumaflow");
        Files.writeString(project, """
                {"lumaflow": 1, "name": "p", "format": {"width": 32, "height": 18, "rate": 25},
                 "tracks": [{"clips": [{"id": "c", "start": 0, "duration": "2f",
                   "source": {"type": "core.solid", "params": {"color": "#11223380"}}}]}]}
                """);
        Run r = run("render", project.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(dir.resolve("out/frame_000001.png").toFile());
        int[] px = img.getRaster().getPixel(5, 5, new int[4]);
        // the solid (alpha 0x80) over the timeline's opaque black background
        assertEquals(0x09, px[0]);
        assertEquals(0x11, px[1]);
        assertEquals(0x1A, px[2]);
        assertEquals(255, px[3]);
    }

    @Test
    void badProjectNamesFileLineAndField(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("bad.lumaflow");
        Files.writeString(project, "{\"lumaflow\": 1,\n \"format\": {\"width\": 64, \"height\": 36, \"rate\": \"abc\"}}");
        Run r = run("render", project.toString(), "--out", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(project + ":2:") && r.err().contains("format.rate"), r.err());
        r = run("render", dir.resolve("missing.lumaflow").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("missing.lumaflow") && r.err().contains("no such file"), r.err());
    }

    @Test
    void unknownNodeTypeFailsNamingThePlugin(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("p.lumaflow");
        Files.writeString(project, """
                {"lumaflow": 1, "format": {"width": 32, "height": 18, "rate": 25},
                 "tracks": [{"clips": [{"id": "c", "start": 0, "duration": 1,
                   "source": {"type": "acme.glow", "plugin": "com.acme.glow"}}]}]}
                """);
        Run r = run("render", project.toString(), "--out", dir.toString(), "--quiet");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("com.acme.glow") && r.err().contains(project.toString()), r.err());
    }

    @Test
    void brokenSourcesRenderWithWarningsAndStrictFails(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("p.lumaflow");
        Files.writeString(project, """
                {"lumaflow": 1, "format": {"width": 32, "height": 18, "rate": 25},
                 "tracks": [{"clips": [{"id": "pic", "start": 0, "duration": "3f",
                   "source": {"type": "core.image", "params": {"file": "missing.png"}}}]}]}
                """);
        Run r = run("render", project.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("cannot read image " + dir.resolve("missing.png")) && r.err().contains("3 frame(s), 0..2"),
                r.err());
        BufferedImage img = ImageIO.read(dir.resolve("out/frame_000002.png").toFile());
        assertEquals(0xFF000000, img.getRGB(3, 3), "deterministic black");
        String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.contains(project.toString()) && last.contains("1 warning(s), in up to 3 frame(s)")
                && last.contains("--strict"), "the last line says the render was not clean: " + last);
        Run strict = run("render", project.toString(), "--out", dir.resolve("out2").toString(), "--quiet", "--strict");
        assertEquals(3, strict.code());
    }

    @Test
    void usageErrorsExitWithTwo() {
        Run r = run("render", "--size", "0x10");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad --size '0x10'") && r.err().contains("usage: lumaflow render"), r.err());
        assertEquals(2, run("render", "--frames", "9999").code());
        assertEquals(2, run("render", "--bogus").code());
        Run u = run("frobnicate");
        assertEquals(2, u.code());
        assertTrue(u.err().contains("unknown command 'frobnicate'"), u.err());
        assertEquals(0, run("help").code());
        Run bare = run("--frames", "9999");
        assertEquals(2, bare.code(), "options alone mean render");
        assertTrue(bare.err().contains("lumaflow render: bad --frames '9999'"), bare.err());
    }

    @Test
    void nodesListsParametersAndJson() {
        Run r = run("nodes", "core.grade");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("core.grade") && r.out().contains("exposure") && r.out().contains("[-8..8]"), r.out());
        Run j = run("nodes", "--json");
        assertEquals(0, j.code());
        assertTrue(j.out().trim().startsWith("[") && j.out().contains("\"id\" : \"core.text\""), j.out());
        assertEquals(1, run("nodes", "nothing.here").code());
    }

    @Test
    void exportThenProbeThenTranscode(@TempDir Path dir) throws Exception {
        Path mp4 = dir.resolve("demo.mp4");
        Run e = run("export", "--frames", "0..9", "--size", "320x180", "-o", mp4.toString(), "--quiet");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("10 frames 320x180 with libopenh264"), e.out());
        Run p = run("probe", mp4.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("\"codec\" : \"h264\"") && p.out().contains("\"frames\" : 10")
                && p.out().contains("\"colorSpace\" : \"bt709\""), p.out());
        Path mkv = dir.resolve("again.mkv");
        Run t = run("export", mp4.toString(), "-o", mkv.toString(), "--quiet");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("10 frames 320x180"), t.out());
    }

    @Test
    void probeAndExportErrorsNameTheInput(@TempDir Path dir) {
        Path missing = dir.resolve("missing.mp4");
        Run p = run("probe", missing.toString());
        assertEquals(1, p.code());
        assertTrue(p.err().contains(missing + ": no such file"), p.err());
        Run e = run("export", missing.toString(), "-o", dir.resolve("x.mp4").toString());
        assertEquals(1, e.code());
        assertTrue(e.err().contains(missing.toString()), e.err());
        Run l = run("export", "--list-encoders");
        assertEquals(0, l.code());
        assertTrue(l.out().contains("ok       sw libopenh264"), l.out());
        assertTrue(l.out().contains("skipped  sw libx264  (not in the LGPL FFmpeg build"), l.out());
        assertEquals(2, run("export", "--crf", "abc").code());
    }
}
