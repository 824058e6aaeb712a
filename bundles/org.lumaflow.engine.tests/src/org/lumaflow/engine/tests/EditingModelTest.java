package org.lumaflow.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Marker;
import org.lumaflow.engine.timeline.MarkerColor;
import org.lumaflow.engine.timeline.Retime;
import org.lumaflow.engine.timeline.Track;

/** The editing model's project fields: markers, speed, clip audio, track kind/volume/pan/mute/solo/lock, metadata. */
class EditingModelTest {

    static final String EDITED = """
            {
              "lumaflow": 1,
              "name": "edit",
              "format": {"width": 64, "height": 36, "rate": "25"},
              "start": "01:00:00:00",
              "markers": [{"name": "chapter", "start": "50f", "color": "green", "note": "intro ends"},
                          {"name": "qc", "start": 3, "duration": "0.5", "color": "RED", "metadata": {"qc.kind": "black"}}],
              "metadata": {"otio.timeline": "{}"},
              "tracks": [
                {"name": "V1", "locked": true, "clips": [
                  {"id": "a", "name": "Opening shot", "start": 0, "duration": 2, "speed": 0.5,
                   "source": {"type": "core.smpte_bars"},
                   "markers": [{"name": "beat", "start": "10f"}]},
                  {"id": "b", "start": 2, "duration": 1, "in": 4, "enabled": false,
                   "speed": {"rate": -2, "frames": "blend", "pitch": "shift"},
                   "source": {"type": "core.smpte_bars"}},
                  {"id": "c", "start": 3, "duration": 1, "speed": 0, "source": {"type": "core.smpte_bars"}}
                ]},
                {"name": "Music", "kind": "audio", "volume": -6, "pan": -0.5, "mute": true, "solo": true,
                 "metadata": {"note": "temp track"},
                 "clips": [
                  {"id": "m", "start": 0, "duration": 4, "source": {"type": "media.audio", "params": {"file": "m.wav"}},
                   "audio": {"gain": {"keys": [{"t": 0, "v": -60}, {"t": 1, "v": 0}]}, "fadeIn": "12f",
                             "fadeOut": 0.5, "mute": true}},
                  {"id": "n", "start": 4, "duration": 1, "source": {"type": "media.audio", "params": {"file": "n.wav"}},
                   "audio": {"gain": -3.5}}
                ]}
              ]
            }
            """;

