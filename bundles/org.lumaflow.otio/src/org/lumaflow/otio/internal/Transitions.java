package org.lumaflow.otio.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lumaflow.engine.graph.GraphNode;

/**
 * Transition types: SMPTE_Dissolve is {@code core.dissolve}; a type naming a wipe is {@code core.wipe} (direction
 * from the name); any other is shown as a dissolve. Our other transitions are written as {@code Custom_Transition}
 * with their node under {@code metadata.lumaflow}.
 */
final class Transitions {

    private Transitions() {
    }

    /** The transition node for an OTIO Transition.1. */
    static GraphNode node(Map<String, Object> tr) {
        String type = tr.get("transition_type") instanceof String s ? s : "";
        if (tr.get("metadata") instanceof Map<?, ?> md && md.get(K.LUMAFLOW) instanceof Map<?, ?> ours
                && ours.get("type") instanceof String t) {
            GraphNode n = new GraphNode("transition", t);
            if (ours.get("params") instanceof Map<?, ?> p) {
                for (Map.Entry<?, ?> e : p.entrySet()) {
                    n.set(String.valueOf(e.getKey()), param(e.getValue()));
                }
            }
            return n;
        }
        if (type.equals("SMPTE_Dissolve")) {
            return new GraphNode("transition", "core.dissolve");
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.contains("wipe")) {
            GraphNode n = new GraphNode("transition", "core.wipe");
            for (String d : List.of("left", "right", "up", "down")) {
                if (lower.contains(d)) {
                    n.set("direction", d);
                }
            }
            return n;
        }
        return new GraphNode("transition", "core.dissolve");
    }

    /** Whether {@link #node} only approximates the type (a note for the report). */
    static boolean approximated(Map<String, Object> tr) {
        return !"SMPTE_Dissolve".equals(tr.get("transition_type")) && !(tr.get("metadata") instanceof Map<?, ?> md
                && md.get(K.LUMAFLOW) instanceof Map<?, ?>);
    }

    /** Whether {@code n} is still what {@code kept} was read as (same type and parameters). */
    static boolean same(GraphNode n, Map<String, Object> kept) {
        GraphNode k = node(kept);
        if (!k.type().equals(n.type()) || k.params().size() != n.params().size()) {
            return false;
        }
        for (Map.Entry<String, Object> e : k.params().entrySet()) {
            Object v = n.params().get(e.getKey());
            if (!(v instanceof double[] a && e.getValue() instanceof double[] b ? java.util.Arrays.equals(a, b)
                    : String.valueOf(e.getValue()).equals(String.valueOf(v)))) {
                return false;
            }
        }
        return true;
    }

    /** A Transition.1 for node {@code n} with the given offsets (times already converted). */
    static Map<String, Object> write(GraphNode n, Map<String, Object> in, Map<String, Object> out) {
        Map<String, Object> o = Json.obj();
        o.put("OTIO_SCHEMA", "Transition.1");
        Map<String, Object> md = Json.obj();
        boolean dissolve = n.type().equals("core.dissolve") && n.params().isEmpty();
        if (!dissolve) {
            Map<String, Object> ours = Json.obj();
            ours.put("type", n.type());
            Map<String, Object> params = Json.obj();
            for (Map.Entry<String, Object> e : n.params().entrySet()) {
                Object v = json(e.getValue());
                if (v != null) {
                    params.put(e.getKey(), v);
                }
            }
            ours.put("params", params);
            md.put(K.LUMAFLOW, ours);
        }
        o.put("metadata", md);
        o.put("name", "");
        o.put("transition_type", dissolve ? "SMPTE_Dissolve" : "Custom_Transition");
        o.put("parameters", Json.obj());
        o.put("in_offset", in);
        o.put("out_offset", out);
        return o;
    }

    private static Object json(Object v) {
        if (v instanceof double[] d) {
            List<Object> l = new ArrayList<>();
            for (double x : d) {
                l.add(x);
            }
            return l;
        }
        if (v instanceof Number || v instanceof String || v instanceof Boolean) {
            return v instanceof Number n && !(v instanceof Double) ? n.doubleValue() : v;
        }
        return null; // animated transition parameters are not kept
    }

    private static Object param(Object v) {
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof List<?> l) {
            double[] out = new double[l.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = l.get(i) instanceof BigDecimal d ? d.doubleValue() : 0;
            }
            return out;
        }
        return v;
    }
}
