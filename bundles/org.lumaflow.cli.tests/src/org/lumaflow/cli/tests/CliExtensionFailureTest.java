package org.lumaflow.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lumaflow.testsupport.OsgiTests.service;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.internal.Cli;
import org.lumaflow.cli.internal.ExportCommand;
import org.lumaflow.cli.internal.RenderCommand;
import org.lumaflow.cli.tests.CliHarness.Run;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.export.Exporter;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A third-party node that fails (the reactor-built {@code faulty.throwing} example, installed as a bundle): render
 * and export still exit 0 (unless {@code --strict}) and their last line says how many frames lack the node, naming
 * it and its plugin. A node from a plugin that is not installed is reported once, as the root cause.
 */
class CliExtensionFailureTest {

    private static final String PLUGIN = "com.example.lumaflow.faulty.throwing";
    private static Cli cli;
    private static Bundle faulty;

    @BeforeAll
    static void setup() throws Exception {
        BundleContext bc = OsgiTests.startAll(CliExtensionFailureTest.class);
        Engine engine = service(bc, Engine.class);
        cli = new Cli(List.<CliCommand>of(new RenderCommand(engine),
                new ExportCommand(service(bc, Exporter.class), service(bc, MediaService.class))));
        Path target = Path.of(System.getProperty("lumaflow.examples.dir", "../../examples"))
                .resolve("faulty/" + PLUGIN + "/target");
        Path jar;
        try (Stream<Path> s = Files.list(target)) {
            jar = s.filter(p -> p.toString().endsWith(".jar") && !p.toString().contains("-sources")).findFirst()
                    .orElse(null);
        }
        assertNotNull(jar, "the example built in " + target + " (reactor module before this one)");
        try (InputStream in = Files.newInputStream(jar)) {
            faulty = bc.installBundle("test:" + PLUGIN, in);
        }
        faulty.start();
        long t0 = System.nanoTime();
        while (!engine.registry().snapshot().types().containsKey("faulty.throwing")) {
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "faulty.throwing registered");
            Thread.sleep(5);
        }
    }

    @AfterAll
    static void uninstall() throws Exception {
        if (faulty != null) {
            faulty.uninstall();
        }
    }

    private static Path project(Path dir, String effect) throws Exception {
        Path p = dir.resolve("p.lumaflow");
        Files.writeString(p, """
                {"lumaflow": 1, "name": "p", "format": {"width": 32, "height": 18, "rate": 25},
                 "tracks": [{"clips": [{"id": "c", "start": 0, "duration": "5f",
                   "source": {"type": "core.smpte_bars"},
                   "effects": [%s, {"id": "g", "type": "core.grade", "params": {"exposure": 0.5}}]}]}]}
                """.formatted(effect));
        return p;
    }

    private static String last(String err) {
        return err.strip().lines().reduce((a, b) -> b).orElse("");
    }

    @Test
    void renderSaysWhichFramesLackTheFailingNodeAndStrictFails(@TempDir Path dir) throws Exception {
        Path p = project(dir, "{\"id\": \"boom\", \"type\": \"faulty.throwing\", \"plugin\": \"" + PLUGIN + "\"}");
        Run r = CliHarness.run(cli, "render", p.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("deliberate failure in render()"), r.err());
        String last = last(r.err());
        assertTrue(last.startsWith("lumaflow render: 5 frame(s) (0..4) were rendered without node '")
                && last.contains("boom") && last.contains("(faulty.throwing, plugin " + PLUGIN + ")"), last);
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            assertEquals(5, s.count(), "every frame written");
        }
        Run strict = CliHarness.run(cli, "render", p.toString(), "--out", dir.resolve("out2").toString(), "--quiet",
                "--strict");
        assertEquals(3, strict.code(), strict.err());
    }

    @Test
    void exportSaysItAsItsLastLine(@TempDir Path dir) throws Exception {
        Path p = project(dir, "{\"id\": \"boom\", \"type\": \"faulty.throwing\", \"plugin\": \"" + PLUGIN + "\"}");
        Path mp4 = dir.resolve("p.mp4");
        Run r = CliHarness.run(cli, "export", p.toString(), "-o", mp4.toString(), "--quiet", "--no-qc");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(mp4) > 0);
        String last = last(r.err());
        assertTrue(last.startsWith("lumaflow export: 5 frame(s) (0..4) were rendered without node '")
                && last.contains("boom") && last.contains("(faulty.throwing, plugin " + PLUGIN + ")"), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.contains("were rendered without node")).count(), r.err());
    }

    @Test
    void missingPluginIsReportedOnceAsTheRootCause(@TempDir Path dir) throws Exception {
        Path p = project(dir, "{\"id\": \"glow\", \"type\": \"acme.glow\", \"plugin\": \"com.acme.glow\"}");
        Run r = CliHarness.run(cli, "render", p.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("unknown node type 'acme.glow'")
                && r.err().contains("provided by plugin 'com.acme.glow', which is not installed"), r.err());
        assertFalse(r.err().contains("needs input"), "no consequential error: " + r.err());
    }
}
