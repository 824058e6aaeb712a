package org.lumaflow.otio.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.timeline.Marker;
import org.lumaflow.engine.timeline.MarkerColor;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;
import org.lumaflow.otio.OtioReport;

/**
 * Reads an OTIO Timeline.1 into a project: the top Stack's Tracks become tracks (a nested top-level Stack's tracks are
 * added in its place), its markers and the tracks' markers become timeline markers. Items are read by
 * {@link ItemReader}. The timeline's frame rate is our own {@code metadata.lumaflow.format.rate}, else
 * global_start_time's rate, else the first video clip's, else 24; the picture size is ours, else 1920x1080.
 */
public final class OtioReader {

    static final List<String> ITEM_FIELDS = List.of("OTIO_SCHEMA", "metadata", "name", "source_range", "effects",
            "markers", "enabled");

    final Obj.Src src;
    final OtioReport report;
    final MediaMap media;
    final Set<String> ids = new HashSet<>();
    FrameRate rate;
    VideoFormat format;
    Timeline timeline;

    private OtioReader(Obj.Src src, MediaMap media, OtioReport report) {
        this.src = src;
        this.media = media;
        this.report = report;
    }

    /**
     * Reads the parsed {@code doc} of {@code file}; relative media paths resolve against {@code mediaBase} and stay
     * relative when {@code keepRelative}.
     */
    public static Project read(Json.Doc doc, Path file, Path mediaBase, boolean keepRelative, OtioReport report)
            throws ProjectException {
        Obj.Src src = new Obj.Src(file, doc);
        if (!(doc.root instanceof Map<?, ?>)) {
            throw src.error(doc.start(doc.root), "", "expected an OTIO Timeline.1 object");
        }
        @SuppressWarnings("unchecked")
        Obj root = new Obj((Map<String, Object>) doc.root, "", src);
        Project p = new OtioReader(src, new MediaMap(mediaBase, keepRelative), report).timeline(root);
        if (mediaBase != null) {
            p.timeline().metadata().put(K.MEDIA_BASE, mediaBase.toString());
        }
        return p;
    }

    private Project timeline(Obj o) throws ProjectException {
        if (!o.schemaName().equals("Timeline")) {
            throw o.error("OTIO_SCHEMA", "expected Timeline.1 at the top, got " + o.schema()
                    + (o.schemaName().equals("SerializableCollection") ? " (a collection: read one of its timelines)"
                            : ""));
        }
        o.version(1);
        Obj stack = o.req("tracks");
        if (!stack.schemaName().equals("Stack")) {
            throw o.error("tracks", "expected a Stack.1, got " + stack.schema());
        }
        stack.version(1);
        Map<String, Object> md = o.metadata();
        Map<String, Object> ours = md.get(K.LUMAFLOW) instanceof Map<?, ?> m ? cast(m) : Json.obj();
        Map<String, Object> fmt = ours.get("format") instanceof Map<?, ?> m ? cast(m) : Json.obj();
        Obj start = o.obj("global_start_time");
        OtioTime.Time startTime = start == null ? null : OtioTime.time(start);
        rate = fmt.get("rate") instanceof String r ? FrameRate.parse(r)
                : startTime != null ? startTime.rate() : firstVideoRate(stack);
        int w = fmt.get("width") instanceof BigDecimal d ? d.intValue() : 1920;
        int h = fmt.get("height") instanceof BigDecimal d ? d.intValue() : 1080;
        try {
            format = new VideoFormat(w, h, rate);
        } catch (IllegalArgumentException e) {
            throw o.error("metadata", e.getMessage());
        }
        timeline = new Timeline(format);
        Project p = new Project(o.str("name", "Untitled"), timeline);
        if (ours.get("bin") instanceof List<?> bin) {
            for (Object m : bin) {
                if (m instanceof String path) {
                    p.media().add(Path.of(path));
                }
            }
        }
        metadata(o, timeline.metadata(), List.of("OTIO_SCHEMA", "metadata", "name", "global_start_time", "tracks"));
        if (startTime != null) {
            timeline.setStart(startTime.ticks());
            timeline.metadata().put(K.START_RATE, startTime.rate().toString());
        }
        Map<String, Object> keep = Json.obj();
        for (Map.Entry<String, Object> e : stack.m().entrySet()) {
            if (!e.getKey().equals("children") && !e.getKey().equals("markers")) {
                keep.put(e.getKey(), e.getValue());
            }
        }
        if (!isDefaultStack(stack)) {
            timeline.metadata().put(K.STACK, Json.text(keep));
            if (!stack.list("effects").isEmpty() || stack.has("source_range") || !stack.bool("enabled", true)) {
                report.note("the top stack's effects, source_range or enabled flag are kept in metadata, not "
                        + "applied");
            }
        }
        markers(stack, timeline.markers(), 0, null);
        tracks(stack.list("children"), 0);
        return p;
    }

    private void tracks(List<Obj> children, int depth) throws ProjectException {
        for (Obj c : children) {
            String s = c.schemaName();
            if (s.equals("Track") || s.equals("Sequence")) {
                c.version(1);
                track(c);
            } else if (s.equals("Stack") && depth < 8 && c.list("effects").isEmpty() && !c.has("source_range")
                    && c.bool("enabled", true)) {
                c.version(1);
                report.note("nested stack '" + c.str("name", "") + "' at the top: its tracks are added in its place");
                tracks(c.list("children"), depth + 1);
            } else if (s.equals("Clip") || s.equals("Gap") || s.equals("Stack")) {
                Track t = new Track(c.str("name", s), Track.Kind.VIDEO);
                timeline.tracks().add(t);
                report.note(s + " '" + c.str("name", "") + "' directly in the top stack is put on a track of its own");
                new ItemReader(this, t, timeline.tracks().size() - 1).items(List.of(c), 0);
            } else {
                throw c.error("OTIO_SCHEMA", "unknown schema " + c.schema()
                        + " in the top stack (expected Track.1, Stack.1, Clip or Gap)");
            }
        }
    }

