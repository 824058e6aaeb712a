package org.lumaflow.telemetry.internal.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lumaflow.telemetry.Channel;
import org.lumaflow.telemetry.Tag;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TimeSeries;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** Writes telemetry as JSON (summary plus samples per stream, columnar) and as one CSV merged by time. */
final class TelemetryWriters {

    private TelemetryWriters() {
    }

    static void json(Telemetry t, Summary s, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("file", t.source().toString());
            g.writeStringField("format", t.format());
            g.writeStringField("device", t.device());
            g.writeStringField("utcStart", t.utcStart() == null ? null : t.utcStart().toString());
            g.writeBooleanField("videoClock", t.videoClock());
            g.writeNumberField("duration", t.duration());
            g.writeObjectFieldStart("summary");
            number(g, "distance", s.distance());
            number(g, "maxSpeed", s.maxSpeed());
            number(g, "maxSpeedAt", s.maxSpeedAt());
            g.writeNumberField("gpsSamples", s.gpsSamples());
            if (s.fix3d() >= 0) {
                g.writeNumberField("fix3dSamples", s.fix3d());
            }
            number(g, "meanDop", s.meanDop());
            g.writeEndObject();
            g.writeArrayFieldStart("issues");
            for (String i : t.issues()) {
                g.writeString(i);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tags");
            for (Tag tag : t.tags()) {
                g.writeStartObject();
                g.writeNumberField("time", tag.seconds());
                g.writeStringField("kind", tag.kind());
                g.writeStringField("label", tag.label());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("streams");
            for (TimeSeries ts : t.streams().values()) {
                stream(g, t.utcStart(), ts);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void stream(JsonGenerator g, Instant utc, TimeSeries ts) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", ts.name());
        g.writeNumberField("samples", ts.size());
        number(g, "rate", ts.rate());
        g.writeArrayFieldStart("channels");
        for (Channel c : ts.channels()) {
            g.writeStartObject();
            g.writeStringField("name", c.name());
            g.writeStringField("unit", c.unit());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("time");
        for (int i = 0; i < ts.size(); i++) {
            g.writeNumber(ts.time(i));
        }
        g.writeEndArray();
        if (utc != null) {
            g.writeArrayFieldStart("utc");
            for (int i = 0; i < ts.size(); i++) {
                g.writeString(utc.plusNanos(Math.round(ts.time(i) * 1e9)).toString());
            }
            g.writeEndArray();
        }
        g.writeObjectFieldStart("values");
        for (int c = 0; c < ts.channels().size(); c++) {
            g.writeArrayFieldStart(ts.channels().get(c).name());
            for (int i = 0; i < ts.size(); i++) {
                double v = ts.value(c, i);
                if (Double.isFinite(v)) {
                    g.writeNumber(v);
                } else {
                    g.writeNull();
                }
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }

    /**
     * One CSV of every stream merged by time: {@code time_s, utc, STREAM.channel...}; a row holds the streams that
     * have a sample at that time, other cells empty.
     */
    static void csv(Telemetry t, OutputStream out) throws IOException {
        List<TimeSeries> streams = new ArrayList<>(t.streams().values());
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        StringBuilder sb = new StringBuilder("time_s,utc");
        for (TimeSeries s : streams) {
            for (Channel c : s.channels()) {
                sb.append(',').append(s.name()).append('.').append(c.name());
                if (!c.unit().isEmpty()) {
                    sb.append(" (").append(c.unit()).append(')');
                }
            }
        }
        w.write(sb.append('\n').toString());
        int[] next = new int[streams.size()];
        while (true) {
            double tmin = Double.POSITIVE_INFINITY;
            for (int k = 0; k < streams.size(); k++) {
                if (next[k] < streams.get(k).size()) {
                    tmin = Math.min(tmin, streams.get(k).time(next[k]));
                }
            }
            if (tmin == Double.POSITIVE_INFINITY) {
                break;
            }
            sb.setLength(0);
            sb.append(fmt(tmin)).append(',');
            if (t.utcStart() != null) {
                sb.append(t.utcStart().plusNanos(Math.round(tmin * 1e9)));
            }
            for (int k = 0; k < streams.size(); k++) {
                TimeSeries s = streams.get(k);
                boolean here = next[k] < s.size() && s.time(next[k]) == tmin;
                for (int c = 0; c < s.channels().size(); c++) {
                    sb.append(',');
                    if (here) {
                        double v = s.value(c, next[k]);
                        if (Double.isFinite(v)) {
                            sb.append(fmt(v));
                        }
                    }
                }
                if (here) {
                    next[k]++;
                }
            }
            w.write(sb.append('\n').toString());
        }
        w.flush();
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.indexOf('E') >= 0 ? String.format(Locale.ROOT, "%.9g", v) : s;
    }
}
