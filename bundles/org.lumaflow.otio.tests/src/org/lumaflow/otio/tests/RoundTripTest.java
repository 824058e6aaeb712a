package org.lumaflow.otio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.lumaflow.otio.Otio;
import org.lumaflow.otio.OtioImport;
import org.lumaflow.otio.internal.Json;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/** Lumaflow -> OTIO -> Lumaflow gives the same project: timings, tracks, transitions, markers, speed, audio. */
class RoundTripTest {

    @TempDir
    static Path dir;
    static Engine engine;

    static final String PROJECT = """
            {"lumaflow": 1, "name": "Round trip", "start": "01:00:00:00",
             "format": {"width": 320, "height": 180, "rate": "25"},
             "metadata": {"studio.note": "keep me"},
             "markers": [{"name": "Act 1", "start": "25f", "duration": "50f", "color": "blue", "note": "n",
                          "metadata": {"qc.kind": "black"}}, {"name": "point", "start": "10f"}],
             "tracks": [
              {"name": "V1", "clips": [
                {"id": "a", "name": "Bars", "start": 0, "duration": "60f", "source": {"type": "core.smpte_bars"},
                 "effects": [{"id": "g", "type": "core.grade", "params": {"exposure": {"keys": [
                    {"t": 0, "v": 0}, {"t": 2, "v": 0.5, "interp": "ease"}]}}}],
                 "markers": [{"name": "clip marker", "start": "5f", "duration": "2f", "color": "cyan"}],
                 "metadata": {"telemetry.file": "x.gpx"}},
                {"id": "b", "start": "48f", "in": "30f", "duration": "52f", "source": {"type": "media.video",
                 "params": {"file": "clip.mkv"}}, "speed": {"rate": 0.5, "frames": "blend", "pitch": "keep"},
                 "enabled": false},
                {"id": "c", "start": "100f", "duration": "25f", "source": {"type": "core.solid",
                 "params": {"color": "#336699"}}, "speed": 0}],
               "transitions": [{"from": "a", "to": "b", "type": "core.dissolve"}]},
              {"name": "V2", "blend": "screen", "opacity": 0.5, "clips": [
                {"id": "d", "start": "10f", "duration": "20f", "in": "4f", "source": {"type": "core.zone_plate"},
                 "speed": -2},
                {"id": "e", "start": "26f", "duration": "30f", "source": {"type": "core.gradient",
                 "params": {"kind": "radial"}}}],
               "transitions": [{"from": "d", "to": "e", "type": "core.wipe",
                                "params": {"direction": "left", "softness": 0.2}}]},
              {"name": "Music", "kind": "audio", "volume": -6, "pan": -0.25, "mute": true, "solo": true,
               "locked": true, "metadata": {"mix.bus": "A"}, "clips": [
                {"id": "m", "start": 0, "duration": 4, "source": {"type": "media.audio", "params": {"file": "clip.mkv"}},
                 "audio": {"gain": {"keys": [{"t": 0, "v": -12}, {"t": 2, "v": 0}]}, "fadeIn": 0.5, "fadeOut": "1001/1000",
                 "mute": false}},
                {"id": "m2", "start": 5, "duration": 1, "source": {"type": "media.audio", "params": {"file": "clip.mkv"}},
                 "audio": {"gain": -3.5, "mute": true}}]}
             ]}
            """;

    @BeforeAll
    static void setUp() throws Exception {
        BundleContext bc = OsgiTests.startAll(RoundTripTest.class);
        engine = OsgiTests.service(bc, Engine.class);
        ffmpeg("-f", "lavfi", "-i", "testsrc=s=160x90:r=25:d=6", "-f", "lavfi", "-i", "sine=f=440:d=6",
                "-c:v", "ffv1", "-c:a", "pcm_s16le", dir.resolve("clip.mkv").toString());
        Files.writeString(dir.resolve("p.lumaflow"), PROJECT);
    }

    static void ffmpeg(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(FFmpeg.commandLine().toString(), "-hide_banner", "-loglevel",
                "error", "-y"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    }

    /** The project as saved, less the otio.* keys OTIO reading adds; "file" parameters as file names. */
    @SuppressWarnings("unchecked")
    static Object saved(Project p) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProjectIO.write(p, out, null);
        Object tree = Json.parse(new ByteArrayInputStream(out.toByteArray())).root;
        strip(tree);
        return tree;
    }