    private void track(Obj o) throws ProjectException {
        String kind = o.str("kind", "Video");
        Track t = new Track(o.str("name", ""), kind.equals("Audio") ? Track.Kind.AUDIO : Track.Kind.VIDEO);
        if (!kind.equals("Audio") && !kind.equals("Video")) {
            t.metadata().put(K.KIND, kind);
            report.note("track '" + t.name() + "' of kind '" + kind + "' is read as a video track");
        }
        t.setEnabled(o.bool("enabled", true));
        Map<String, Object> ours = metadata(o, t.metadata(), List.of("OTIO_SCHEMA", "metadata", "name",
                "source_range", "effects", "markers", "enabled", "children", "kind"));
        TrackSettings.apply(ours, t, o);
        if (o.has("source_range")) {
            OtioTime.range(o.req("source_range"));
            t.metadata().put(K.SOURCE_RANGE, Json.text(o.raw("source_range")));
            report.note("track '" + t.name() + "': its source_range is kept in metadata, not applied");
        }
        if (!o.list("effects").isEmpty()) {
            t.metadata().put(K.EFFECTS, Json.text(o.raw("effects")));
            report.note("track '" + t.name() + "': its effects are kept in metadata, not applied");
        }
        timeline.tracks().add(t);
        int index = timeline.tracks().size() - 1;
        markers(o, timeline.markers(), 0, String.valueOf(index));
        new ItemReader(this, t, index).items(o.list("children"), 0);
    }

    private static boolean isDefaultStack(Obj s) throws ProjectException {
        return s.list("effects").isEmpty() && !s.has("source_range") && s.bool("enabled", true)
                && s.metadata().isEmpty() && s.str("name", "").equals("tracks")
                && extras(s, List.of("OTIO_SCHEMA", "metadata", "name", "source_range", "effects", "markers",
                        "enabled", "children")).isEmpty();
    }

    private FrameRate firstVideoRate(Obj stack) throws ProjectException {
        for (Obj t : stack.list("children")) {
            if (t.str("kind", "Video").equals("Audio")) {
                continue;
            }
            for (Obj c : t.list("children")) {
                Obj r = c.obj("source_range");
                if (r != null && r.obj("duration") != null) {
                    return OtioTime.time(r.req("duration")).rate();
                }
            }
        }
        return FrameRate.FPS_24;
    }

    /**
     * Splits {@code o}'s metadata: our "lumaflow" block is returned (its "metadata" map goes into {@code into}), the
     * rest is kept under {@link K#METADATA}; members of {@code o} not in {@code known} go under {@link K#FIELDS}.
     */
    static Map<String, Object> metadata(Obj o, Map<String, String> into, List<String> known)
            throws ProjectException {
        Map<String, Object> md = Json.obj();
        md.putAll(o.metadata());
        Object ours = md.remove(K.LUMAFLOW);
        Map<String, Object> block = ours instanceof Map<?, ?> m ? cast(m) : Json.obj();
        if (block.get("metadata") instanceof Map<?, ?> user) {
            for (Map.Entry<?, ?> e : user.entrySet()) {
                into.put(String.valueOf(e.getKey()), e.getValue() instanceof String s ? s : Json.text(e.getValue()));
            }
        }
        if (!md.isEmpty()) {
            into.put(K.METADATA, Json.text(md));
        }
        Map<String, Object> extra = extras(o, known);
        if (!extra.isEmpty()) {
            into.put(K.FIELDS, Json.text(extra));
        }
        return block;
    }

    static Map<String, Object> extras(Obj o, List<String> known) {
        Map<String, Object> extra = Json.obj();
        for (Map.Entry<String, Object> e : o.m().entrySet()) {
            if (!known.contains(e.getKey())) {
                extra.put(e.getKey(), e.getValue());
            }
        }
        return extra;
    }

    /** Reads {@code o}'s markers into {@code into}, moved by {@code shift} ticks; tagged with {@code track}. */
    void markers(Obj o, List<Marker> into, long shift, String track) throws ProjectException {
        for (Obj m : o.list("markers")) {
            String s = m.schemaName();
            if (!s.equals("Marker")) {
                throw m.error("OTIO_SCHEMA", "expected a Marker.2, got " + m.schema());
            }
            m.version(2);
            Obj range = m.schemaVersion() == 1 && !m.has("marked_range") ? m.obj("range") : m.obj("marked_range");
            if (range == null) {
                throw m.error(null, "marker has no marked_range");
            }
            OtioTime.Range r = OtioTime.range(range);
            Map<String, String> md = new java.util.LinkedHashMap<>();
            metadata(m, md, List.of("OTIO_SCHEMA", "metadata", "name", "color", "marked_range", "range",
                    "comment"));
            String c = m.str("color", "GREEN"); // OTIO's default
            MarkerColor color;
            try {
                color = MarkerColor.parse(c);
            } catch (IllegalArgumentException e) {
                color = MarkerColor.GREEN;
                md.put(K.MARKER_COLOR, c);
            }
            if (track != null) {
                md.put(K.MARKER_TRACK, track);
            }
            into.add(new Marker(m.str("name", ""), r.start() + shift, r.duration(), color, m.str("comment", ""), md));
        }
    }

    /** A fresh clip id from {@code name}. */
    String id(String name) {
        String base = name == null || name.isBlank() ? "clip" : name.strip();
        String id = base;
        for (int n = 2; !ids.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    static List<Object> list(Object o) {
        return o instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
    }
}
