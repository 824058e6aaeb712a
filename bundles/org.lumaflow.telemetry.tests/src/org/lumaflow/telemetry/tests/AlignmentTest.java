package org.lumaflow.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.lumaflow.telemetry.Alignment;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryService;

/** Alignment of external telemetry to clips made here with a creation_time tag, and GPMF on its own clip. */
class AlignmentTest {

    private static TelemetryService service;

    @BeforeAll
    static void start() throws Exception {
        service = TestData.service(AlignmentTest.class);
    }

    @Test
    void gpmfIsOnItsVideoClock() throws Exception {
        Path mp4 = TestData.file("karma.mp4");
        Alignment a = service.align(service.read(mp4), mp4, 5.0, false);
        assertEquals(Alignment.Method.VIDEO_CLOCK, a.method());
        assertEquals(0, a.offset());
    }

    @Test
    void gpxByCreationTimeThenLocalTimeThenManual(@TempDir Path dir) throws Exception {
        Telemetry gpx = service.read(gpx(dir, "2024-05-01T10:00:00Z", 60));
        Alignment a = service.align(gpx, clip(dir, "utc.mp4", "2024-05-01T10:00:20Z"), null, false);
        assertEquals(Alignment.Method.CREATION_TIME, a.method(), a.reason());
        assertEquals(-20.0, a.offset(), 1e-6, "telemetry second 20 is media second 0");
        assertTrue(a.reason().contains("2024-05-01T10:00:20Z"), a.reason());

        Alignment local = service.align(gpx, clip(dir, "local.mp4", "2024-05-01T12:00:20Z"), null, false);
        assertEquals(Alignment.Method.CREATION_TIME, local.method());
        assertEquals(-20.0, local.offset(), 1e-6, "a camera on UTC+2 local time");
        assertTrue(local.reason().contains("UTC+2"), local.reason());

        Alignment manual = service.align(gpx, clip(dir, "none.mp4", null), 1.5, false);
        assertEquals(Alignment.Method.MANUAL, manual.method());
        assertEquals(1.5, manual.offset(), 1e-9);
        assertTrue(manual.reason().contains("no creation time"), manual.reason());
    }

    @Test
    void gpxAgainstAGoProClipsOwnGpsTime(@TempDir Path dir) throws Exception {
        Path mp4 = TestData.file("karma.mp4");
        Instant clip = service.read(mp4).utcStart();
        Telemetry gpx = service.read(gpx(dir, clip.minusSeconds(30).toString(), 90));
        Alignment a = service.align(gpx, mp4, null, false);
        assertEquals(Alignment.Method.GPS_UTC, a.method(), a.reason());
        assertEquals(-30.0, a.offset(), 1e-6);
    }

    private static Path gpx(Path dir, String start, int seconds) throws IOException {
        Instant t0 = Instant.parse(start);
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\""
                + " xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>\n");
        for (int i = 0; i <= seconds; i++) {
            sb.append("<trkpt lat=\"").append(46 + i * 1e-4).append("\" lon=\"7.0\"><time>").append(t0.plusSeconds(i))
                    .append("</time></trkpt>\n");
        }
        Path f = dir.resolve("track-" + t0.getEpochSecond() + ".gpx");
        Files.writeString(f, sb.append("</trkseg></trk></gpx>\n"));
        return f;
    }

    static Path clip(Path dir, String name, String creation) throws Exception {
        Path out = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(FFmpeg.commandLine().toString(), "-hide_banner", "-loglevel",
                "error", "-y", "-f", "lavfi", "-i", "testsrc=s=160x90:r=25:d=3", "-c:v", "mpeg4"));
        if (creation != null) {
            cmd.addAll(List.of("-metadata", "creation_time=" + creation));
        }
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, log);
        return out;
    }
}
