package org.lumaflow.ui.internal.parts.props;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.core.time.Timecode;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.ParamType;
import org.lumaflow.engine.graph.Point2;

/**
 * Parameter values as the editors see them. Values in {@link org.lumaflow.engine.graph.GraphNode#params()} come
 * from code ({@link Integer}, {@link Color}, {@link Point2}...) or from project files (every number a
 * {@link Double}, colours as {@code "#RRGGBB"} strings or {@code double[]}, points as {@code double[]}), or are an
 * {@link Animation}. Editors work with one typed form per {@link ParamType}: FLOAT {@link Double}, INT
 * {@link Integer}, BOOL {@link Boolean}, CHOICE/STRING/FILE {@link String}, COLOR {@link Color}, POINT
 * {@link Point2}; that is also what they write back (the project writer and the engine accept it). Keyframe
 * helpers turn constants into animations and back. Plain functions, unit-tested.
 */
public final class ParamValues {

    private ParamValues() {
    }

    /** The typed form of constant {@code v} (null: the default); values that do not fit give the default. */
    public static Object typed(ParamSpec spec, Object v) {
        if (v == null || v instanceof Animation) {
            return v == null ? spec.defaultValue() : fromComponents(spec.type(), first((Animation) v));
        }
        try {
            return switch (spec.type()) {
                case FLOAT -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
                case INT -> v instanceof Number n ? (int) Math.round(n.doubleValue())
                        : (int) Math.round(Double.parseDouble(v.toString()));
                case BOOL -> v instanceof Boolean b ? b : v instanceof Number n ? n.doubleValue() != 0
                        : Boolean.parseBoolean(v.toString());
                case CHOICE, STRING, FILE -> v.toString();
                case COLOR -> color(v);
                case POINT -> point(v);
            };
        } catch (RuntimeException e) {
            return spec.defaultValue();
        }
    }

    private static double[] first(Animation a) {
        return a.keyframes().get(0).value();
    }

    private static Color color(Object v) {
        if (v instanceof Color c) {
            return c;
        }
        if (v instanceof String s) {
            return Color.parse(s);
        }
        double[] d = numbers(v);
        if (d.length == 3) {
            return new Color(d[0], d[1], d[2], 1);
        }
        if (d.length == 4) {
            return new Color(d[0], d[1], d[2], d[3]);
        }
        throw new IllegalArgumentException("not a colour");
    }

    private static Point2 point(Object v) {
        if (v instanceof Point2 p) {
            return p;
        }
        double[] d = numbers(v);
        if (d.length != 2) {
            throw new IllegalArgumentException("not a point");
        }
        return new Point2(d[0], d[1]);
    }

    private static double[] numbers(Object v) {
        if (v instanceof double[] d) {
            return d;
        }
        if (v instanceof List<?> l) {
            double[] d = new double[l.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = ((Number) l.get(i)).doubleValue();
            }
            return d;
        }
        throw new IllegalArgumentException("not a list of numbers");
    }

    /** The numeric components of a typed value (1 for numbers and booleans, 4 for colours, 2 for points). */
    public static double[] components(ParamType type, Object typed) {
        return switch (type) {
            case FLOAT, INT -> new double[] {((Number) typed).doubleValue()};
            case BOOL -> new double[] {((Boolean) typed) ? 1 : 0};
            case COLOR -> {
                Color c = (Color) typed;
                yield new double[] {c.r(), c.g(), c.b(), c.a()};
            }
            case POINT -> {
                Point2 p = (Point2) typed;
                yield new double[] {p.x(), p.y()};
            }
            default -> throw new IllegalArgumentException(type + " has no numeric components");
        };
    }

    /** The typed value of components {@code c} (INT rounded half up, like the engine). */
    public static Object fromComponents(ParamType type, double[] c) {
        return switch (type) {
            case FLOAT -> c[0];
            case INT -> (int) Math.floor(c[0] + 0.5);
            case BOOL -> c[0] != 0;
            case COLOR -> c.length >= 4 ? new Color(c[0], c[1], c[2], c[3]) : new Color(c[0], c[1], c[2], 1);
            case POINT -> new Point2(c[0], c.length > 1 ? c[1] : 0);
            default -> throw new IllegalArgumentException(type + " has no numeric components");
        };
    }

    /** The typed value of raw parameter value {@code v} at node-local time {@code local} (animations evaluated). */
    public static Object valueAt(ParamSpec spec, Object v, long local) {
        if (v instanceof Animation a && spec.type().animatable()) {
            double[] out = new double[a.components()];
            a.evaluate(local, out, 0);
            return fromComponents(spec.type(), out);
        }
        return typed(spec, v);
    }

