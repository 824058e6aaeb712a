package org.lumaflow.engine.internal.render;

import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.graph.TimeMap;

/** One node of a compiled graph: its type, wiring and parameter slots. */
final class CompiledNode {

    final String id;
    final NodeType type;
    final NodeDescriptor descriptor;
    final long timeOffset;
    /** general time map, or null for {@code time - timeOffset} */
    final TimeMap timeMap;
    /** index of the producing node per input port, -1 when unconnected */
    final int[] inputs;
    /** parameter names, index-aligned with the slots below */
    final String[] names;
    final ParamSpec[] specs;
    /** first numeric slot of each parameter */
    final int[] offsets;
    /** current numeric values (constants filled at compile time, animations every frame) */
    final double[] numbers;
    /** typed constant values (Color, Point2, String...) or null when animated */
    final Object[] constants;
    /** animation per parameter or null */
    final Animation[] animations;
    final boolean animated;
    /** downstream consumers of this node's output (the caller counts as one for the result node) */
    int consumers;
    /** FILE parameters resolved against the project folder (null until first asked) */
    final java.nio.file.Path[] files;
    /** per-instance cache for the node type */
    Object state;
    /** providing plugin (bundle symbolic name) */
    String plugin;
    /** whether render() runs on a guard thread under a timeout (third-party plugins) */
    boolean guarded;

    CompiledNode(String id, NodeType type, NodeDescriptor d, long timeOffset, TimeMap timeMap, int[] inputs,
            Object[] values) {
        this.id = id;
        this.type = type;
        this.descriptor = d;
        this.timeOffset = timeOffset;
        this.timeMap = timeMap;
        this.inputs = inputs;
        int n = d.params().size();
        this.names = new String[n];
        this.specs = new ParamSpec[n];
        this.offsets = new int[n];
        this.constants = new Object[n];
        this.animations = new Animation[n];
        this.files = new java.nio.file.Path[n];
        int slots = 0;
        boolean anyAnimated = false;
        for (int i = 0; i < n; i++) {
            ParamSpec p = d.params().get(i);
            names[i] = p.name();
            specs[i] = p;
            offsets[i] = slots;
            slots += p.type().components();
        }
        this.numbers = new double[slots];
        for (int i = 0; i < n; i++) {
            if (values[i] instanceof Animation a) {
                animations[i] = a;
                anyAnimated = true;
            } else {
                constants[i] = values[i];
                ParamCoercion.store(specs[i].type(), values[i], numbers, offsets[i]);
            }
        }
        this.animated = anyAnimated;
    }

    /** Node-local time at graph time {@code time}. */
    long local(long time) {
        TimeMap m = timeMap;
        return m == null ? time - timeOffset : m.apply(time);
    }

    PortType outputType() {
        return descriptor.output();
    }

    /** Evaluates animated parameters at node-local {@code time}. */
    void evaluate(long time) {
        if (!animated) {
            return;
        }
        for (int i = 0; i < animations.length; i++) {
            Animation a = animations[i];
            if (a != null) {
                a.evaluate(time, numbers, offsets[i]);
            }
        }
    }

    int param(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("node type " + descriptor.id() + " has no parameter '" + name + "'");
    }
}
