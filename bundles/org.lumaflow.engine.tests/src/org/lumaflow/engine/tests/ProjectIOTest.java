package org.lumaflow.engine.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.timeline.Clip;

class ProjectIOTest {

    static final String GOOD = """
            {
              "lumaflow": 1,
              "name": "t",
              "format": {"width": 64, "height": 36, "rate": "29.97"},
              "tracks": [
                {"name": "V1", "clips": [
                  {"id": "a", "start": 0, "duration": "2", "source": {"type": "core.smpte_bars"},
                   "effects": [{"id": "g", "type": "core.grade", "params": {
                      "exposure": {"keys": [{"t": 0, "v": 0}, {"t": "30f", "v": 1.5, "interp": "ease"}]},
                      "lift": [0.1, 0.0, 0.0, 1]}}]},
                  {"id": "b", "start": "00:00:01;15", "duration": "1001/1000", "in": 0.5,
                   "source": {"type": "acme.glow", "plugin": "com.acme.glow", "params": {"size": 3}},
                   "metadata": {"telemetry.file": "GX010001.MP4", "telemetry.offset": "0.25"}}
                ],
                "transitions": [{"from": "a", "to": "b", "type": "core.wipe", "params": {"direction": "up"}}]}
              ]
            }
            """;

    private static Project load(String json) throws Exception {
        return ProjectIO.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Path.of("p.lumaflow"));
    }

    private static ProjectException fail(String json) {
        return assertThrows(ProjectException.class, () -> load(json));
    }

    @Test
    void loadsTimesParamsAndAnimations() throws Exception {
        Project p = load(GOOD);
        assertEquals("30000/1001", p.timeline().format().rate().toString());
        Clip a = p.timeline().tracks().get(0).clips().get(0);
        Clip b = p.timeline().tracks().get(0).clips().get(1);
        assertEquals(Ticks.ofSeconds(2), a.duration());
        assertEquals(p.timeline().format().rate().frameToTicks(45), b.start(), "drop-frame timecode 00:00:01;15");
        assertEquals(Ticks.ofMillis(1001), b.duration());
        assertEquals(Ticks.ofMillis(500), b.in());
        assertEquals("com.acme.glow", b.source().plugin());
        Animation exp = (Animation) a.effects().get(0).params().get("exposure");
        assertEquals(p.timeline().format().rate().frameToTicks(30), exp.keyframes().get(1).time());
        assertEquals(java.util.Map.of("telemetry.file", "GX010001.MP4", "telemetry.offset", "0.25"), b.metadata());
        assertEquals(List.of("telemetry.file", "telemetry.offset"), List.copyOf(b.metadata().keySet()), "in order");
        assertTrue(a.metadata().isEmpty());
    }

    @Test
    void saveIsAtomicAndRoundTripsExactly() throws Exception {
        Path dir = Files.createTempDirectory("lumaflow-project");
        Path file = dir.resolve("p.lumaflow");
        Project p = load(GOOD);
        ProjectIO.save(p, file, null);
        byte[] first = Files.readAllBytes(file);
        Project again = ProjectIO.load(file);
        ProjectIO.save(again, file, null);
        assertArrayEquals(first, Files.readAllBytes(file), "load + save is stable");
        var perms = Files.getPosixFilePermissions(file);
        assertTrue(perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
                || perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
                "a saved project is not owner-only like a temp file: " + perms);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        ProjectIO.save(again, file, null);
        assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)), "saving keeps the file's permissions");
        try (var s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no temp files left");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProjectIO.write(again, out, null);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"plugin\" : \"com.acme.glow\""));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"telemetry.offset\" : \"0.25\""));
    }

    /** A rate whose frame is not a whole number of ticks (2997/125, as OpenCV's sample AVI) loads, saves and reloads. */
    @Test
    void oddFrameRateRoundTrips() throws Exception {
        Project p = load(GOOD.replace("\"rate\": \"29.97\"", "\"rate\": \"2997/125\"")
                .replace("\"start\": \"00:00:01;15\"", "\"start\": \"22f\"")
                .replace("\"duration\": \"1001/1000\"", "\"duration\": \"00:00:10:00\""));
        FrameRate rate = p.timeline().format().rate();
        assertEquals(new FrameRate(2997, 125), rate);
        Clip b = p.timeline().tracks().get(0).clips().get(1);
        assertEquals(rate.frameToTicks(22), b.start());
        // timecode counts 24 frames a label second at 23.976; 240 frames from frame 22 end on frame 262's boundary
        assertEquals(rate.frameToTicks(262) - rate.frameToTicks(22), b.duration());
        assertEquals(262, p.timeline().frameCount());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProjectIO.write(p, out, null);
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"rate\" : \"2997/125\""), json);
        Project again = load(json);
        assertEquals(rate, again.timeline().format().rate());
        Clip b2 = again.timeline().tracks().get(0).clips().get(1);
        assertEquals(b.start(), b2.start());
        assertEquals(b.duration(), b2.duration());
        ByteArrayOutputStream out2 = new ByteArrayOutputStream();
        ProjectIO.write(again, out2, null);
        assertEquals(json, out2.toString(StandardCharsets.UTF_8), "load + save is stable");
    }

    @Test
    void failedSaveLeavesOldFileIntact() throws Exception {
        Path dir = Files.createTempDirectory("lumaflow-project");
        Path file = dir.resolve("p.lumaflow");
        Files.writeString(file, "old content");
        Project p = load(GOOD);
        p.timeline().tracks().get(0).clips().get(0).source().set("broken", new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("cannot serialize");
            }
        });
        assertThrows(IllegalStateException.class, () -> ProjectIO.save(p, file, null));
        assertEquals("old content", Files.readString(file));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "temp file removed");
        }
    }

    @Test
    void errorsNameFileLineAndField() {
        ProjectException e = fail(GOOD.replace("\"duration\": \"2\"", "\"duration\": \"-2\""));
        assertTrue(e.getMessage().startsWith("p.lumaflow:7:"), e.getMessage());
        assertEquals("tracks[0].clips[0].duration", e.field());
        e = fail(GOOD.replace("\"rate\": \"29.97\"", "\"rate\": \"29.97x\""));
        assertEquals("format.rate", e.field());
        assertEquals(4, e.line());
        e = fail(GOOD.replace("\"interp\": \"ease\"", "\"interp\": \"wobble\""));
        assertTrue(e.getMessage().contains("unknown interpolation 'wobble'"), e.getMessage());
        assertEquals("tracks[0].clips[0].effects[0].params.exposure.keys[1].interp", e.field());
        e = fail(GOOD.replace("\"id\": \"a\", \"start\": 0", "\"id\": \"a\", \"strat\": 0"));
        assertTrue(e.getMessage().contains("unknown field"), e.getMessage());
        e = fail("{\"lumaflow\": 1, \"format\": {\"width\": 64, \"height\": 36, \"rate\": 25},\n \"tracks\": [,]}");
        assertTrue(e.getMessage().contains("invalid JSON") && e.line() == 2, e.getMessage());
        e = fail("{\"lumaflow\": 7}");
        assertTrue(e.getMessage().contains("unsupported schema version 7"), e.getMessage());
        e = fail(GOOD.replace("\"telemetry.offset\": \"0.25\"", "\"telemetry.offset\": [1]"));
        assertEquals("tracks[0].clips[1].metadata.telemetry.offset", e.field());
        e = fail(GOOD.replace("\"from\": \"a\"", "\"from\": \"zz\""));
        assertTrue(e.getMessage().contains("'zz'"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        ProjectException e = assertThrows(ProjectException.class, () -> ProjectIO.load(Path.of("/nonexistent/x.lumaflow")));
        assertTrue(e.getMessage().contains("/nonexistent/x.lumaflow") && e.getMessage().contains("no such file"));
    }
}
