package org.lumaflow.perception.internal;

import static org.lumaflow.perception.internal.Json.num;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.lumaflow.perception.Detection;
import org.lumaflow.perception.ObjectAnalysisSettings;
import org.lumaflow.perception.ObjectSample;
import org.lumaflow.perception.ObjectTrack;

import com.fasterxml.jackson.core.JsonGenerator;

/** The JSON form of an {@link ObjectTrack} (cache entries): format {@code "lumaflow.objects"} version 1. */
public final class ObjectJson {

    static final String FORMAT = "lumaflow.objects";
    static final int VERSION = 1;

    private ObjectJson() {
    }

    /** Writes {@code t} to {@code w}. */
    public static void write(ObjectTrack t, Writer w) throws IOException {
        try (JsonGenerator g = Json.open(w)) {
            Json.header(g, FORMAT, VERSION, t.source(), t.contentKey());
            ObjectAnalysisSettings s = t.settings();
            Json.settings(g, s.proxyWidth(), s.maxRate(), s.cutThreshold(), s.minConfidence());
            g.writeStringField("detector", s.detector());
            Json.model(g, s.model());
            g.writeNumberField("inputSize", s.inputSize());
            g.writeNumberField("batch", s.batch());
            g.writeEndObject();
            Json.picture(g, t.detector(), t.width(), t.height(), t.durationTicks());
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
                Json.startSample(g, smp.ticks(), smp.cut(), "objects");
                for (Detection d : smp.objects()) {
                    g.writeStartObject();
                    g.writeStringField("label", d.label());
                    g.writeStringField("kind", d.kind().name());
                    Json.box(g, d.x(), d.y(), d.w(), d.h(), d.confidence());
                    g.writeEndObject();
                }
                Json.endSample(g);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Reads a track written by {@link #write}; {@code fromCache} is set on the result. */
    public static ObjectTrack read(Reader r, boolean fromCache) throws IOException {
        Object root = Json.parse(r);
        try {
            Map<?, ?> m = Json.root(root, FORMAT, VERSION);
            Map<?, ?> s = (Map<?, ?>) m.get("settings");
            ObjectAnalysisSettings settings = new ObjectAnalysisSettings(num(s, "proxyWidth").intValue(),
                    num(s, "maxRate").doubleValue(), num(s, "cutThreshold").doubleValue(),
                    num(s, "minConfidence").doubleValue(), (String) s.get("detector"), Json.model(s),
                    num(s, "inputSize").intValue(), num(s, "batch").intValue());
            Map<?, ?> st = (Map<?, ?>) m.get("stats");
            ObjectTrack.Stats stats = new ObjectTrack.Stats(num(st, "frames").longValue(),
                    num(st, "analysedFrames").longValue(), num(st, "cuts").longValue(), num(st, "batchSize").intValue(),
                    num(st, "batches").longValue(), num(st, "detectorMillis").doubleValue(),
                    num(st, "totalMillis").doubleValue());
            List<ObjectSample> samples = Json.samples(m, "objects",
                    b -> new Detection((String) b.get("label"), Detection.Kind.valueOf((String) b.get("kind")),
                            num(b, "x").doubleValue(), num(b, "y").doubleValue(), num(b, "w").doubleValue(),
                            num(b, "h").doubleValue(), num(b, "confidence").doubleValue()),
                    ObjectSample::new);
            return new ObjectTrack(Path.of((String) m.get("source")), (String) m.get("contentKey"), settings,
                    (String) m.get("detector"), num(m, "width").intValue(), num(m, "height").intValue(),
                    num(m, "durationTicks").longValue(), stats, samples, fromCache);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new IOException("malformed object track: " + e, e);
        }
    }
}
