package org.lumaflow.live.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import org.lumaflow.cli.UsageException;
import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.live.Layout;
import org.lumaflow.live.Secrets;

/**
 * Live graph files ({@code lumaflow live GRAPH.json}, {@code --save GRAPH.json}): sources, layout, effects, outputs
 * and settings as JSON, like a project. Secrets (stream keys, passphrases, tokens) are written masked unless the
 * user asks to keep them; relative paths resolve against the file's folder.
 */
final class LiveGraphFile {

    /** The format's version, written as {@code "lumaflow_live"}. */
    static final int VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern SECRET_OPTION = Pattern.compile(
            "(?i).*(passphrase|password|pass|key|token|secret|auth|bearer|streamid).*");

    private LiveGraphFile() {
    }

    /** What {@link #write} did. */
    record Saved(boolean masked) {
    }

    /** Writes {@code s} to {@code file} atomically; secrets masked unless {@code keepSecrets}. */
    static Saved write(LiveSettings s, Path file, boolean keepSecrets) throws IOException {
        boolean[] masked = {false};
        AtomicFiles.write(file.toAbsolutePath(), out -> {
            try (JsonGenerator g = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeNumberField("lumaflow_live", VERSION);
                g.writeArrayFieldStart("sources");
                for (String src : s.sources) {
                    g.writeString(secret(src, keepSecrets, masked));
                }
                g.writeEndArray();
                g.writeObjectFieldStart("layout");
                g.writeStringField("kind", s.layout.kind().name().toLowerCase(Locale.ROOT));
                g.writeNumberField("x", s.layout.x());
                g.writeNumberField("y", s.layout.y());
                g.writeNumberField("size", s.layout.size());
                g.writeNumberField("border", s.layout.border());
                g.writeEndObject();
                if (s.effects != null) {
                    g.writeStringField("effects", relative(file, s.effects));
                }
                if (s.record != null) {
                    g.writeStringField("record", relative(file, s.record));
                }
                g.writeArrayFieldStart("streams");
                for (String t : s.streams) {
                    g.writeString(secret(t, keepSecrets, masked));
                }
                g.writeEndArray();
                g.writeStringField("size", s.width + "x" + s.height);
                g.writeStringField("rate", s.rate.num() + "/" + s.rate.den());
                if (s.duration != null) {
                    g.writeNumberField("duration", s.duration.toNanos() / 1e9);
                }
                g.writeStringField("drop", s.drop.name().toLowerCase(Locale.ROOT));
                g.writeStringField("encoder", s.encoder);
                g.writeNumberField("bitrate", s.bitrate);
                g.writeNumberField("keyframe_seconds", s.keyframeSeconds);
                g.writeStringField("backend", s.backend);
                g.writeObjectFieldStart("options");
                for (Map.Entry<String, String> e : s.options.entrySet()) {
                    String v = e.getValue();
                    if (!keepSecrets && SECRET_OPTION.matcher(e.getKey()).matches() && !v.isEmpty()) {
                        v = Secrets.MASK;
                        masked[0] = true;
                    } else {
                        v = secret(v, keepSecrets, masked);
                    }
                    g.writeStringField(e.getKey(), v);
                }
                g.writeEndObject();
                g.writeStringField("secrets", keepSecrets ? "kept" : "masked");
                g.writeEndObject();
            }
        });
        if (keepSecrets) {
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(
                        "rw-------"));
            } catch (UnsupportedOperationException | IOException e) {
                // not a POSIX file system
            }
        }
        return new Saved(masked[0]);
    }

    private static String secret(String v, boolean keep, boolean[] masked) {
        if (keep) {
            return v;
        }
        String m = Secrets.mask(v);
        if (!m.equals(v)) {
            masked[0] = true;
        }
        return m;
    }

    private static String relative(Path file, Path p) {
        Path dir = file.toAbsolutePath().getParent();
        Path abs = p.toAbsolutePath().normalize();
        if (dir != null && abs.startsWith(dir)) {
            return dir.relativize(abs).toString();
        }
        return p.toString();
    }

    /** Reads {@code file}; errors name the file and the field (exit 2: bad input). */
    static LiveSettings read(Path file) throws UsageException {
        Object root;
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            p.nextToken();
            root = value(p);
        } catch (NoSuchFileException e) {
            throw new UsageException("live graph " + file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new UsageException("live graph " + file + ": invalid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UsageException("live graph " + file + ": cannot read: " + e.getMessage());
        }
        Reader r = new Reader(file);
        return r.settings(root);
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new JsonProcessingException("empty file", p.currentLocation()) {
                private static final long serialVersionUID = 1L;
            };
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }

    /** Interprets the parsed tree with errors naming the file and field. */
    private record Reader(Path file) {

        LiveSettings settings(Object root) throws UsageException {
            Map<String, Object> o = object(root, "the top level");
            known(o, "lumaflow_live", "sources", "layout", "effects", "record", "streams", "size", "rate",
                    "duration", "drop", "encoder", "bitrate", "keyframe_seconds", "backend", "options", "secrets");
            Object ver = o.get("lumaflow_live");
            if (!(ver instanceof Double d) || d.intValue() != VERSION) {
                throw bad("lumaflow_live", "expected " + VERSION + " (the live graph format version)");
            }
            Path dir = file.toAbsolutePath().getParent();
            LiveSettings s = new LiveSettings();
            for (Object v : list(o.get("sources"), "sources")) {
                s.sources.add(masked(string(v, "sources"), "sources"));
            }
            if (o.get("layout") != null) {
                Map<String, Object> l = object(o.get("layout"), "layout");
                known(l, "kind", "x", "y", "size", "border");
                Layout def = LiveSettings.layout(l.get("kind") == null ? "full" : string(l.get("kind"),
                        "layout.kind"));
                try {
                    s.layout = new Layout(def.kind(), num(l, "x", def.x()), num(l, "y", def.y()), num(l, "size",
                            def.size()), (int) num(l, "border", def.border()));
                } catch (IllegalArgumentException e) {
                    throw bad("layout", e.getMessage());
                }
            }
            if (o.get("effects") != null) {
                s.effects = resolve(dir, string(o.get("effects"), "effects"));
            }
            if (o.get("record") != null) {
                s.record = resolve(dir, LiveSettings.record(string(o.get("record"), "record")).toString());
            }
            for (Object v : list(o.get("streams"), "streams")) {
                s.streams.add(masked(string(v, "streams"), "streams"));
            }
            if (o.get("size") != null) {
                LiveSettings.size(s, string(o.get("size"), "size"));
            }
            if (o.get("rate") != null) {
                Object rv = o.get("rate");
                s.rate = LiveSettings.rate(rv instanceof Double rd ? stripped(rd) : string(rv, "rate"));
            }
            if (o.get("duration") != null) {
                s.duration = Duration.ofNanos(Math.round(number(o.get("duration"), "duration") * 1e9));
            }
            if (o.get("drop") != null) {
                s.drop = LiveSettings.drop(string(o.get("drop"), "drop"));
            }
            if (o.get("encoder") != null) {
                s.encoder = string(o.get("encoder"), "encoder");
            }
            if (o.get("bitrate") != null) {
                s.bitrate = (long) number(o.get("bitrate"), "bitrate");
            }
            if (o.get("keyframe_seconds") != null) {
                s.keyframeSeconds = number(o.get("keyframe_seconds"), "keyframe_seconds");
            }
            if (o.get("backend") != null) {
                s.backend = LiveSettings.backend(string(o.get("backend"), "backend"));
            }
            if (o.get("options") != null) {
                for (Map.Entry<String, Object> e : object(o.get("options"), "options").entrySet()) {
                    s.options.put(e.getKey(), masked(string(e.getValue(), "options." + e.getKey()), "options."
                            + e.getKey()));
                }
            }
            return s;
        }

        /** A value saved masked cannot be used: say how to give it. */
        private String masked(String v, String field) throws UsageException {
            if (v.contains(Secrets.MASK)) {
                throw bad(field, "'" + v + "' holds a secret that was saved masked (without --keep-secrets): "
                        + "give it on the command line (--stream URL, --option KEY=VALUE) or save with "
                        + "--keep-secrets");
            }
            Secrets.mask(v); // remember any secret so that logs mask it
            return v;
        }

        private static String stripped(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }

        private static Path resolve(Path dir, String p) {
            Path path = Path.of(p);
            return path.isAbsolute() || dir == null ? path : dir.resolve(path);
        }

        private double num(Map<String, Object> o, String k, double def) throws UsageException {
            return o.get(k) == null ? def : number(o.get(k), "layout." + k);
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> object(Object v, String field) throws UsageException {
            if (v instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            throw bad(field, "expected an object");
        }

        private List<Object> list(Object v, String field) throws UsageException {
            if (v == null) {
                return List.of();
            }
            if (v instanceof List<?> l) {
                return new ArrayList<>(l);
            }
            throw bad(field, "expected an array");
        }

        private String string(Object v, String field) throws UsageException {
            if (v instanceof String s) {
                return s;
            }
            throw bad(field, "expected a string");
        }

        private double number(Object v, String field) throws UsageException {
            if (v instanceof Double d && d >= 0) {
                return d;
            }
            throw bad(field, "expected a number >= 0");
        }

        private void known(Map<String, Object> o, String... names) throws UsageException {
            for (String k : o.keySet()) {
                if (!List.of(names).contains(k)) {
                    throw bad(k, "unknown field (expected one of " + String.join(", ", names) + ")");
                }
            }
        }

        private UsageException bad(String field, String message) {
            return new UsageException("live graph " + file + ": " + field + ": " + Secrets.mask(message));
        }
    }
}
