package org.lumaflow.engine.internal.json;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.internal.json.JsonTree.Obj;
import org.lumaflow.engine.internal.json.JsonTree.Scalar;
import org.lumaflow.engine.internal.json.JsonTree.Value;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.ClipAudio;
import org.lumaflow.engine.timeline.Marker;
import org.lumaflow.engine.timeline.MarkerColor;
import org.lumaflow.engine.timeline.Retime;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;
import org.lumaflow.engine.timeline.VideoFormat;

/**
 * Reads schema version 1 project files. Times are seconds as a number ({@code 2.5}) or a rational string
 * ({@code "1001/1000"}), frames at the project rate ({@code "48f"}), or SMPTE timecode ({@code "00:00:02:00"};
 * {@code ;} before the frames for drop-frame). Seconds convert to ticks rounded to the nearest tick (half even).
 */
public final class ProjectReader extends ReaderBase {

    private ProjectReader(Path file) {
        super(file);
    }

    /** Converts a parsed tree into a project. */
    public static Project read(Value root, Path file) throws ProjectException {
        return new ProjectReader(file).project(root);
    }

    private Project project(Value root) throws ProjectException {
        Obj o = obj(root);
        Value ver = require(o, "lumaflow");
        long version = integer(ver);
        if (version != Project.SCHEMA_VERSION) {
            throw error(ver, "unsupported schema version " + version + " (this build reads version "
                    + Project.SCHEMA_VERSION + ")");
        }
        known(o, "lumaflow", "name", "format", "start", "markers", "metadata", "media", "tracks");
        String name = o.get("name") == null ? "Untitled" : string(o.get("name"));
        Obj fmt = obj(require(o, "format"));
        known(fmt, "width", "height", "rate");
        Value rv = require(fmt, "rate");
        try {
            rate = FrameRate.parse(rv instanceof Scalar s && s.value() instanceof BigDecimal d ? d.toPlainString()
                    : string(rv));
        } catch (IllegalArgumentException e) {
            throw error(rv, e.getMessage());
        }
        VideoFormat format;
        try {
            format = new VideoFormat((int) integer(require(fmt, "width")), (int) integer(require(fmt, "height")), rate);
        } catch (IllegalArgumentException e) {
            throw error(fmt, e.getMessage());
        }
        Timeline tl = new Timeline(format);
        if (o.get("start") != null) {
            long start = time(o.get("start"));
            if (start < 0) {
                throw error(o.get("start"), "timeline start must not be negative");
            }
            tl.setStart(start);
        }
        markers(o.get("markers"), tl.markers());
        metadata(o.get("metadata"), tl.metadata());
        Value tracks = o.get("tracks");
        if (tracks != null) {
            for (Value tv : arr(tracks).items()) {
                tl.tracks().add(track(obj(tv)));
            }
        }
        List<String> problems = tl.validate();
        if (!problems.isEmpty()) {
            throw error(tracks, String.join("; ", problems));
        }
        Project project = new Project(name, tl);
        if (o.get("media") != null) {
            Path base = file == null || file.toAbsolutePath().getParent() == null ? null : file.toAbsolutePath().getParent();
            for (Value mv : arr(o.get("media")).items()) {
                String m = string(mv);
                try {
                    Path p = Path.of(m);
                    project.media().add(p.isAbsolute() || base == null ? p : base.resolve(p).normalize());
                } catch (java.nio.file.InvalidPathException e) {
                    throw error(mv, "bad media path '" + m + "'");
                }
            }
        }
        return project;
    }

