package org.lumaflow.engine.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * A JSON tree that remembers where each value stood in the file (line, column, path such as
 * {@code tracks[0].clips[2].start}), parsed with Jackson's streaming parser, so that semantic errors can name the
 * exact place.
 */
public final class JsonTree {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** A parsed value with its position. */
    public sealed interface Value permits Obj, Arr, Scalar {
        /** Dotted path from the root ({@code ""} for the root). */
        String path();

        /** 1-based line. */
        int line();

        /** 1-based column. */
        int column();
    }

    /** A JSON object; members keep file order. */
    public record Obj(String path, int line, int column, Map<String, Value> members) implements Value {
        /** The member {@code name}, or null. */
        public Value get(String name) {
            return members.get(name);
        }
    }

    /** A JSON array. */
    public record Arr(String path, int line, int column, List<Value> items) implements Value {
    }

    /** A string ({@link String}), number ({@link java.math.BigDecimal}), boolean or null ({@code value == null}). */
    public record Scalar(String path, int line, int column, Object value) implements Value {
    }

    /** A syntax error with its position. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        /** 1-based line. */
        public final int line;
        /** 1-based column. */
        public final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private JsonTree() {
    }

    /** Parses one JSON document. */
    public static Value parse(InputStream in) throws IOException, SyntaxError {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new SyntaxError("the file is empty", 1, 1);
            }
            Value v = read(p, "");
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new SyntaxError("unexpected content after the end of the document", l.getLineNr(),
                        l.getColumnNr());
            }
            return v;
        } catch (JsonParseException e) {
            JsonLocation l = e.getLocation();
            // Jackson embeds "[Source: REDACTED (`StreamReadFeature...` disabled); line: 1, column: 27]": keep the place
            String msg = e.getOriginalMessage().replaceAll("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]",
                    "line $1, column $2");
            throw new SyntaxError(msg, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr());
        }
    }

    private static Value read(JsonParser p, String path) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        int line = l.getLineNr();
        int col = l.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Value> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, read(p, path.isEmpty() ? name : path + "." + name));
                }
                return new Obj(path, line, col, m);
            }
            case START_ARRAY -> {
                List<Value> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, path + "[" + i++ + "]"));
                }
                return new Arr(path, line, col, items);
            }
            case VALUE_STRING -> {
                return new Scalar(path, line, col, p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Scalar(path, line, col, p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(path, line, col, t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return new Scalar(path, line, col, null);
            }
            default -> throw new JsonParseException(p, "unexpected token " + t);
        }
    }
}
