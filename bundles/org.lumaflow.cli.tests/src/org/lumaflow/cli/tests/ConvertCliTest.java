package org.lumaflow.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.internal.Cli;
import org.lumaflow.otio.Otio;
import org.lumaflow.testsupport.OsgiTests;
import org.lumaflow.testsupport.SharedData;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** {@code lumaflow convert} and OTIO input to render through the registered commands (OpenTimelineIO samples). */
class ConvertCliTest {

    @TempDir
    static Path dir;
    static Cli cli;

    @BeforeAll
    static void setup() throws Exception {
        BundleContext bc = OsgiTests.startAll(ConvertCliTest.class);
        List<CliCommand> commands = new ArrayList<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            commands.clear();
            for (ServiceReference<CliCommand> r : bc.getServiceReferences(CliCommand.class, null)) {
                commands.add(bc.getService(r));
            }
            if (commands.stream().map(CliCommand::name).toList().containsAll(List.of("convert", "render"))) {
                break;
            }
            Thread.sleep(20);
        }
        cli = new Cli(commands);
    }

    @Test
    void convertsBetweenOtioAndProjectsReportingOfflineMedia() throws Exception {
        Path sample = SharedData.file("otio/transition_test.otio");
        Path project = dir.resolve("t.lumaflow");
        CliHarness.Run r = CliHarness.run(cli, "convert", sample.toString(), project.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 track(s), 3 clip(s)"), r.out());
        assertTrue(r.err().contains("lumaflow convert: offline media: clip 'A' on track 'Sequence1'"), r.err());
        Path zip = dir.resolve("t.otioz");
        r = CliHarness.run(cli, "convert", project.toString(), zip.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(3, Otio.read(zip).project().timeline().tracks().get(0).clips().size());
        assertEquals(3, CliHarness.run(cli, "convert", "--strict", sample.toString(),
                dir.resolve("s.otio").toString()).code(), "--strict: reported offline media");
        r = CliHarness.run(cli, "render", zip.toString(), "--frames", "0..2", "--size", "64x36", "--out",
                dir.resolve("frames").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        try (var files = Files.list(dir.resolve("frames"))) {
            assertEquals(3, files.count());
        }
        assertTrue(r.err().contains("lumaflow render: offline media: "), r.err());
    }

    @Test
    void badArgumentsAndFilesAreNamed() {
        CliHarness.Run r = CliHarness.run(cli, "convert", "a.otio");
        assertEquals(2, r.code());
        r = CliHarness.run(cli, "convert", "a.mov", "b.otio");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'a.mov' is not a project file name"), r.err());
        r = CliHarness.run(cli, "convert", dir.resolve("none.otio").toString(), dir.resolve("x.lumaflow").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("none.otio: no such file"), r.err());
    }
}
