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
import org.lumaflow.engine.internal.json.JsonTree.Arr;
import org.lumaflow.engine.internal.json.JsonTree.Obj;
import org.lumaflow.engine.internal.json.JsonTree.Scalar;
import org.lumaflow.engine.internal.json.JsonTree.Value;
import org.lumaflow.engine.project.ProjectException;

/**
 * The value rules of project files shared by the readers: times (seconds as a number or {@code "N/D"}, frames
 * {@code "48f"}, SMPTE timecode; seconds round to the nearest tick, half even), parameter values and keyframes, and
 * typed access that reports the file, line, column and path of a bad value.
 */
abstract class ReaderBase {

    protected final Path file;
    protected FrameRate rate;

    ReaderBase(Path file) {
        this.file = file;
    }

    protected Object param(Value v) throws ProjectException {
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
    protected long time(Value v) throws ProjectException {
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
    protected long duration(Value v, long start) throws ProjectException {
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

    protected static boolean inFrames(String text) {
        return text.endsWith("f") || text.indexOf(':') >= 0 || text.indexOf(';') >= 0;
    }

    /** "48f" or timecode as a frame count. */
    protected long frames(String text) {
        return text.endsWith("f") ? Long.parseLong(text.substring(0, text.length() - 1).trim())
                : Timecode.parse(text, rate);
    }

    protected ProjectException badTime(Value v, String text, RuntimeException e) {
        return error(v, "bad time '" + text + "': " + e.getMessage()
                + " (use seconds, \"N/D\" seconds, \"48f\" frames or HH:MM:SS:FF)");
    }

    protected long seconds(Value v, BigDecimal d) throws ProjectException {
        try {
            return d.multiply(BigDecimal.valueOf(Ticks.PER_SECOND)).setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw error(v, "time " + d + " s is out of range");
        }
    }

    protected double[] numbers(Arr a) throws ProjectException {
        double[] out = new double[a.items().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(a.items().get(i));
        }
        return out;
    }

    protected void known(Obj o, String... names) throws ProjectException {
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

    protected Value require(Obj o, String name) throws ProjectException {
        Value v = o.get(name);
        if (v == null) {
            throw new ProjectException(file, o.line(), o.column(), o.path().isEmpty() ? name : o.path() + "." + name,
                    "required field is missing");
        }
        return v;
    }

    protected Obj obj(Value v) throws ProjectException {
        if (v instanceof Obj o) {
            return o;
        }
        throw error(v, "expected an object");
    }

    protected Arr arr(Value v) throws ProjectException {
        if (v instanceof Arr a) {
            return a;
        }
        throw error(v, "expected an array");
    }

    protected String string(Value v) throws ProjectException {
        if (v instanceof Scalar s && s.value() instanceof String str) {
            return str;
        }
        throw error(v, "expected a string");
    }

    protected double number(Value v) throws ProjectException {
        if (v instanceof Scalar s && s.value() instanceof BigDecimal d) {
            return d.doubleValue();
        }
        throw error(v, "expected a number");
    }

    protected long integer(Value v) throws ProjectException {
        if (v instanceof Scalar s && s.value() instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw error(v, "expected an integer, got " + d);
            }
        }
        throw error(v, "expected an integer");
    }

    protected boolean bool(Value v) throws ProjectException {
        if (v instanceof Scalar s && s.value() instanceof Boolean b) {
            return b;
        }
        throw error(v, "expected true or false");
    }

    protected ProjectException error(Value v, String message) {
        return new ProjectException(file, v.line(), v.column(), v.path(), message);
    }
}