    private static Project load(String json) throws Exception {
        return ProjectIO.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Path.of("e.lumaflow"));
    }

    private static String save(Project p) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProjectIO.write(p, out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readsEveryEditingField() throws Exception {
        Project p = load(EDITED);
        var tl = p.timeline();
        assertEquals(Ticks.ofSeconds(3600), tl.start());
        assertEquals(new Marker("chapter", Ticks.ofSeconds(2), 0, MarkerColor.GREEN, "intro ends", Map.of()),
                tl.markers().get(0));
        assertEquals(Ticks.ofMillis(500), tl.markers().get(1).duration());
        assertEquals(Map.of("qc.kind", "black"), tl.markers().get(1).metadata());
        assertEquals("{}", tl.metadata().get("otio.timeline"));

        Track v = tl.tracks().get(0);
        assertEquals(Track.Kind.VIDEO, v.kind());
        assertTrue(v.locked());
        Clip a = v.clips().get(0);
        assertEquals("Opening shot", a.name());
        assertEquals(Retime.speed(0.5), a.retime());
        assertEquals(Ticks.ofSeconds(1), a.sourceSpan(), "2 s at half speed use 1 s of source");
        assertEquals(Ticks.ofMillis(400), a.markers().get(0).start());
        assertEquals(MarkerColor.RED, a.markers().get(0).color(), "red by default");
        Clip b = v.clips().get(1);
        assertFalse(b.enabled());
        assertEquals("b", b.name(), "the id when unnamed");
        assertEquals(new Retime(-2, Retime.Frames.BLEND, false), b.retime());
        assertTrue(b.retime().isReverse());
        assertEquals(Ticks.ofSeconds(2), b.sourceSpan());
        assertTrue(v.clips().get(2).retime().isFreeze());
        assertEquals(0, v.clips().get(2).sourceSpan());

        Track m = tl.tracks().get(1);
        assertEquals(Track.Kind.AUDIO, m.kind());
        assertEquals(-6, m.volumeDb());
        assertEquals(-0.5, m.pan());
        assertTrue(m.muted());
        assertTrue(m.solo());
        assertTrue(tl.anySolo());
        assertEquals("temp track", m.metadata().get("note"));
        Clip mc = m.clips().get(0);
        assertEquals(-60, mc.audio().gainAt(0), 1e-9);
        assertEquals(-30, mc.audio().gainAt(Ticks.ofMillis(500)), 1e-9, "linear keys in dB");
        assertEquals(Ticks.ofMillis(480), mc.audio().fadeIn());
        assertEquals(Ticks.ofMillis(500), mc.audio().fadeOut());
        assertTrue(mc.audio().muted());
        assertEquals(-3.5, m.clips().get(1).audio().gainDb());
        assertNull(m.clips().get(1).audio().gainKeys());
        assertEquals(5 * 25, tl.frameCount(), "audio tracks count towards the length");
    }

    @Test
    void roundTripsAndStaysCompactForDefaults() throws Exception {
        Project p = load(EDITED);
        String once = save(p);
        String twice = save(load(once));
        assertEquals(once, twice, "load + save is stable");
        Project q = load(twice);
        assertEquals(p.timeline().markers(), q.timeline().markers());
        assertEquals(p.timeline().tracks().get(0).clips().get(1).retime(), q.timeline().tracks().get(0).clips().get(1).retime());
        assertEquals(Ticks.ofSeconds(3600), q.timeline().start());

        String plain = save(load(ProjectIOTest.GOOD));
        for (String field : new String[] {"\"speed\"", "\"audio\"", "\"markers\"", "\"kind\"", "\"volume\"", "\"mute\"",
                "\"solo\"", "\"locked\"", "\"enabled\" : false"}) {
            assertFalse(plain.contains(field), "no " + field + " written for a project that does not use it");
        }
    }

    @Test
    void badEditingValuesNameThePlace() {
        record Case(String json, String where, String message) {
        }
        String head = "{\"lumaflow\": 1, \"format\": {\"width\": 32, \"height\": 32, \"rate\": 25}, \"tracks\": [";
        String clip = "{\"name\": \"V\", \"clips\": [{\"id\": \"a\", \"start\": 0, \"duration\": 1, \"source\": {\"type\": \"core.solid\"}, ";
        for (Case c : new Case[] {
                new Case(head + clip + "\"speed\": 5000}]}]}", "speed", "out of range"),
                new Case(head + clip + "\"speed\": {\"rate\": 1, \"frames\": \"mix\"}}]}]}", "speed", "nearest or blend"),
                new Case(head + clip + "\"speed\": {\"rate\": 1, \"pitch\": \"up\"}}]}]}", "pitch", "keep"),
                new Case(head + clip + "\"audio\": {\"gain\": 60}}]}]}", "gain", "+48 dB"),
                new Case(head + clip + "\"audio\": {\"fadeIn\": -1}}]}]}", "fadeIn", "negative"),
                new Case(head + clip + "\"markers\": [{\"start\": 0, \"color\": \"teal\"}]}]}]}", "color", "teal"),
                new Case(head + "{\"name\": \"A\", \"kind\": \"midi\"}]}", "kind", "video or audio"),
                new Case(head + "{\"name\": \"A\", \"pan\": 2}]}", "pan", "-1..1"),
                new Case(head + "{\"name\": \"A\", \"volume\": 30}]}", "volume", "+24 dB"),
        }) {
            ProjectException e = assertThrows(ProjectException.class, () -> load(c.json), c.json);
            assertTrue(e.getMessage().contains("e.lumaflow"), e.getMessage());
            assertTrue(e.getMessage().contains(c.where), c.where + " in: " + e.getMessage());
            assertTrue(e.getMessage().contains(c.message), c.message + " in: " + e.getMessage());
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        }
    }

    @Test
    void mediaBinIsSavedRelativeToTheProjectWhenInside() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("lumaflow-bin");
        Path inside = dir.resolve("media/a clip.mp4");
        Path outside = Path.of("/srv/footage/b.mov");
        Project p = load(ProjectIOTest.GOOD);
        p.media().add(inside);
        p.media().add(outside);
        Path file = dir.resolve("p.lumaflow");
        ProjectIO.save(p, file, null);
        String json = java.nio.file.Files.readString(file);
        assertTrue(json.contains("\"media/a clip.mp4\""), json);
        assertTrue(json.contains("\"/srv/footage/b.mov\""), json);
        Project q = ProjectIO.load(file);
        assertEquals(java.util.List.of(inside, outside), q.media(), "absolute again once loaded");
        assertTrue(load(ProjectIOTest.GOOD).media().isEmpty());
        assertFalse(save(load(ProjectIOTest.GOOD)).contains("\"media\""), "no bin written when empty");
    }
}