    @SuppressWarnings("unchecked")
    private static void strip(Object v) {
        if (v instanceof List<?> l) {
            l.forEach(RoundTripTest::strip);
        } else if (v instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            if (map.get("metadata") instanceof Map<?, ?> md) {
                ((Map<String, Object>) md).keySet().removeIf(k -> k.startsWith("otio."));
                if (md.isEmpty()) {
                    map.remove("metadata");
                }
            }
            map.remove("plugin"); // an export records each node's plugin, as saving a project does
            if (map.get("file") instanceof String f) {
                map.put("file", Path.of(f).getFileName().toString());
            }
            map.values().forEach(RoundTripTest::strip);
        }
    }

    @Test
    void oursToOtioAndBackIsEqual() throws Exception {
        Project p = ProjectIO.load(dir.resolve("p.lumaflow"));
        p.media().add(dir.resolve("clip.mkv"));
        Path otio = dir.resolve("rt.otio");
        assertTrue(Otio.write(p, otio, engine.registry().snapshot()).isEmpty());
        OtioImport back = Otio.read(otio);
        assertTrue(back.report().isEmpty(), back.report().lines().toString());
        assertNull(Trees.diff(saved(p), saved(back.project())));
        assertEquals(List.of(dir.resolve("clip.mkv")), back.project().media(), "the media bin");
        Clip b = back.project().timeline().tracks().get(0).clips().get(1);
        assertEquals("clip.mkv", b.source().params().get("file"), "relative media stays relative");
        String text = Files.readString(otio);
        assertTrue(text.contains("\"LinearTimeWarp.1\"") && text.contains("\"FreezeFrame.1\"")
                && text.contains("\"SMPTE_Dissolve\"") && text.contains("\"Custom_Transition\"")
                && text.contains("\"kind\": \"Audio\"") && text.contains("\"target_url\": \"clip.mkv\""), text);
    }

    @Test
    void throughBundlesTheMediaTravelsWithTheTimeline() throws Exception {
        Project p = ProjectIO.load(dir.resolve("p.lumaflow"));
        for (String name : List.of("rt.otioz", "rt.otiod")) {
            Path bundle = dir.resolve("out").resolve(name);
            Files.createDirectories(bundle.getParent());
            Otio.write(p, bundle, null);
            Otio.write(p, bundle, null); // replaces the previous bundle
            OtioImport back = Otio.read(bundle);
            assertTrue(back.report().isEmpty(), back.report().lines().toString());
            assertNull(Trees.diff(saved(p), saved(back.project())), name);
            Path media = Path.of((String) back.project().timeline().tracks().get(0).clips().get(1).source().params()
                    .get("file"));
            assertEquals(Files.size(dir.resolve("clip.mkv")), Files.size(media), name + ": " + media);
            assertEquals("media", media.getParent().getFileName().toString());
        }
        try (ZipFile z = new ZipFile(dir.resolve("out/rt.otioz").toFile())) {
            assertEquals("1.0.0", new String(z.getInputStream(z.getEntry("version.txt")).readAllBytes()).trim());
            assertEquals(java.util.zip.ZipEntry.STORED, z.getEntry("media/clip.mkv").getMethod());
            assertTrue(Files.readString(dir.resolve("out/rt.otiod/content.otio"))
                    .contains("\"target_url\": \"media/clip.mkv\""));
        }
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("rt.otiod", "rt.otioz"), files.map(f -> f.getFileName().toString()).sorted()
                    .toList(), "no temporary files left");
        }
    }

    @Test
    void otioEditsWinOverOurCopies() throws Exception {
        Project p = ProjectIO.load(dir.resolve("p.lumaflow"));
        Path otio = dir.resolve("edited.otio");
        Otio.write(p, otio, null);
        // another editor renames clip "Bars" and moves its marker: OTIO's fields are the truth
        String text = Files.readString(otio).replace("\"name\": \"Bars\"", "\"name\": \"Colour bars\"")
                .replace("\"name\": \"clip marker\"", "\"name\": \"moved\"");
        Files.writeString(otio, text);
        Clip a = Otio.read(otio).project().timeline().tracks().get(0).clips().get(0);
        assertEquals("a", a.id(), "our id is kept");
        assertEquals("Colour bars", a.name());
        assertEquals("moved", a.markers().get(0).name());
        assertEquals(1, a.effects().size(), "the grade travelled in metadata.lumaflow");
        Map<String, Object> m = new LinkedHashMap<>(a.effects().get(0).params());
        assertTrue(m.get("exposure") instanceof org.lumaflow.engine.anim.Animation, m.toString());
    }
}
