package org.lumaflow.otio.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;

/**
 * What OTIO has no field for (the source node's parameters, effect nodes, clip audio, frame blending and pitch) travels
 * as the clip's own project-file JSON in the OTIO clip's {@code metadata.lumaflow.clip}: written and read through
 * {@link ProjectIO}, so it follows the project format exactly. OTIO's own fields (timing, name, enabled, markers,
 * speed) stay authoritative; the blob's copies of them are dropped.
 */
final class Blob {

    private static final List<String> DROPPED = List.of("start", "in", "duration", "name", "enabled", "markers",
            "metadata");

    private Blob() {
    }

    /** The project-file JSON of {@code c}, less what OTIO carries itself. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> write(Clip c, Track.Kind kind, VideoFormat format, NodeRegistry.Snapshot plugins)
            throws IOException {
        Timeline tl = new Timeline(format);
        Track t = new Track("t", kind);
        t.clips().add(c);
        tl.tracks().add(t);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProjectIO.write(new Project("clip", tl), out, plugins);
        Map<String, Object> root;
        try {
            root = (Map<String, Object>) Json.parse(new ByteArrayInputStream(out.toByteArray())).root;
        } catch (Json.SyntaxError e) {
            throw new IOException("cannot re-read the project JSON of clip '" + c.id() + "': " + e.getMessage(), e);
        }
        Map<String, Object> clip = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) ((List<Object>) root
                .get("tracks")).get(0)).get("clips")).get(0);
        for (String k : DROPPED) {
            clip.remove(k);
        }
        return clip;
    }

    /** The clip {@code blob} describes, with {@code timing}'s id, start, in and duration. */
    @SuppressWarnings("unchecked")
    static Clip read(Map<String, Object> blob, Clip timing, Track.Kind kind, VideoFormat format, Obj where)
            throws ProjectException {
        Map<String, Object> clip = Json.obj();
        clip.putAll(blob);
        for (String k : DROPPED) {
            clip.remove(k);
        }
        clip.put("id", timing.id());
        clip.put("start", ticks(timing.start()));
        clip.put("in", ticks(timing.in()));
        clip.put("duration", ticks(timing.duration()));
        Map<String, Object> track = Json.obj();
        track.put("name", "t");
        track.put("kind", kind.label());
        track.put("clips", new java.util.ArrayList<>(List.of(clip)));
        Map<String, Object> fmt = Json.obj();
        fmt.put("width", format.width());
        fmt.put("height", format.height());
        fmt.put("rate", format.rate().toString());
        Map<String, Object> root = Json.obj();
        root.put("lumaflow", Project.SCHEMA_VERSION);
        root.put("format", fmt);
        root.put("tracks", new java.util.ArrayList<>(List.of(track)));
        byte[] text = Json.text(root).getBytes(StandardCharsets.UTF_8);
        try {
            Project p = ProjectIO.load(new ByteArrayInputStream(text), Path.of(where.src().file() + " "
                    + where.path() + ".metadata.lumaflow.clip"));
            return p.timeline().tracks().get(0).clips().get(0);
        } catch (IOException e) {
            throw where.error("metadata", "cannot read the Lumaflow clip kept in metadata.lumaflow.clip: "
                    + e.getMessage());
        }
    }

    private static String ticks(long t) {
        return t + "/" + Ticks.PER_SECOND;
    }
}
