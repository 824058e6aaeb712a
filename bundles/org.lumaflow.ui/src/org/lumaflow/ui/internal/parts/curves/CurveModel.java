package org.lumaflow.ui.internal.parts.curves;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.ParamType;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.ui.internal.model.Edit;
import org.lumaflow.ui.internal.model.Edits;
import org.lumaflow.ui.internal.parts.props.ParamValues;

/**
 * The curve editor's model adapter: which parameters a clip offers, and each editor gesture (add, move, delete,
 * interpolation, bezier handles) as a new parameter value built from the old one. Keyframe times are clip time
 * (node-local ticks: {@code in + (t - start)}). Plain functions without SWT; every change reaches the project as one
 * undoable {@link #edit}.
 */
public final class CurveModel {

    /** The handles a keyframe gets when it turns bezier without handles of its own (the engine's preset). */
    public static final double[] DEFAULT_HANDLES = {0.25, 0.1, 0.25, 1};

    private CurveModel() {
    }

    /** A parameter of a node of the selected clip that the curve editor can show. */
    public record Target(GraphNode node, ParamSpec spec, String label) {

        /** The parameter's raw value (an {@link Animation}, a constant, or null for the default). */
        public Object raw() {
            return node.params().get(spec.name());
        }

        /** The animation, or null while the parameter is constant. */
        public Animation animation() {
            return raw() instanceof Animation a ? a : null;
        }

        /** Values per keyframe (1 for numbers, 4 for colours, 2 for points). */
        public int components() {
            return spec.type().components();
        }

        /** Whether it is the same parameter of the same node. */
        public boolean same(Target o) {
            return o != null && o.node == node && o.spec.name().equals(spec.name());
        }
    }

    /**
     * The animatable parameters of {@code clip}'s source and effects ({@code descriptors} gives a node type's metadata,
     * null when no plugin provides it), animated ones first, each group in chain order.
     */
    public static List<Target> targets(Clip clip, Function<String, NodeDescriptor> descriptors) {
        List<Target> animated = new ArrayList<>();
        List<Target> still = new ArrayList<>();
        if (clip == null) {
            return animated;
        }
        List<GraphNode> nodes = new ArrayList<>();
        nodes.add(clip.source());
        nodes.addAll(clip.effects());
        for (GraphNode n : nodes) {
            NodeDescriptor d = descriptors.apply(n.type());
            if (d == null) {
                continue;
            }
            String owner = n == clip.source() ? "source" : n.id();
            for (ParamSpec spec : d.params()) {
                if (!spec.animatable()) {
                    continue;
                }
                Target t = new Target(n, spec, owner + " \u203A " + spec.name() + suffix(spec.type()));
                (n.params().get(spec.name()) instanceof Animation ? animated : still).add(t);
            }
        }
        animated.addAll(still);
        return animated;
    }

    private static String suffix(ParamType type) {
        return switch (type) {
            case COLOR -> "  (r g b a)";
            case POINT -> "  (x y)";
            default -> "";
        };
    }

    /** The value's components at clip time {@code time} (animations evaluated, constants as they are). */
    public static double[] valueAt(ParamSpec spec, Object raw, long time) {
        if (raw instanceof Animation a) {
            double[] out = new double[a.components()];
            a.evaluate(time, out, 0);
            return out;
        }
        return ParamValues.components(spec.type(), ParamValues.typed(spec, raw));
    }

    /**
     * {@code raw} with a keyframe at {@code time}: the current value there, with component {@code component} set to
     * {@code value} (clamped to the parameter's range; {@code component < 0} keeps the value on the curve). A key
     * already at {@code time} keeps its interpolation; a new one is linear.
     */
    public static Animation addKey(ParamSpec spec, Object raw, long time, int component, double value) {
        double[] v = valueAt(spec, raw, time);
        if (component >= 0 && component < v.length) {
            v[component] = clamp(spec, value);
        }
        List<Keyframe> keys = new ArrayList<>();
        boolean replaced = false;
        if (raw instanceof Animation a) {
            for (Keyframe k : a.keyframes()) {
                if (k.time() == time) {
                    keys.add(new Keyframe(time, v, k.interp(), k.handles()));
                    replaced = true;
                } else {
                    keys.add(k);
                }
            }
        }
        if (!replaced) {
            keys.add(new Keyframe(time, v, Interpolation.LINEAR, null));
        }
        return new Animation(keys);
    }