    private Track track(Obj o) throws ProjectException {
        known(o, "name", "kind", "blend", "opacity", "enabled", "volume", "pan", "mute", "solo", "locked", "metadata",
                "clips", "transitions");
        Track.Kind kind = Track.Kind.VIDEO;
        if (o.get("kind") != null) {
            try {
                kind = Track.Kind.parse(string(o.get("kind")));
            } catch (IllegalArgumentException e) {
                throw error(o.get("kind"), e.getMessage());
            }
        }
        Track t = new Track(o.get("name") == null ? "track" : string(o.get("name")), kind);
        try {
            if (o.get("volume") != null) {
                t.setVolumeDb(number(o.get("volume")));
            }
        } catch (IllegalArgumentException e) {
            throw error(o.get("volume"), e.getMessage());
        }
        try {
            if (o.get("pan") != null) {
                t.setPan(number(o.get("pan")));
            }
        } catch (IllegalArgumentException e) {
            throw error(o.get("pan"), e.getMessage());
        }
        if (o.get("mute") != null) {
            t.setMuted(bool(o.get("mute")));
        }
        if (o.get("solo") != null) {
            t.setSolo(bool(o.get("solo")));
        }
        if (o.get("locked") != null) {
            t.setLocked(bool(o.get("locked")));
        }
        metadata(o.get("metadata"), t.metadata());
        if (o.get("blend") != null) {
            t.setBlendMode(string(o.get("blend")));
        }
        if (o.get("opacity") != null) {
            double op = number(o.get("opacity"));
            if (op < 0 || op > 1) {
                throw error(o.get("opacity"), "opacity must be within 0..1");
            }
            t.setOpacity(op);
        }
        if (o.get("enabled") != null) {
            t.setEnabled(bool(o.get("enabled")));
        }
        if (o.get("clips") != null) {
            for (Value cv : arr(o.get("clips")).items()) {
                t.clips().add(clip(obj(cv)));
            }
        }
        if (o.get("transitions") != null) {
            for (Value tv : arr(o.get("transitions")).items()) {
                Obj to = obj(tv);
                known(to, "from", "to", "type", "plugin", "params");
                GraphNode n = new GraphNode("transition", string(require(to, "type")));
                node(to, n);
                t.transitions().add(new Transition(string(require(to, "from")), string(require(to, "to")), n));
            }
        }
        return t;
    }

    private Clip clip(Obj o) throws ProjectException {
        known(o, "id", "name", "enabled", "start", "in", "duration", "speed", "source", "effects", "audio", "markers",
                "metadata");
        String id = string(require(o, "id"));
        long start = time(require(o, "start"));
        long in = o.get("in") == null ? 0 : time(o.get("in"));
        Value dv = require(o, "duration");
        long duration = duration(dv, start);
        if (duration <= 0) {
            throw error(dv, "duration must be positive");
        }
        if (in < 0) {
            throw error(o.get("in"), "in point must not be negative");
        }
        Obj so = obj(require(o, "source"));
        known(so, "type", "plugin", "params");
        GraphNode src = new GraphNode(id, string(require(so, "type")));
        node(so, src);
        Clip c = new Clip(id, src, start, in, duration);
        if (o.get("name") != null) {
            c.setName(string(o.get("name")));
        }
        if (o.get("enabled") != null) {
            c.setEnabled(bool(o.get("enabled")));
        }
        if (o.get("speed") != null) {
            c.setRetime(retime(o.get("speed")));
        }
        if (o.get("audio") != null) {
            audio(obj(o.get("audio")), c.audio());
        }
        markers(o.get("markers"), c.markers());
        metadata(o.get("metadata"), c.metadata());
        if (o.get("effects") != null) {
            List<String> ids = new ArrayList<>();
            for (Value ev : arr(o.get("effects")).items()) {
                Obj eo = obj(ev);
                known(eo, "id", "type", "plugin", "params");
                String type = string(require(eo, "type"));
                String fxId = eo.get("id") == null ? type.substring(type.lastIndexOf('.') + 1) : string(eo.get("id"));
                if (ids.contains(fxId)) {
                    throw error(eo, "effect id '" + fxId + "' is used twice in clip '" + id + "'");
                }
                ids.add(fxId);
                GraphNode n = new GraphNode(fxId, type);
                node(eo, n);
                c.effects().add(n);
            }
        }
        return c;
    }

