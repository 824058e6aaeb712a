package org.lumaflow.engine.internal.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Rational;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.core.time.Timecode;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.internal.json.JsonTree.Arr;
import org.lumaflow.engine.internal.json.JsonTree.Obj;
import org.lumaflow.engine.internal.json.JsonTree.Scalar;
import org.lumaflow.engine.internal.json.JsonTree.Value;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;
import org.lumaflow.engine.timeline.VideoFormat;

/**
 * Reads schema version 1 project files. Times are seconds as a number ({@code 2.5}) or a rational string
 * ({@code "1001/1000"}), frames at the project rate ({@code "48f"}), or SMPTE timecode ({@code "00:00:02:00"};
 * {@code ;} before the frames for drop-frame). Seconds convert to ticks rounded to the nearest tick (half even).
 */
public final class ProjectReader {

    private final Path file;
    private FrameRate rate;

    private ProjectReader(Path file) {
        this.file = file;
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
        known(o, "lumaflow", "name", "format", "tracks");
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
        return new Project(name, tl);
    }

    private Track track(Obj o) throws ProjectException {
        known(o, "name", "blend", "opacity", "enabled", "clips", "transitions");
        Track t = new Track(o.get("name") == null ? "track" : string(o.get("name")));
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
        known(o, "id", "start", "in", "duration", "source", "effects", "metadata");
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
        if (o.get("metadata") != null) {
            for (Map.Entry<String, Value> m : obj(o.get("metadata")).members().entrySet()) {
                c.metadata().put(m.getKey(), string(m.getValue()));
            }
        }
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

    private Object param(Value v) throws ProjectException {
        if (v instanceof Scalar s) {
            if (s.value() == null) {
                throw error(v, "null is not a parameter value");
            }
            return s.value() instanceof BigDecimal d ? d.doubleValue() : s.value();
        }
        if (v instanceof Arr a) {
            return numbers(a);
        }
        Obj o = (Obj) v;
        known(o, "keys");
        List<Keyframe> keys = new ArrayList<>();
        for (Value kv : arr(require(o, "keys")).items()) {
            Obj k = obj(kv);
            known(k, "t", "v", "interp", "handles");
            long t = time(require(k, "t"));
            Value vv = require(k, "v");
            double[] value;
            if (vv instanceof Arr va) {
                value = numbers(va);
            } else if (vv instanceof Scalar s && s.value() instanceof String hex) {
                try {
                    Color c = Color.parse(hex);
                    value = new double[] {c.r(), c.g(), c.b(), c.a()};
                } catch (IllegalArgumentException e) {
                    throw error(vv, e.getMessage());
                }
            } else {
                value = new double[] {number(vv)};
            }
            Interpolation interp = Interpolation.LINEAR;
            if (k.get("interp") != null) {
                try {
                    interp = Interpolation.parse(string(k.get("interp")));
                } catch (IllegalArgumentException e) {
                    throw error(k.get("interp"), e.getMessage());
                }
            }
            double[] handles = k.get("handles") == null ? null : numbers(arr(k.get("handles")));
            try {
                keys.add(new Keyframe(t, value, interp, handles));
            } catch (IllegalArgumentException e) {
                throw error(k, e.getMessage());
            }
        }
        try {
            return new Animation(keys);
        } catch (IllegalArgumentException e) {
            throw error(o, e.getMessage());
        }
    }

    /** Parses a time value into ticks. */
    private long time(Value v) throws ProjectException {
        if (v instanceof Scalar s && s.value() instanceof BigDecimal d) {
            return seconds(v, d);
        }
        String text = string(v).trim();
        try {
            if (inFrames(text)) {
                return rate.frameToTicks(frames(text));
            }
            return Ticks.fromRational(Rational.parse(text), RoundingMode.HALF_EVEN);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw badTime(v, text, e);
        }
    }

    /**
     * Parses a clip duration. One given in frames ("48f" or timecode) from a start on a frame boundary ends on the
     * boundary that many frames later: at rates whose frames differ by a tick (2997/125) it is measured from there.
     */
    private long duration(Value v, long start) throws ProjectException {
        if (!(v instanceof Scalar s && s.value() instanceof BigDecimal)) {
            String text = string(v).trim();
            long first = rate.ticksToFrame(start, RoundingMode.FLOOR);
            if (inFrames(text) && rate.frameToTicks(first) == start) {
                try {
                    return Math.subtractExact(rate.frameToTicks(Math.addExact(first, frames(text))), start);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw badTime(v, text, e);
                }
            }
        }
        return time(v);
    }

    private static boolean inFrames(String text) {
        return text.endsWith("f") || text.indexOf(':') >= 0 || text.indexOf(';') >= 0;
    }

    /** "48f" or timecode as a frame count. */
    private long frames(String text) {
        return text.endsWith("f") ? Long.parseLong(text.substring(0, text.length() - 1).trim())
                : Timecode.parse(text, rate);
    }

    private ProjectException badTime(Value v, String text, RuntimeException e) {
        return error(v, "bad time '" + text + "': " + e.getMessage()
                + " (use seconds, \"N/D\" seconds, \"48f\" frames or HH:MM:SS:FF)");
    }

    private long seconds(Value v, BigDecimal d) throws ProjectException {
        try {
            return d.multiply(BigDecimal.valueOf(Ticks.PER_SECOND)).setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw error(v, "time " + d + " s is out of range");
        }
    }

    private double[] numbers(Arr a) throws ProjectException {
        double[] out = new double[a.items().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(a.items().get(i));
        }
        return out;
    }

    private void known(Obj o, String... names) throws ProjectException {
        outer:
        for (Map.Entry<String, Value> e : o.members().entrySet()) {
            for (String n : names) {
                if (n.equals(e.getKey())) {
                    continue outer;
                }
            }
            throw error(e.getValue(), "unknown field (expected one of " + String.join(", ", names) + ")");
        }
    }

    private Value require(Obj o, String name) throws ProjectException {
        Value v = o.get(name);
        if (v == null) {
            throw new ProjectException(file, o.line(), o.column(), o.path().isEmpty() ? name : o.path() + "." + name,
                    "required field is missing");
        }
        return v;
    }

    private Obj obj(Value v) throws ProjectException {
        if (v instanceof Obj o) {
            return o;
        }
        throw error(v, "expected an object");
    }

    private Arr arr(Value v) throws ProjectException {
        if (v instanceof Arr a) {
            return a;
        }
        throw error(v, "expected an array");
    }

    private String string(Value v) throws ProjectException {
        if (v instanceof Scalar s && s.value() instanceof String str) {
            return str;
        }
        throw error(v, "expected a string");
    }

    private double number(Value v) throws ProjectException {
        if (v instanceof Scalar s && s.value() instanceof BigDecimal d) {
            return d.doubleValue();
        }
        throw error(v, "expected a number");
    }

    private long integer(Value v) throws ProjectException {
        if (v instanceof Scalar s && s.value() instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw error(v, "expected an integer, got " + d);
            }
        }
        throw error(v, "expected an integer");
    }

    private boolean bool(Value v) throws ProjectException {
        if (v instanceof Scalar s && s.value() instanceof Boolean b) {
            return b;
        }
        throw error(v, "expected true or false");
    }

    private ProjectException error(Value v, String message) {
        return new ProjectException(file, v.line(), v.column(), v.path(), message);
    }
}
