package org.lumaflow.otio.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * OTIO JSON as plain values: objects are {@code LinkedHashMap<String, Object>} (file order), arrays
 * {@code ArrayList<Object>}, numbers {@link BigDecimal} (exactly as written), strings, booleans and null. Parsing
 * (Jackson streaming) remembers where each object member and array item stood, so errors can name line and column.
 */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** A parsed document: the root value and the positions of members and items. */
    public static final class Doc {
        /** The root value. */
        public Object root;
        private final IdentityHashMap<Object, long[]> starts = new IdentityHashMap<>();
        private final IdentityHashMap<Map<String, Object>, Map<String, Long>> members = new IdentityHashMap<>();
        private final IdentityHashMap<List<Object>, List<Long>> items = new IdentityHashMap<>();

        private Doc() {
        }

        /** Line and column (1-based, packed {@code line << 32 | column}) of {@code o}'s member {@code key}, or 0. */
        public long member(Map<String, Object> o, String key) {
            Map<String, Long> m = members.get(o);
            Long p = m == null ? null : m.get(key);
            return p == null ? start(o) : p;
        }

        /** Position of item {@code i} of {@code a}, or 0. */
        public long item(List<Object> a, int i) {
            List<Long> l = items.get(a);
            return l == null || i >= l.size() ? start(a) : l.get(i);
        }

        /** Position of an object or array, or 0. */
        public long start(Object container) {
            long[] p = starts.get(container);
            return p == null ? 0 : p[0];
        }
    }

    /** A syntax error at a place in the file. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        /** 1-based line, 0 when unknown. */
        public final int line;
        /** 1-based column. */
        public final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private Json() {
    }

    /** Parses one JSON document. */
    public static Doc parse(InputStream in) throws IOException, SyntaxError {
        try (JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() == null) {
                throw new SyntaxError("the file is empty", 1, 1);
            }
            Doc d = new Doc();
            d.root = read(p, d);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new SyntaxError("unexpected content after the end of the document", l.getLineNr(),
                        l.getColumnNr());
            }
            return d;
        } catch (JsonParseException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage().replaceAll("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]",
                    "line $1, column $2");
            if (msg.contains("end-of-input")) {
                msg = "the file ends in the middle of the JSON (truncated?): " + msg;
            }
            throw new SyntaxError(msg, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr());
        }
    }

    private static long pos(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return ((long) l.getLineNr() << 32) | (l.getColumnNr() & 0xFFFFFFFFL);
    }

    private static Object read(JsonParser p, Doc d) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                Map<String, Long> where = new LinkedHashMap<>();
                d.starts.put(m, new long[] {pos(p)});
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    where.put(name, pos(p));
                    m.put(name, read(p, d));
                }
                d.members.put(m, where);
                return m;
            }
            case START_ARRAY -> {
                List<Object> a = new ArrayList<>();
                List<Long> where = new ArrayList<>();
                d.starts.put(a, new long[] {pos(p)});
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    where.add(pos(p));
                    a.add(read(p, d));
                }
                d.items.put(a, where);
                return a;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDecimalValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return t == JsonToken.VALUE_TRUE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new JsonParseException(p, "unexpected token " + t);
        }
    }

    /** Parses JSON text kept in metadata (written by {@link #text}); null for null text. */
    public static Object parseText(String text) {
        if (text == null) {
            return null;
        }
        try {
            return parse(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).root;
        } catch (IOException | SyntaxError e) {
            throw new IllegalArgumentException("kept OTIO JSON is damaged: " + e.getMessage(), e);
        }
    }

    /** Compact JSON text of {@code value}. */
    public static String text(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes {@code value} indented by 4 spaces (as OpenTimelineIO does), with a final newline. */
    public static void write(Object value, OutputStream out) throws IOException {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"));
        JsonGenerator g = FACTORY.createGenerator(out);
        g.setPrettyPrinter(pp);
        write(g, value);
        g.writeRaw('\n');
        g.flush();
    }

    @SuppressWarnings("unchecked")
    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    /** A new, empty object. */
    public static Map<String, Object> obj() {
        return new LinkedHashMap<>();
    }
}
