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
import org.lumaflow.perception.FaceAnalysisSettings;
import org.lumaflow.perception.FaceBox;
import org.lumaflow.perception.FaceSample;
import org.lumaflow.perception.FaceTrack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The JSON form of a {@link FaceTrack} (cache entries and {@code lumaflow analyze --out}): format
 * {@code "lumaflow.faces"} version 1; times as ticks ({@code t}) and seconds; boxes normalized.
 */
public final class TrackJson {

    static final String FORMAT = "lumaflow.faces";
    static final int VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

    private TrackJson() {
    }

    /** Writes {@code t} to {@code w} (pretty printed). */
    public static void write(FaceTrack t, Writer w) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(w).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("source", t.source().toString());
            g.writeStringField("contentKey", t.contentKey());
            FaceAnalysisSettings s = t.settings();
            g.writeObjectFieldStart("settings");
            g.writeNumberField("proxyWidth", s.proxyWidth());
            g.writeNumberField("maxRate", s.maxRate());
            g.writeNumberField("cutThreshold", s.cutThreshold());
            g.writeNumberField("minConfidence", s.minConfidence());
            if (s.model() != null) {
                g.writeStringField("model", s.model().toString());
            }
            g.writeEndObject();
            g.writeStringField("detector", t.detector());
            g.writeNumberField("width", t.width());
            g.writeNumberField("height", t.height());
            g.writeNumberField("durationTicks", t.durationTicks());
            g.writeNumberField("durationSeconds", Ticks.toSeconds(t.durationTicks()));
            FaceTrack.Stats st = t.stats();
            g.writeObjectFieldStart("stats");
            g.writeNumberField("frames", st.frames());
            g.writeNumberField("analysedFrames", st.analysedFrames());
            g.writeNumberField("cuts", st.cuts());
            g.writeNumberField("detectorMillis", round(st.detectorMillis()));
            g.writeNumberField("detectorMillisPerFrame", round(st.detectorMillisPerFrame()));
            g.writeNumberField("totalMillis", round(st.totalMillis()));
            g.writeEndObject();
            g.writeArrayFieldStart("samples");
            for (FaceSample smp : t.samples()) {
                g.writeStartObject();
                g.writeNumberField("t", smp.ticks());
                g.writeNumberField("seconds", Ticks.toSeconds(smp.ticks()));
                if (smp.cut()) {
                    g.writeBooleanField("cut", true);
                }
                g.writeArrayFieldStart("faces");
                for (FaceBox b : smp.faces()) {
                    g.writeStartObject();
                    g.writeNumberField("x", b.x());
                    g.writeNumberField("y", b.y());
                    g.writeNumberField("w", b.w());
                    g.writeNumberField("h", b.h());
                    g.writeNumberField("confidence", b.confidence());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /**
     * Reads a track written by {@link #write}.
     *
     * @throws IOException when the text is not such a track (the message says what is wrong)
     */
    public static FaceTrack read(Reader r, FaceTrack.Origin origin) throws IOException {
        Object root;
        try (JsonParser p = JSON.createParser(r)) {
            p.nextToken();
            root = value(p);
        }
        try {
            Map<?, ?> m = (Map<?, ?>) root;
            if (!FORMAT.equals(m.get("format")) || num(m, "version").intValue() != VERSION) {
                throw new IOException("not a " + FORMAT + " version " + VERSION + " file");
            }
            Map<?, ?> s = (Map<?, ?>) m.get("settings");
            Object model = s.get("model");
            FaceAnalysisSettings settings = new FaceAnalysisSettings(num(s, "proxyWidth").intValue(),
                    num(s, "maxRate").doubleValue(), num(s, "cutThreshold").doubleValue(),
                    num(s, "minConfidence").doubleValue(), model == null ? null : Path.of((String) model));
            Map<?, ?> st = (Map<?, ?>) m.get("stats");
            FaceTrack.Stats stats = new FaceTrack.Stats(num(st, "frames").longValue(),
                    num(st, "analysedFrames").longValue(), num(st, "cuts").longValue(),
                    num(st, "detectorMillis").doubleValue(), num(st, "totalMillis").doubleValue());
            List<FaceSample> samples = new ArrayList<>();
            for (Object o : (List<?>) m.get("samples")) {
                Map<?, ?> smp = (Map<?, ?>) o;
                List<FaceBox> faces = new ArrayList<>();
                for (Object f : (List<?>) smp.get("faces")) {
                    Map<?, ?> b = (Map<?, ?>) f;
                    faces.add(new FaceBox(num(b, "x").doubleValue(), num(b, "y").doubleValue(),
                            num(b, "w").doubleValue(), num(b, "h").doubleValue(),
                            num(b, "confidence").doubleValue()));
                }
                samples.add(new FaceSample(num(smp, "t").longValue(), Boolean.TRUE.equals(smp.get("cut")), faces));
            }
            return new FaceTrack(Path.of((String) m.get("source")), (String) m.get("contentKey"), settings,
                    (String) m.get("detector"), num(m, "width").intValue(), num(m, "height").intValue(),
                    num(m, "durationTicks").longValue(), stats, samples, origin);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new IOException("malformed face track: " + e, e);
        }
    }

    private static Number num(Map<?, ?> m, String key) throws IOException {
        if (m.get(key) instanceof Number n) {
            return n;
        }
        throw new IOException("missing number '" + key + "'");
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
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
