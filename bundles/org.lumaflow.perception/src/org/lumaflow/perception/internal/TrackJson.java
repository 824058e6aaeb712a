package org.lumaflow.perception.internal;

import static org.lumaflow.perception.internal.Json.num;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.lumaflow.core.time.Ticks;
import org.lumaflow.perception.FaceAnalysisSettings;
import org.lumaflow.perception.FaceBox;
import org.lumaflow.perception.FaceSample;
import org.lumaflow.perception.FaceTrack;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The JSON form of a {@link FaceTrack} (cache entries and {@code lumaflow analyze --out}): format
 * {@code "lumaflow.faces"} version 1; times as ticks ({@code t}) and seconds; boxes normalized.
 */
public final class TrackJson {

    static final String FORMAT = "lumaflow.faces";
    static final int VERSION = 1;

    private TrackJson() {
    }

    /** Writes {@code t} to {@code w} (pretty printed). */
    public static void write(FaceTrack t, Writer w) throws IOException {
        try (JsonGenerator g = Json.open(w)) {
            Json.header(g, FORMAT, VERSION, t.source(), t.contentKey());
            FaceAnalysisSettings s = t.settings();
            Json.settings(g, s.proxyWidth(), s.maxRate(), s.cutThreshold(), s.minConfidence());
            Json.model(g, s.model());
            g.writeEndObject();
            Json.picture(g, t.detector(), t.width(), t.height(), t.durationTicks());
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
                Json.startSample(g, smp.ticks(), smp.cut(), "faces");
                for (FaceBox b : smp.faces()) {
                    g.writeStartObject();
                    Json.box(g, b.x(), b.y(), b.w(), b.h(), b.confidence());
                    g.writeEndObject();
                }
                Json.endSample(g);
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
        Object root = Json.parse(r);
        try {
            Map<?, ?> m = Json.root(root, FORMAT, VERSION);
            Map<?, ?> s = (Map<?, ?>) m.get("settings");
            FaceAnalysisSettings settings = new FaceAnalysisSettings(num(s, "proxyWidth").intValue(),
                    num(s, "maxRate").doubleValue(), num(s, "cutThreshold").doubleValue(),
                    num(s, "minConfidence").doubleValue(), Json.model(s));
            Map<?, ?> st = (Map<?, ?>) m.get("stats");
            FaceTrack.Stats stats = new FaceTrack.Stats(num(st, "frames").longValue(),
                    num(st, "analysedFrames").longValue(), num(st, "cuts").longValue(),
                    num(st, "detectorMillis").doubleValue(), num(st, "totalMillis").doubleValue());
            List<FaceSample> samples = Json.samples(m, "faces",
                    b -> new FaceBox(num(b, "x").doubleValue(), num(b, "y").doubleValue(), num(b, "w").doubleValue(),
                            num(b, "h").doubleValue(), num(b, "confidence").doubleValue()),
                    FaceSample::new);
            return new FaceTrack(Path.of((String) m.get("source")), (String) m.get("contentKey"), settings,
                    (String) m.get("detector"), num(m, "width").intValue(), num(m, "height").intValue(),
                    num(m, "durationTicks").longValue(), stats, samples, origin);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new IOException("malformed face track: " + e, e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
