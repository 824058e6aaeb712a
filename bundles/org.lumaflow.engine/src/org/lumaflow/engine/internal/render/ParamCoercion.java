package org.lumaflow.engine.internal.render;

import java.util.List;

import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.ParamType;
import org.lumaflow.engine.graph.Point2;

/**
 * Turns parameter values as they come from code or project files (numbers, strings, booleans, {@code double[]},
 * lists of numbers, {@link Color}, {@link Point2}, {@link Animation}) into the typed value a parameter expects.
 */
final class ParamCoercion {

    private ParamCoercion() {
    }

    /** Checks an animation against the parameter; returns an error sentence or null. */
    static String checkAnimation(ParamSpec spec, Animation a) {
        if (!spec.type().animatable()) {
            return "is a " + spec.type() + " and cannot be animated";
        }
        if (a.components() != spec.type().components()) {
            return "expects keyframe values with " + spec.type().components() + " component(s), got "
                    + a.components();
        }
        return null;
    }

    /** Coerces a constant to its typed value; throws IllegalArgumentException with a sentence on failure. */
    static Object coerce(ParamSpec spec, Object v) {
        switch (spec.type()) {
            case FLOAT -> {
                double d = number(v);
                return range(spec, d);
            }
            case INT -> {
                double d = number(v);
                if (d != Math.rint(d)) {
                    throw new IllegalArgumentException("expects an integer, got " + v);
                }
                return (int) range(spec, d);
            }
            case BOOL -> {
                if (v instanceof Boolean b) {
                    return b;
                }
                throw new IllegalArgumentException("expects true or false, got " + describe(v));
            }
            case CHOICE -> {
                if (v instanceof String s && spec.choices().contains(s)) {
                    return s;
                }
                throw new IllegalArgumentException("expects one of " + spec.choices() + ", got " + describe(v));
            }
            case STRING, FILE -> {
                if (v instanceof String s) {
                    return s;
                }
                throw new IllegalArgumentException("expects a string, got " + describe(v));
            }
            case COLOR -> {
                Color c = color(v);
                if (!(v instanceof Color) && !(v instanceof String)) { // arrays: within the declared range
                    for (int i = 0; i < 4; i++) {
                        double x = c.component(i);
                        if (!(x >= spec.min() && x <= spec.max())) {
                            throw new IllegalArgumentException("colour component " + fmt(x) + " of " + describe(v)
                                    + " is outside " + fmt(spec.min()) + ".." + fmt(spec.max()) + (spec.max() <= 1
                                            ? " (components are 0..1; write 8-bit colours as \"#RRGGBB\")" : ""));
                        }
                    }
                }
                return c;
            }
            case POINT -> {
                if (v instanceof Point2 p) {
                    return p;
                }
                double[] c = components(v, 2);
                return new Point2(c[0], c[1]);
            }
            default -> throw new IllegalStateException(spec.type().toString());
        }
    }

    /** Writes the numeric components of a typed value into {@code slots[offset ..]}. */
    static void store(ParamType type, Object typed, double[] slots, int offset) {
        switch (type) {
            case FLOAT -> slots[offset] = (Double) typed;
            case INT -> slots[offset] = (Integer) typed;
            case BOOL -> slots[offset] = ((Boolean) typed) ? 1 : 0;
            case COLOR -> {
                Color c = (Color) typed;
                slots[offset] = c.r();
                slots[offset + 1] = c.g();
                slots[offset + 2] = c.b();
                slots[offset + 3] = c.a();
            }
            case POINT -> {
                Point2 p = (Point2) typed;
                slots[offset] = p.x();
                slots[offset + 1] = p.y();
            }
            default -> {
                // strings live in the object slots only
            }
        }
    }

    static Color color(Object v) {
        if (v instanceof Color c) {
            return c;
        }
        if (v instanceof String s) {
            return Color.parse(s);
        }
        double[] c = components(v, -1);
        if (c.length == 3) {
            return new Color(c[0], c[1], c[2], 1);
        }
        if (c.length == 4) {
            return new Color(c[0], c[1], c[2], c[3]);
        }
        throw new IllegalArgumentException("expects a colour (#RRGGBB[AA] or [r, g, b(, a)]), got " + describe(v));
    }

    private static double range(ParamSpec spec, double d) {
        if (Double.isNaN(d) || d < spec.min() || d > spec.max()) {
            throw new IllegalArgumentException("value " + fmt(d) + " is outside " + fmt(spec.min()) + ".."
                    + fmt(spec.max()));
        }
        return d;
    }

    private static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("expects a number, got " + describe(v));
    }

    private static double[] components(Object v, int n) {
        double[] c;
        if (v instanceof double[] d) {
            c = d;
        } else if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof Number)) {
            c = l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
        } else {
            throw new IllegalArgumentException("expects " + (n < 0 ? "a list of numbers" : n + " numbers")
                    + ", got " + describe(v));
        }
        if (n >= 0 && c.length != n) {
            throw new IllegalArgumentException("expects " + n + " numbers, got " + c.length);
        }
        return c;
    }

    private static String describe(Object v) {
        if (v instanceof double[] d) {
            return java.util.Arrays.toString(d);
        }
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
