package org.lumaflow.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.timeline.Marker;
import org.lumaflow.engine.timeline.MarkerColor;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Speed changes through {@code lumaflow export} (plain and in segments: segments render timeline time), timeline
 * markers as chapters of the exported files, and {@code lumaflow qc --markers}. The source shows its frame number as
 * 16 binary bars, so each exported frame names the source frame it shows.
 */
class SpeedMarkersCliTest {

    private static Cli cli;

    @TempDir
    static Path dir;
    static Path project;

    @BeforeAll
    static void setup() throws Exception {
        BundleContext bc = OsgiTests.startAll(SpeedMarkersCliTest.class);
        OsgiTests.service(bc, org.lumaflow.export.segment.SegmentExecutor.class);
        List<CliCommand> commands = new ArrayList<>();
        for (ServiceReference<CliCommand> r : bc.getServiceReferences(CliCommand.class, null)) {
            commands.add(bc.getService(r));
        }
        cli = new Cli(commands);
        CliHarness.ffmpeg(dir.resolve("n.mkv"), "-f", "lavfi", "-i", "nullsrc=s=64x16:r=25,format=yuv420p,"
                + "geq=lum='16+219*mod(floor(N/pow(2,floor(X/4))),2)':cb=128:cr=128", "-frames:v", "60", "-c:v",
                "ffv1");
        project = dir.resolve("p.lumaflow");
        Files.writeString(project, """
                {"lumaflow": 1, "name": "speed", "format": {"width": 64, "height": 16, "rate": 25},
                 "markers": [{"name": "Reverse", "start": 0, "color": "green"},
                             {"name": "Fast", "start": "20f", "duration": "10f", "color": "blue", "note": "x2"}],
                 "tracks": [{"clips": [
                   {"id": "r", "start": 0, "in": "10f", "duration": "20f", "speed": -1,
                    "source": {"type": "media.video", "params": {"file": "n.mkv"}}},
                   {"id": "f", "start": "20f", "in": "5f", "duration": "10f", "speed": {"rate": 2, "frames": "nearest"},
                    "source": {"type": "media.video", "params": {"file": "n.mkv"}}},
                   {"id": "b", "start": "30f", "duration": "80f",
                    "source": {"type": "core.solid", "params": {"color": "#000000"}}}]}]}
                """);
    }

    /** Source frame numbers shown by the first {@code n} frames of {@code video}. */
    static int[] numbers(Path video, int n) throws Exception {
        Path raw = CliHarness.ffmpeg(dir.resolve(video.getFileName() + ".gray"), "-i", video.toString(),
                "-frames:v", String.valueOf(n), "-f", "rawvideo", "-pix_fmt", "gray");
        byte[] b = Files.readAllBytes(raw);
        int[] out = new int[n];
        for (int f = 0; f < n; f++) {
            int v = 0;
            for (int bit = 0; bit < 16; bit++) {
                if ((b[f * 64 * 16 + 8 * 64 + 4 * bit + 2] & 0xFF) > 128) {
                    v |= 1 << bit;
                }
            }
            out[f] = v;
        }
        return out;
    }

    static void checkFrames(Path video) throws Exception {
        int[] shown = numbers(video, 30);
        for (int k = 0; k < 20; k++) {
            assertEquals(29 - k, shown[k], video + " frame " + k + " (reverse from source frame 29)");
        }
        for (int k = 20; k < 30; k++) {
            assertEquals(5 + 2 * (k - 20), shown[k], video + " frame " + k + " (double speed from 5)");
        }
    }

    static String chapters(Path video) throws Exception {
        return Files.readString(CliHarness.ffmpeg(dir.resolve(video.getFileName() + ".meta"), "-i",
                video.toString(), "-f", "ffmetadata"));
    }

