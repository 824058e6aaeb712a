package org.lumaflow.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.internal.Cli;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * {@code lumaflow export --segments}: the registered commands (as the product has them), segments in real worker
 * processes of this runtime.
 */
class SegmentsCliTest {

    private static Cli cli;

    @TempDir
    Path dir;

    @BeforeAll
    static void setup() throws Exception {
        BundleContext bc = OsgiTests.startAll(SegmentsCliTest.class);
        OsgiTests.service(bc, org.lumaflow.export.segment.SegmentExecutor.class);
        List<CliCommand> commands = new ArrayList<>();
        for (ServiceReference<CliCommand> r : bc.getServiceReferences(CliCommand.class, null)) {
            commands.add(bc.getService(r));
        }
        assertTrue(commands.stream().anyMatch(c -> c.name().equals("segment-worker")));
        cli = new Cli(commands);
    }

    @Test
    void exportInSegmentsThroughWorkerProcesses() throws Exception {
        Path in = CliHarness.ffmpeg(dir.resolve("in.mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-f",
                "lavfi", "-i", "sine=f=440:r=48000", "-t", "2", "-pix_fmt", "yuv420p", "-c:v", "mpeg4", "-c:a", "aac");
        Path out = dir.resolve("out.mp4");
        CliHarness.Run r = CliHarness.run(cli, "export", in.toString(), "-o", out.toString(), "--segments", "2",
                "--encoder", "libopenh264", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith(out + ": 50 frames 320x240 with libopenh264"), r.out());
        assertTrue(r.err().contains("segmented export: 2 segment(s)"), r.err());
        assertTrue(r.out().contains("QC report: "), r.out());
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("in.mp4", "out.mp4", "out.mp4.qc.html", "out.mp4.qc.json"), names);
        }
    }

    @Test
    void autoWhereOneWorkerFitsIsTheSinglePass() throws Exception {
        Path in = CliHarness.ffmpeg(dir.resolve("in.mp4"), "-f", "lavfi", "-i", "testsrc2=s=160x120:r=25", "-t", "1",
                "-pix_fmt", "yuv420p", "-c:v", "mpeg4");
        Path out = dir.resolve("auto.mp4");
        System.setProperty("lumaflow.segments.workers", "1");
        try {
            CliHarness.Run r = CliHarness.run(cli, "export", in.toString(), "-o", out.toString(), "--segments",
                    "auto", "--encoder", "libopenh264", "--no-qc", "--quiet");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("--segments auto: one worker fits this machine, exporting in one pass"),
                    r.err());
            assertFalse(r.err().contains("segmented export:"), r.err());
            assertTrue(r.out().startsWith(out + ": 25 frames 160x120 with libopenh264"), r.out());
        } finally {
            System.clearProperty("lumaflow.segments.workers");
        }
    }

    @Test
    void badSegmentsAndHiddenWorker() {
        CliHarness.Run r = CliHarness.run(cli, "export", "-o", dir.resolve("x.mp4").toString(), "--segments", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad --segments '0'"), r.err());
        CliHarness.Run gif = CliHarness.run(cli, "export", "-o", dir.resolve("x.gif").toString(), "--segments",
                "2", "--quiet");
        assertEquals(1, gif.code());
        assertTrue(gif.err().contains("a GIF cannot be exported in segments"), gif.err());
        CliHarness.Run help = CliHarness.run(cli, "help");
        assertFalse(help.out().contains("segment-worker"), help.out());
        CliHarness.Run unknown = CliHarness.run(cli, "export", "-o", dir.resolve("y.mp4").toString(),
                "--executor", "farm", "--quiet");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no segment executor 'farm' (available: [local])"), unknown.err());
    }
}