    private void node(Obj o, GraphNode n) throws ProjectException {
        if (o.get("plugin") != null) {
            n.plugin(string(o.get("plugin")));
        }
        Value pv = o.get("params");
        if (pv == null) {
            return;
        }
        for (Map.Entry<String, Value> e : obj(pv).members().entrySet()) {
            n.set(e.getKey(), param(e.getValue()));
        }
    }

    /** {@code "speed": 0.5} or {@code {"rate": -1, "frames": "blend", "pitch": "keep"|"shift"}}. */
    private Retime retime(Value v) throws ProjectException {
        try {
            if (v instanceof Scalar) {
                return Retime.speed(number(v));
            }
            Obj o = obj(v);
            known(o, "rate", "frames", "pitch");
            double r = number(require(o, "rate"));
            Retime.Frames frames = o.get("frames") == null ? Retime.Frames.NEAREST : Retime.Frames.parse(string(o.get("frames")));
            boolean keep = true;
            if (o.get("pitch") != null) {
                String p = string(o.get("pitch"));
                if (!p.equals("keep") && !p.equals("shift")) {
                    throw error(o.get("pitch"), "pitch must be \"keep\" or \"shift\"");
                }
                keep = p.equals("keep");
            }
            return new Retime(r, frames, keep);
        } catch (IllegalArgumentException e) {
            throw error(v, e.getMessage());
        }
    }

    /** {@code "audio": {"gain": dB or {"keys": [...]}, "fadeIn": time, "fadeOut": time, "mute": bool}}. */
    private void audio(Obj o, ClipAudio a) throws ProjectException {
        known(o, "gain", "fadeIn", "fadeOut", "mute");
        Value g = o.get("gain");
        try {
            if (g instanceof Obj) {
                if (!(param(g) instanceof Animation anim)) {
                    throw error(g, "gain keyframes expected");
                }
                a.setGainKeys(anim);
            } else if (g != null) {
                a.setGainDb(number(g));
            }
        } catch (IllegalArgumentException e) {
            throw error(g, e.getMessage());
        }
        long in = o.get("fadeIn") == null ? 0 : time(o.get("fadeIn"));
        long out = o.get("fadeOut") == null ? 0 : time(o.get("fadeOut"));
        if (in < 0 || out < 0) {
            throw error(in < 0 ? o.get("fadeIn") : o.get("fadeOut"), "fade length must not be negative");
        }
        a.setFades(in, out);
        if (o.get("mute") != null) {
            a.setMuted(bool(o.get("mute")));
        }
    }

    private void markers(Value v, List<Marker> into) throws ProjectException {
        if (v == null) {
            return;
        }
        for (Value mv : arr(v).items()) {
            Obj m = obj(mv);
            known(m, "name", "start", "duration", "color", "note", "metadata");
            MarkerColor color = MarkerColor.RED;
            if (m.get("color") != null) {
                try {
                    color = MarkerColor.parse(string(m.get("color")));
                } catch (IllegalArgumentException e) {
                    throw error(m.get("color"), e.getMessage());
                }
            }
            long duration = m.get("duration") == null ? 0 : time(m.get("duration"));
            if (duration < 0) {
                throw error(m.get("duration"), "marker duration must not be negative");
            }
            Map<String, String> meta = new LinkedHashMap<>();
            metadata(m.get("metadata"), meta);
            into.add(new Marker(m.get("name") == null ? "" : string(m.get("name")), time(require(m, "start")),
                    duration, color, m.get("note") == null ? "" : string(m.get("note")), meta));
        }
    }

    private void metadata(Value v, Map<String, String> into) throws ProjectException {
        if (v == null) {
            return;
        }
        for (Map.Entry<String, Value> m : obj(v).members().entrySet()) {
            into.put(m.getKey(), string(m.getValue()));
        }
    }
}
