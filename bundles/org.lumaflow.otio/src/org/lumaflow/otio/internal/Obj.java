package org.lumaflow.otio.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lumaflow.engine.project.ProjectException;

/**
 * A JSON object of a parsed OTIO file with its path ({@code tracks.children[0].children[2]}), for reading with
 * errors that name the file, line, column and field.
 *
 * @param m    the members
 * @param path dotted path from the root ("" for the root)
 * @param src  the file and positions
 */
public record Obj(Map<String, Object> m, String path, Src src) {

    /** The file being read and its positions. */
    public record Src(Path file, Json.Doc doc) {
        ProjectException error(long pos, String field, String message) {
            return new ProjectException(file, (int) (pos >>> 32), (int) pos, field, message);
        }
    }

    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** An error about member {@code key} (or the object itself when key is null). */
    public ProjectException error(String key, String message) {
        return src.error(key == null ? src.doc().start(m) : src.doc().member(m, key), key == null ? path : at(key),
                message);
    }

    /** Whether member {@code key} is present and not null. */
    public boolean has(String key) {
        return m.get(key) != null;
    }

    /** The raw member value (null when absent). */
    public Object raw(String key) {
        return m.get(key);
    }

    /** The {@code OTIO_SCHEMA} as name and version ("Clip", 2). */
    public String schema() throws ProjectException {
        Object s = m.get("OTIO_SCHEMA");
        if (!(s instanceof String str)) {
            throw error(s == null ? null : "OTIO_SCHEMA", "expected an OTIO object (\"OTIO_SCHEMA\": \"Name.N\")");
        }
        int dot = str.lastIndexOf('.');
        if (dot <= 0 || !str.substring(dot + 1).matches("\\d+")) {
            throw error("OTIO_SCHEMA", "bad schema '" + str + "' (expected Name.N, e.g. Clip.2)");
        }
        return str;
    }

    /** Schema name without the version. */
    public String schemaName() throws ProjectException {
        String s = schema();
        return s.substring(0, s.lastIndexOf('.'));
    }

    /** Schema version. */
    public int schemaVersion() throws ProjectException {
        String s = schema();
        return Integer.parseInt(s.substring(s.lastIndexOf('.') + 1));
    }

    /** Fails unless the schema version is 1..{@code max}. */
    public void version(int max) throws ProjectException {
        int v = schemaVersion();
        if (v < 1 || v > max) {
            throw error("OTIO_SCHEMA", "schema " + schema() + " is not supported (this reader knows " + schemaName()
                    + ".1" + (max > 1 ? " to " + schemaName() + "." + max : "") + ")");
        }
    }

    /** A string member, or {@code def} when absent or null. */
    public String str(String key, String def) throws ProjectException {
        Object v = m.get(key);
        if (v == null) {
            return def;
        }
        if (v instanceof String s) {
            return s;
        }
        throw error(key, "expected a string");
    }

    /** A number member (required). */
    public BigDecimal num(String key) throws ProjectException {
        Object v = m.get(key);
        if (v instanceof BigDecimal d) {
            return d;
        }
        throw error(v == null && !m.containsKey(key) ? null : key,
                v == null ? (m.containsKey(key) ? "expected a number, got null" : "required field '" + key
                        + "' is missing") : "expected a number");
    }

    /** A boolean member, or {@code def} when absent or null. */
    public boolean bool(String key, boolean def) throws ProjectException {
        Object v = m.get(key);
        if (v == null) {
            return def;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw error(key, "expected true or false");
    }

    /** An object member, or null when absent or null. */
    @SuppressWarnings("unchecked")
    public Obj obj(String key) throws ProjectException {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> o) {
            return new Obj((Map<String, Object>) o, at(key), src);
        }
        throw error(key, "expected an object");
    }

    /** A required object member. */
    public Obj req(String key) throws ProjectException {
        Obj o = obj(key);
        if (o == null) {
            throw error(m.containsKey(key) ? key : null, "required field '" + key + "' is missing");
        }
        return o;
    }

    /** The objects of an array member (empty when absent or null). */
    @SuppressWarnings("unchecked")
    public List<Obj> list(String key) throws ProjectException {
        Object v = m.get(key);
        List<Obj> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> l)) {
            throw error(key, "expected an array");
        }
        for (int i = 0; i < l.size(); i++) {
            Object item = l.get(i);
            String p = at(key) + "[" + i + "]";
            if (!(item instanceof Map<?, ?> o)) {
                throw src.error(src.doc().item((List<Object>) l, i), p, "expected an OTIO object");
            }
            out.add(new Obj((Map<String, Object>) o, p, src));
        }
        return out;
    }

    /** The metadata dictionary (empty when absent). */
    public Map<String, Object> metadata() throws ProjectException {
        Obj md = obj("metadata");
        return md == null ? Json.obj() : md.m();
    }
}
