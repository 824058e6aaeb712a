package org.lumaflow.otio.tests;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lumaflow.otio.internal.Json;
import org.lumaflow.otio.internal.OtioTime;

/**
 * Compares OTIO files as docs/otio.md's normalisation says: Clip.1 and Marker.1 upgraded as OpenTimelineIO's own
 * library upgrades them, absent and null members and the documented defaults equal, RationalTimes compared as ticks
 * (value/rate), numbers by value, our {@code metadata.lumaflow} blocks left out.
 */
final class Trees {

    private Trees() {
    }

    static Object read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Json.parse(in).root;
        } catch (Json.SyntaxError e) {
            throw new IOException(e);
        }
    }

    /** The first difference between two normalised trees, or null. */
    static String diff(Object a, Object b) {
        return diff(normalise(a), normalise(b), "");
    }

    private static String diff(Object a, Object b, String path) {
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            for (Object k : x.keySet()) {
                if (!y.containsKey(k)) {
                    return path + "." + k + ": only in the first (" + x.get(k) + ")";
                }
                String d = diff(x.get(k), y.get(k), path + "." + k);
                if (d != null) {
                    return d;
                }
            }
            for (Object k : y.keySet()) {
                if (!x.containsKey(k)) {
                    return path + "." + k + ": only in the second (" + y.get(k) + ")";
                }
            }
            return null;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return path + ": " + x.size() + " vs " + y.size() + " items";
            }
            for (int i = 0; i < x.size(); i++) {
                String d = diff(x.get(i), y.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return a == null ? (b == null ? null : path + ": null vs " + b)
                : a.equals(b) ? null : path + ": " + a + " vs " + b;
    }

    @SuppressWarnings("unchecked")
    static Object normalise(Object v) {
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(normalise(o));
            }
            return out;
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Double || v instanceof Long || v instanceof Integer) {
            return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
        }
        if (!(v instanceof Map<?, ?> raw)) {
            return v;
        }
        Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) raw);
        String schema = m.get("OTIO_SCHEMA") instanceof String s ? s : "";
        if (schema.equals("RationalTime.1")) {
            return "ticks " + OtioTime.ticks(num(m.get("value")), OtioTime.rate(num(m.get("rate"))));
        }
        if (schema.equals("Clip.1")) {
            Object ref = m.remove("media_reference");
            if (ref == null) {
                Map<String, Object> missing = new LinkedHashMap<>();
                missing.put("OTIO_SCHEMA", "MissingReference.1");
                ref = missing;
            }
            Map<String, Object> refs = new LinkedHashMap<>();
            refs.put("DEFAULT_MEDIA", ref);
            m.put("media_references", refs);
            m.put("active_media_reference_key", "DEFAULT_MEDIA");
            m.put("OTIO_SCHEMA", schema = "Clip.2");
        }
        if (schema.equals("Marker.1")) {
            if (m.containsKey("range")) {
                m.put("marked_range", m.remove("range"));
            }
            m.put("OTIO_SCHEMA", schema = "Marker.2");
        }
        String name = schema.contains(".") ? schema.substring(0, schema.lastIndexOf('.')) : schema;
        if (!schema.isEmpty()) {
            m.putIfAbsent("metadata", new LinkedHashMap<>());
            if (m.get("name") == null) {
                m.put("name", "");
            }
        }
        switch (name) {
            case "Clip", "Gap", "Track", "Stack" -> {
                m.putIfAbsent("effects", new ArrayList<>());
                m.putIfAbsent("markers", new ArrayList<>());
                m.putIfAbsent("enabled", true);
                if (name.equals("Track")) {
                    m.putIfAbsent("kind", "Video");
                }
            }
            case "Marker" -> {
                m.putIfAbsent("color", "GREEN");
                m.putIfAbsent("comment", "");
            }
            case "Transition" -> m.putIfAbsent("parameters", new LinkedHashMap<>());
            default -> {
            }
        }
        if (m.get("metadata") instanceof Map<?, ?> md && md.containsKey("lumaflow")) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) md);
            copy.remove("lumaflow");
            m.put("metadata", copy);
        }
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getValue() != null) {
                out.put(e.getKey(), normalise(e.getValue()));
            }
        }
        return out;
    }

    private static BigDecimal num(Object o) {
        return o instanceof BigDecimal d ? d : new BigDecimal(o.toString());
    }
}