    /** The keyframe of {@code a} within {@code tolerance} ticks of {@code local}, or null. */
    public static Keyframe keyAt(Animation a, long local, long tolerance) {
        Keyframe best = null;
        for (Keyframe k : a.keyframes()) {
            long d = Math.abs(k.time() - local);
            if (d <= tolerance && (best == null || d < Math.abs(best.time() - local))) {
                best = k;
            }
        }
        return best;
    }

    /**
     * {@code current} with a keyframe of {@code typed} at {@code local}: an existing key within {@code tolerance}
     * keeps its time and interpolation and takes the value; a constant (or null) becomes a one-key animation.
     */
    public static Animation withKey(ParamSpec spec, Object current, long local, long tolerance, Object typed) {
        double[] value = components(spec.type(), typed);
        List<Keyframe> keys = new ArrayList<>();
        if (current instanceof Animation a) {
            Keyframe old = keyAt(a, local, tolerance);
            for (Keyframe k : a.keyframes()) {
                if (k == old) {
                    keys.add(new Keyframe(k.time(), value, k.interp(), k.handles()));
                } else {
                    keys.add(k);
                }
            }
            if (old == null) {
                keys.add(new Keyframe(local, value, Interpolation.LINEAR, null));
            }
        } else {
            keys.add(new Keyframe(local, value, Interpolation.LINEAR, null));
        }
        return new Animation(keys);
    }

    /**
     * {@code a} without its keyframe near {@code local}; the removed key's value as a constant when it was the last
     * one; {@code a} itself when there is no key there.
     */
    public static Object withoutKey(ParamSpec spec, Animation a, long local, long tolerance) {
        Keyframe old = keyAt(a, local, tolerance);
        if (old == null) {
            return a;
        }
        List<Keyframe> keys = new ArrayList<>(a.keyframes());
        keys.remove(old);
        if (keys.isEmpty()) {
            return fromComponents(spec.type(), old.value());
        }
        return new Animation(keys);
    }

    /** The last key strictly before {@code local - tolerance}, or null. */
    public static Keyframe previousKey(Animation a, long local, long tolerance) {
        Keyframe out = null;
        for (Keyframe k : a.keyframes()) {
            if (k.time() < local - tolerance) {
                out = k;
            }
        }
        return out;
    }

    /** The first key strictly after {@code local + tolerance}, or null. */
    public static Keyframe nextKey(Animation a, long local, long tolerance) {
        for (Keyframe k : a.keyframes()) {
            if (k.time() > local + tolerance) {
                return k;
            }
        }
        return null;
    }

    /** Whether two typed values are the same (doubles compared exactly, colours and points by components). */
    public static boolean same(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    /** Clamps a number to the spec's range (NaN gives the default). */
    public static double clamp(ParamSpec spec, double v) {
        if (Double.isNaN(v)) {
            return ((Number) spec.defaultValue()).doubleValue();
        }
        return Math.max(spec.min(), Math.min(spec.max(), v));
    }

    /** A number as editors show it: integers plainly, others with up to 4 decimals (no exponent). */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Parses a number typed by a user ("1,5" accepted as 1.5); throws NumberFormatException. */
    public static double parse(String text) {
        String s = text.trim().replace(',', '.');
        if (s.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        return Double.parseDouble(s);
    }

    /**
     * Parses a time typed into a clip field: timecode {@code HH:MM:SS:FF} (or {@code ;FF}), {@code 48f} or a bare
     * frame count, or seconds {@code 2.5s}. Returns ticks; throws IllegalArgumentException with a sentence.
     */
    public static long parseTime(String text, FrameRate rate) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("enter a timecode, frames (48f) or seconds (2.5s)");
        }
        if (s.indexOf(':') >= 0 || s.indexOf(';') >= 0) {
            return rate.frameToTicks(Timecode.parse(s, rate));
        }
        if (s.endsWith("s")) {
            double sec = parse(s.substring(0, s.length() - 1));
            return rate.frameToTicks(rate.ticksToFrame(Ticks.fromSeconds(sec, RoundingMode.HALF_EVEN),
                    RoundingMode.HALF_UP));
        }
        if (s.endsWith("f")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        try {
            return rate.frameToTicks(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is no time: use HH:MM:SS:FF, 48f or 2.5s");
        }
    }

    /** Timecode of {@code ticks} (the frame whose start is nearest). */
    public static String timecode(long ticks, FrameRate rate) {
        return Timecode.format(rate.ticksToFrame(ticks, RoundingMode.HALF_UP), rate, Timecode.defaultDropFrame(rate));
    }
}