    /**
     * {@code a} with the keys at {@code times} moved by {@code dt} ticks and their component {@code component} by
     * {@code dv} (clamped to the parameter's range; {@code component < 0} moves no value). Null when a moved key would
     * land on the time of another key (the engine allows one key per time) or before clip time 0.
     */
    public static Animation moveKeys(ParamSpec spec, Animation a, Collection<Long> times, long dt, int component,
            double dv) {
        List<Keyframe> keys = new ArrayList<>();
        java.util.Set<Long> used = new java.util.HashSet<>();
        for (Keyframe k : a.keyframes()) {
            boolean moved = times.contains(k.time());
            long t = moved ? k.time() + dt : k.time();
            if (t < 0 || !used.add(t)) {
                return null;
            }
            double[] v = k.value().clone(); // the record hands out its own array: never change it in place
            if (moved && component >= 0 && component < v.length && dv != 0) {
                v[component] = clamp(spec, v[component] + dv);
            }
            keys.add(new Keyframe(t, v, k.interp(), k.handles()));
        }
        return new Animation(keys);
    }

    /**
     * {@code a} without the keys at {@code times}; when none would remain, the constant value of the first removed
     * key (typed, as the properties editors write it); {@code a} itself when none of the times is a key.
     */
    public static Object deleteKeys(ParamSpec spec, Animation a, Collection<Long> times) {
        List<Keyframe> keys = new ArrayList<>();
        Keyframe first = null;
        for (Keyframe k : a.keyframes()) {
            if (times.contains(k.time())) {
                first = first == null ? k : first;
            } else {
                keys.add(k);
            }
        }
        if (first == null) {
            return a;
        }
        return keys.isEmpty() ? ParamValues.fromComponents(spec.type(), first.value()) : new Animation(keys);
    }

    /**
     * {@code a} with interpolation {@code interp} on the keys at {@code times}. A key turning bezier keeps handles it
     * had, else gets {@link #DEFAULT_HANDLES}; any other interpolation drops the handles.
     */
    public static Animation setInterpolation(Animation a, Collection<Long> times, Interpolation interp) {
        List<Keyframe> keys = new ArrayList<>();
        for (Keyframe k : a.keyframes()) {
            if (times.contains(k.time())) {
                double[] h = interp != Interpolation.BEZIER ? null
                        : k.handles() != null ? k.handles() : DEFAULT_HANDLES;
                keys.add(new Keyframe(k.time(), k.value(), interp, h));
            } else {
                keys.add(k);
            }
        }
        return new Animation(keys);
    }

    /**
     * {@code a} with the bezier handles {@code x1, y1, x2, y2} (normalised to the segment from the key at
     * {@code time} to the next: x in time, clamped to 0..1; y in value progress, free) on the key at {@code time},
     * which becomes bezier.
     */
    public static Animation setHandles(Animation a, long time, double[] handles) {
        double[] h = {clamp01(handles[0]), handles[1], clamp01(handles[2]), handles[3]};
        List<Keyframe> keys = new ArrayList<>();
        for (Keyframe k : a.keyframes()) {
            keys.add(k.time() == time ? new Keyframe(time, k.value(), Interpolation.BEZIER, h) : k);
        }
        return new Animation(keys);
    }

    /** The key of {@code a} at {@code time}, or null. */
    public static Keyframe keyAt(Animation a, long time) {
        for (Keyframe k : a.keyframes()) {
            if (k.time() == time) {
                return k;
            }
        }
        return null;
    }

    /** The key after {@code k} in {@code a}, or null when it is the last. */
    public static Keyframe next(Animation a, Keyframe k) {
        List<Keyframe> keys = a.keyframes();
        int i = keys.indexOf(k);
        return i >= 0 && i + 1 < keys.size() ? keys.get(i + 1) : null;
    }

    /**
     * Clip time {@code time} moved to the start of the nearest timeline frame of {@code clip} (keys land where the
     * renderer samples), never before clip time 0.
     */
    public static long snapToFrame(long time, Clip clip, FrameRate rate) {
        long offset = clip.start() - clip.in();
        long frame = Math.max(0, rate.ticksToFrame(time + offset, RoundingMode.HALF_UP));
        long t = rate.frameToTicks(frame) - offset;
        while (t < 0) {
            t = rate.frameToTicks(++frame) - offset;
        }
        return t;
    }

    /** One undo step setting {@code target}'s value to {@code value}, labelled {@code what} (shown by Edit > Undo). */
    public static Edit edit(Target target, String what, Object value) {
        String name = target.node().id() + "." + target.spec().name();
        return Edits.compound(what + " (" + name + ")",
                List.of(Edits.setParam(target.node(), target.spec().name(), value)));
    }

    /** {@code v} within the parameter's numeric range (when it has one); INT values rounded half up. */
    public static double clamp(ParamSpec spec, double v) {
        double out = spec.min() < spec.max() ? Math.max(spec.min(), Math.min(spec.max(), v)) : v;
        return spec.type() == ParamType.INT ? Math.floor(out + 0.5) : out;
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