    @Test
    void retimedClipsExportPlainAndInSegmentsWithChapters() throws Exception {
        Path plain = dir.resolve("plain.mp4");
        CliHarness.Run r = CliHarness.run(cli, "export", project.toString(), "-o", plain.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        checkFrames(plain);
        Path seg = dir.resolve("seg.mkv");
        r = CliHarness.run(cli, "export", project.toString(), "-o", seg.toString(), "--segments", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("segmented export: 2 segment(s)"), r.err());
        checkFrames(seg);
        for (Path v : List.of(plain, seg)) {
            String meta = chapters(v);
            assertTrue(meta.contains("[CHAPTER]\nTIMEBASE="), v + ":\n" + meta);
            assertTrue(meta.contains("title=Reverse") && meta.contains("title=Fast"), v + ":\n" + meta);
            // "Fast" runs from 0.8 s to 1.2 s: read it back in its own time base
            String fast = meta.substring(meta.lastIndexOf("[CHAPTER]"));
            long[] tb = java.util.Arrays.stream(value(fast, "TIMEBASE").split("/")).mapToLong(Long::parseLong)
                    .toArray();
            assertEquals(0.8, Long.parseLong(value(fast, "START")) * (double) tb[0] / tb[1], 0.001, fast);
            assertEquals(1.2, Long.parseLong(value(fast, "END")) * (double) tb[0] / tb[1], 0.001, fast);
        }
    }

    /** A lone retimed clip of a file the exporter could pass through unchanged must still be retimed. */
    @Test
    void aLoneRetimedClipIsNotPassedThrough() throws Exception {
        Path tagged = CliHarness.ffmpeg(dir.resolve("n709.mkv"), "-i", dir.resolve("n.mkv").toString(), "-c:v",
                "ffv1", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv");
        Path p = dir.resolve("lone.lumaflow");
        Files.writeString(p, """
                {"lumaflow": 1, "name": "lone", "format": {"width": 64, "height": 16, "rate": 25},
                 "tracks": [{"clips": [{"id": "a", "start": 0, "duration": "20f", "speed": 2,
                   "source": {"type": "media.video", "params": {"file": "%s"}}}]}]}
                """.formatted(tagged.getFileName()));
        Path out = dir.resolve("lone.mp4");
        CliHarness.Run r = CliHarness.run(cli, "export", p.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("direct path"), r.err());
        Path normal = dir.resolve("normal.lumaflow");
        Files.writeString(normal, Files.readString(p).replace("\"speed\": 2,", ""));
        r = CliHarness.run(cli, "export", normal.toString(), "-o", dir.resolve("normal.mp4").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("direct path") || r.out().contains("direct path"),
                "the file qualifies for the direct path at normal speed (else this test proves nothing):\n" + r.err());
        int[] shown = numbers(out, 20);
        for (int k = 0; k < 20; k++) {
            assertEquals(2 * k, shown[k], "frame " + k + " of a double-speed clip");
        }
    }

    private static String value(String section, String key) {
        for (String line : section.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1).trim();
            }
        }
        throw new AssertionError("no " + key + " in " + section);
    }

    @Test
    void qcFindingsBecomeMarkersInTheProject() throws Exception {
        Path copy = Files.copy(project, dir.resolve("qc.lumaflow"));
        for (int run = 0; run < 2; run++) {
            CliHarness.Run r = CliHarness.run(cli, "qc", copy.toString(), "--markers", "--quiet");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("QC marker(s) written to " + copy), r.out());
        }
        Project p = ProjectIO.load(copy);
        List<Marker> ms = p.timeline().markers();
        assertTrue(ms.stream().anyMatch(m -> m.name().equals("Reverse")), "the project's own markers stay: " + ms);
        List<Marker> black = ms.stream().filter(m -> "black".equals(m.metadata().get("qc.type"))).toList();
        assertEquals(1, black.size(), "one black marker, not one per run: " + ms);
        Marker m = black.get(0);
        assertEquals(MarkerColor.ORANGE, m.color());
        assertEquals("warning", m.metadata().get("qc.severity"));
        assertEquals(1.2, m.start() / 705_600_000.0, 0.05, "black starts at frame 30");
        assertEquals(3.2, m.duration() / 705_600_000.0, 0.05, "80 black frames");
        CliHarness.Run media = CliHarness.run(cli, "qc", dir.resolve("n.mkv").toString(), "--markers", "--quiet");
        assertEquals(2, media.code(), media.err());
        assertTrue(media.err().contains("--markers writes into a project"), media.err());
    }
}
