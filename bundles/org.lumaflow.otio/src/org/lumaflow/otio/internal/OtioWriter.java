package org.lumaflow.otio.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.timeline.Marker;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.otio.OtioReport;

/**
 * Writes a project as an OTIO Timeline.1 (current schema versions: Clip.2, Marker.2): what was kept under
 * {@code otio.*} when it was read goes back where it came from, Lumaflow's own settings go under
 * {@code metadata.lumaflow}. Items are written by {@link ItemWriter}.
 */
public final class OtioWriter {

    final Project project;
    final Timeline tl;
    final FrameRate rate;
    final NodeRegistry.Snapshot plugins;
    final OtioReport report;
    final MediaWriter media;

    private OtioWriter(Project project, NodeRegistry.Snapshot plugins, MediaWriter media, OtioReport report) {
        this.project = project;
        this.tl = project.timeline();
        this.rate = tl.format().rate();
        this.plugins = plugins;
        this.media = media;
        this.report = report;
    }

    /**
     * The OTIO tree of {@code project}; {@code media} decides how file references are written (absolute URLs, or
     * relative to the output's folder, or copied into a bundle).
     */
    public static Map<String, Object> write(Project project, NodeRegistry.Snapshot plugins, MediaWriter media,
            OtioReport report) throws IOException {
        return new OtioWriter(project, plugins, media, report).timeline();
    }

    private Map<String, Object> timeline() throws IOException {
        Map<String, Object> o = Json.obj();
        o.put("OTIO_SCHEMA", "Timeline.1");
        Map<String, Object> fmt = Json.obj();
        fmt.put("width", tl.format().width());
        fmt.put("height", tl.format().height());
        fmt.put("rate", rate.toString());
        Map<String, Object> ours = Json.obj();
        ours.put("format", fmt);
        if (!project.media().isEmpty()) {
            List<Object> bin = new ArrayList<>();
            for (Path m : project.media()) {
                Path abs = m.isAbsolute() || project.baseDir() == null ? m : project.baseDir().resolve(m);
                bin.add(abs.normalize().toString());
            }
            ours.put("bin", bin); // the studio's media bin
        }
        o.put("metadata", metadata(tl.metadata(), ours));
        o.put("name", project.name());
        String startRate = tl.metadata().get(K.START_RATE);
        if (tl.start() != 0 || startRate != null) {
            o.put("global_start_time", OtioTime.time(tl.start(), startRate != null ? FrameRate.parse(startRate)
                    : rate));
        } else {
            o.put("global_start_time", null);
        }
        Map<String, Object> stack = Json.obj();
        String kept = tl.metadata().get(K.STACK);
        if (kept != null) {
            stack.putAll(OtioReader.cast((Map<?, ?>) Json.parseText(kept)));
        } else {
            stack.put("OTIO_SCHEMA", "Stack.1");
            stack.put("metadata", Json.obj());
            stack.put("name", "tracks");
            stack.put("source_range", null);
            stack.put("effects", new ArrayList<>());
            stack.put("enabled", true);
        }
        List<Object> children = new ArrayList<>();
        List<Object> stackMarkers = new ArrayList<>();
        List<List<Object>> trackMarkers = new ArrayList<>();
        for (int i = 0; i < tl.tracks().size(); i++) {
            trackMarkers.add(new ArrayList<>());
        }
        for (Marker m : tl.markers()) {
            String t = m.metadata().get(K.MARKER_TRACK);
            int i = -1;
            try {
                i = t == null ? -1 : Integer.parseInt(t);
            } catch (NumberFormatException e) {
                // a damaged tag: the marker goes on the stack
            }
            (i >= 0 && i < trackMarkers.size() ? trackMarkers.get(i) : stackMarkers).add(marker(m, 0, rate));
        }
        stack.put("markers", stackMarkers);
        for (int i = 0; i < tl.tracks().size(); i++) {
            children.add(track(tl.tracks().get(i), trackMarkers.get(i)));
        }
        stack.put("children", children);
        o.put("tracks", stack);
        return o;
    }

    private Map<String, Object> track(Track t, List<Object> markers) throws IOException {
        Map<String, Object> o = Json.obj();
        o.put("OTIO_SCHEMA", "Track.1");
        o.put("metadata", metadata(t.metadata(), TrackSettings.block(t)));
        o.put("name", t.name());
        String sr = t.metadata().get(K.SOURCE_RANGE);
        o.put("source_range", sr == null ? null : Json.parseText(sr));
        String fx = t.metadata().get(K.EFFECTS);
        o.put("effects", fx == null ? new ArrayList<>() : Json.parseText(fx));
        o.put("markers", markers);
        o.put("enabled", t.enabled());
        String kind = t.metadata().get(K.KIND);
        o.put("children", new ItemWriter(this, t).children());
        o.put("kind", kind != null ? kind : t.kind() == Track.Kind.AUDIO ? "Audio" : "Video");
        fields(t.metadata(), o);
        return o;
    }

    /** An OTIO metadata dictionary: the kept one, plus our block (user metadata and {@code ours}) when not empty. */
    static Map<String, Object> metadata(Map<String, String> all, Map<String, Object> ours) {
        Map<String, Object> md = Json.obj();
        String kept = all.get(K.METADATA);
        if (kept != null) {
            md.putAll(OtioReader.cast((Map<?, ?>) Json.parseText(kept)));
        }
        Map<String, Object> block = Json.obj();
        block.putAll(ours);
        Map<String, Object> user = K.user(all);
        if (!user.isEmpty()) {
            block.put("metadata", user);
        }
        if (!block.isEmpty()) {
            md.put(K.LUMAFLOW, block);
        }
        return md;
    }

    /** Puts back the members kept under {@link K#FIELDS}. */
    static void fields(Map<String, String> all, Map<String, Object> o) {
        String kept = all.get(K.FIELDS);
        if (kept != null) {
            for (Map.Entry<String, Object> e : OtioReader.cast((Map<?, ?>) Json.parseText(kept)).entrySet()) {
                o.putIfAbsent(e.getKey(), e.getValue());
            }
        }
    }

    /** A Marker.2 moved by {@code shift} ticks. */
    static Map<String, Object> marker(Marker m, long shift, FrameRate rate) {
        Map<String, Object> o = Json.obj();
        o.put("OTIO_SCHEMA", "Marker.2");
        Map<String, String> md = new java.util.LinkedHashMap<>(m.metadata());
        md.remove(K.MARKER_TRACK);
        String color = md.remove(K.MARKER_COLOR);
        o.put("metadata", metadata(md, Json.obj()));
        o.put("name", m.name());
        o.put("color", color != null ? color : m.color().name());
        o.put("marked_range", OtioTime.range(m.start() + shift, m.duration(), rate));
        o.put("comment", m.note());
        fields(md, o);
        return o;
    }

    /** Where an exported file will live (relative media are written relative to it). */
    public interface MediaWriter {
        /** The target_url for local file {@code abs} (absolute), written for clip {@code clipId}. */
        String url(Path abs, String clipId) throws IOException;
    }
}
