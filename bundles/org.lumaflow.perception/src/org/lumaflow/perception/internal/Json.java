package org.lumaflow.perception.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lumaflow.core.time.Ticks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The parts the JSON track formats share ({@link TrackJson} for faces, {@link ObjectJson} for objects): the header,
 * the common settings, the picture size and duration, the samples with their boxes, and reading JSON into maps.
 */
final class Json {

    private static final JsonFactory JSON = new JsonFactory();

    private Json() {
    }

    /** A pretty-printing generator on {@code w}. */
    static JsonGenerator open(Writer w) throws IOException {
        return JSON.createGenerator(w).useDefaultPrettyPrinter();
    }

    /** Opens the root object and writes format, version, source and content key. */
    static void header(JsonGenerator g, String format, int version, Path source, String contentKey)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("format", format);
        g.writeNumberField("version", version);
        g.writeStringField("source", source.toString());
        g.writeStringField("contentKey", contentKey);
    }

    /** Opens the {@code settings} object with the settings both analyses have; the caller adds its own, closes it. */
    static void settings(JsonGenerator g, int proxyWidth, double maxRate, double cutThreshold, double minConfidence)
            throws IOException {
        g.writeObjectFieldStart("settings");
        g.writeNumberField("proxyWidth", proxyWidth);
        g.writeNumberField("maxRate", maxRate);
        g.writeNumberField("cutThreshold", cutThreshold);
        g.writeNumberField("minConfidence", minConfidence);
    }

    /** Writes {@code model} when there is one. */
    static void model(JsonGenerator g, Path model) throws IOException {
        if (model != null) {
            g.writeStringField("model", model.toString());
        }
    }

    /** Writes the detector, the picture size and the duration in ticks. */
    static void picture(JsonGenerator g, String detector, int width, int height, long durationTicks)
            throws IOException {
        g.writeStringField("detector", detector);
        g.writeNumberField("width", width);
        g.writeNumberField("height", height);
        g.writeNumberField("durationTicks", durationTicks);
    }

    /** Opens a sample: its time (ticks and seconds), the cut mark and the array {@code boxes} ({@link #endSample}). */
    static void startSample(JsonGenerator g, long ticks, boolean cut, String boxes) throws IOException {
        g.writeStartObject();
        g.writeNumberField("t", ticks);
        g.writeNumberField("seconds", Ticks.toSeconds(ticks));
        if (cut) {
            g.writeBooleanField("cut", true);
        }
        g.writeArrayFieldStart(boxes);
    }

    /** Closes what {@link #startSample} opened. */
    static void endSample(JsonGenerator g) throws IOException {
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Writes a normalized box's fields. */
    static void box(JsonGenerator g, double x, double y, double w, double h, double confidence) throws IOException {
        g.writeNumberField("x", x);
        g.writeNumberField("y", y);
        g.writeNumberField("w", w);
        g.writeNumberField("h", h);
        g.writeNumberField("confidence", confidence);
    }

    /** The whole document read by {@link #value}. */
    static Object parse(Reader r) throws IOException {
        try (JsonParser p = JSON.createParser(r)) {
            p.nextToken();
            return value(p);
        }
    }

    /**
     * {@code root} as the root object of a {@code format} {@code version} document.
     *
     * @throws ClassCastException when it is not an object (callers report it as malformed)
     */
    static Map<?, ?> root(Object root, String format, int version) throws IOException {
        Map<?, ?> m = (Map<?, ?>) root;
        if (!format.equals(m.get("format")) || num(m, "version").intValue() != version) {
            throw new IOException("not a " + format + " version " + version + " file");
        }
        return m;
    }

    /** Reads one box of a sample. */
    interface BoxReader<B> {
        B read(Map<?, ?> box) throws IOException;
    }

    /** Makes a sample from its time, cut mark and boxes. */
    interface SampleMaker<B, S> {
        S make(long ticks, boolean cut, List<B> boxes);
    }

    /** The {@code samples} of root {@code m}, each with its array {@code boxes} read by {@code box}. */
    static <B, S> List<S> samples(Map<?, ?> m, String boxes, BoxReader<B> box, SampleMaker<B, S> sample)
            throws IOException {
        List<S> samples = new ArrayList<>();
        for (Object o : (List<?>) m.get("samples")) {
            Map<?, ?> smp = (Map<?, ?>) o;
            List<B> list = new ArrayList<>();
            for (Object f : (List<?>) smp.get(boxes)) {
                list.add(box.read((Map<?, ?>) f));
            }
            samples.add(sample.make(num(smp, "t").longValue(), Boolean.TRUE.equals(smp.get("cut")), list));
        }
        return samples;
    }

    /** The number under {@code key}. */
    static Number num(Map<?, ?> m, String key) throws IOException {
        if (m.get(key) instanceof Number n) {
            return n;
        }
        throw new IOException("missing number '" + key + "'");
    }

    /** The model path under {@code model}, or null. */
    static Path model(Map<?, ?> settings) {
        Object model = settings.get("model");
        return model == null ? null : Path.of((String) model);
    }

    /** The value at the current token: Map, List, String, Number, Boolean or null. */
    static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IOException("empty JSON");
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, value(p));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected JSON " + t + " at " + p.currentLocation());
        }
    }
}
