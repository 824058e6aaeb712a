package org.lumaflow.perception.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lumaflow.core.time.Ticks;
import org.lumaflow.perception.Detection;
import org.lumaflow.perception.ObjectAnalysisSettings;
import org.lumaflow.perception.ObjectSample;
import org.lumaflow.perception.ObjectTrack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

/** The JSON form of an {@link ObjectTrack} (cache entries): format {@code "lumaflow.objects"} version 1. */
public final class ObjectJson {

    static final String FORMAT = "lumaflow.objects";
    static final int VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

    private ObjectJson() {
    }

    /** Writes {@code t} to {@code w}. */
    public static void write(ObjectTrack t, Writer w) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(w).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("source", t.source().toString());
            g.writeStringField("contentKey", t.contentKey());
            ObjectAnalysisSettings s = t.settings();
            g.writeObjectFieldStart("settings");
            g.writeNumberField("proxyWidth", s.proxyWidth());
            g.writeNumberField("maxRate", s.maxRate());
            g.writeNumberField("cutThreshold", s.cutThreshold());
            g.writeNumberField("minConfidence", s.minConfidence());
            g.writeStringField("detector", s.detector());
            if (s.model() != null) {
                g.writeStringField("model", s.model().toString());
            }
            g.writeNumberField("inputSize", s.inputSize());
            g.writeNumberField("batch", s.batch());
            g.writeEndObject();
            g.writeStringField("detector", t.detector());
            g.writeNumberField("width", t.width());
            g.writeNumberField("height", t.height());
            g.writeNumberField("durationTicks", t.durationTicks());
            ObjectTrack.Stats st = t.stats();
            g.writeObjectFieldStart("stats");
            g.writeNumberField("frames", st.frames());
            g.writeNumberField("analysedFrames", st.analysedFrames());
            g.writeNumberField("cuts", st.cuts());
            g.writeNumberField("batchSize", st.batchSize());
            g.writeNumberField("batches", st.batches());
            g.writeNumberField("detectorMillis", st.detectorMillis());
            g.writeNumberField("totalMillis", st.totalMillis());
            g.writeEndObject();
            g.writeArrayFieldStart("samples");
            for (ObjectSample smp : t.samples()) {
                g.writeStartObject();
                g.writeNumberField("t", smp.ticks());
                g.writeNumberField("seconds", Ticks.toSeconds(smp.ticks()));
                if (smp.cut()) {
                    g.writeBooleanField("cut", true);
                }
                g.writeArrayFieldStart("objects");
                for (Detection d : smp.objects()) {
                    g.writeStartObject();
                    g.writeStringField("label", d.label());
                    g.writeStringField("kind", d.kind().name());
                    g.writeNumberField("x", d.x());
                    g.writeNumberField("y", d.y());
                    g.writeNumberField("w", d.w());
                    g.writeNumberField("h", d.h());
                    g.writeNumberField("confidence", d.confidence());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Reads a track written by {@link #write}; {@code fromCache} is set on the result. */
    public static ObjectTrack read(Reader r, boolean fromCache) throws IOException {
        Object root;
        try (JsonParser p = JSON.createParser(r)) {
            p.nextToken();
            root = TrackJson.value(p);
        }
        try {
            Map<?, ?> m = (Map<?, ?>) root;
            if (!FORMAT.equals(m.get("format")) || num(m, "version").intValue() != VERSION) {
                throw new IOException("not a " + FORMAT + " version " + VERSION + " file");
            }
            Map<?, ?> s = (Map<?, ?>) m.get("settings");
            Object model = s.get("model");
            ObjectAnalysisSettings settings = new ObjectAnalysisSettings(num(s, "proxyWidth").intValue(),
                    num(s, "maxRate").doubleValue(), num(s, "cutThreshold").doubleValue(),
                    num(s, "minConfidence").doubleValue(), (String) s.get("detector"),
                    model == null ? null : Path.of((String) model), num(s, "inputSize").intValue(),
                    num(s, "batch").intValue());
            Map<?, ?> st = (Map<?, ?>) m.get("stats");
            ObjectTrack.Stats stats = new ObjectTrack.Stats(num(st, "frames").longValue(),
                    num(st, "analysedFrames").longValue(), num(st, "cuts").longValue(), num(st, "batchSize").intValue(),
                    num(st, "batches").longValue(), num(st, "detectorMillis").doubleValue(),
                    num(st, "totalMillis").doubleValue());
            List<ObjectSample> samples = new ArrayList<>();
            for (Object o : (List<?>) m.get("samples")) {
                Map<?, ?> smp = (Map<?, ?>) o;
                List<Detection> objects = new ArrayList<>();
                for (Object f : (List<?>) smp.get("objects")) {
                    Map<?, ?> b = (Map<?, ?>) f;
                    objects.add(new Detection((String) b.get("label"), Detection.Kind.valueOf((String) b.get("kind")),
                            num(b, "x").doubleValue(), num(b, "y").doubleValue(), num(b, "w").doubleValue(),
                            num(b, "h").doubleValue(), num(b, "confidence").doubleValue()));
                }
                samples.add(new ObjectSample(num(smp, "t").longValue(), Boolean.TRUE.equals(smp.get("cut")), objects));
            }
            return new ObjectTrack(Path.of((String) m.get("source")), (String) m.get("contentKey"), settings,
                    (String) m.get("detector"), num(m, "width").intValue(), num(m, "height").intValue(),
                    num(m, "durationTicks").longValue(), stats, samples, fromCache);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new IOException("malformed object track: " + e, e);
        }
    }

    private static Number num(Map<?, ?> m, String key) throws IOException {
        if (m.get(key) instanceof Number n) {
            return n;
        }
        throw new IOException("missing number '" + key + "'");
    }
}
