package org.lumaflow.qc.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.SignalStats;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The report as JSON. Field names are stable (tools parse them): {@code source, width, height, fps, pixel_format,
 * bit_depth, thresholds, summary, events[], audio, comparison, luma_histogram[], frames[]} with signalstats' names per
 * frame ({@code YMIN, YLOW, YAVG, YHIGH, YMAX, UMIN ... VMAX, SATAVG, SATMAX, BRNG, YDIF, t}). {@code thresholds} holds
 * the preset, the keys changed from it, and one object per detector with FFmpeg's option names ({@code blackdetect:
 * {d, pix_th, pic_th}}, {@code freezedetect: {n, n_db, d}}, {@code scdet: {threshold}}, {@code clipping: {ratio}},
 * {@code silencedetect: {n, n_db, d}}; {@code n} is the amplitude ratio, {@code n_db} the same in dB).
 */
final class JsonReport {

    private JsonReport() {
    }

    static void write(QcReport r, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.useDefaultPrettyPrinter();
                write(r, g);
            }
        });
    }

    static void write(QcReport r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", r.source());
        g.writeNumberField("width", r.width());
        g.writeNumberField("height", r.height());
        g.writeNumberField("fps", r.fps());
        g.writeStringField("pixel_format", r.pixelFormat());
        g.writeNumberField("bit_depth", r.bitDepth());
        if (r.options() != null) {
            thresholds(r.options(), g);
        }
        g.writeObjectFieldStart("summary");
        g.writeNumberField("frames", r.frames().size());
        g.writeNumberField("mean_luma", r.meanLuma());
        for (String t : new String[] {"black", "freeze", "scene", "clipping", "silence", "damage", "gap"}) {
            g.writeNumberField(t, r.events(t).size());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("events");
        for (QcEvent e : r.events()) {
            g.writeStartObject();
            g.writeStringField("type", e.type());
            g.writeNumberField("start", e.start());
            g.writeNumberField("end", e.end());
            g.writeNumberField("duration", e.duration());
            g.writeStringField("detail", e.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (r.audio() != null) {
            g.writeObjectFieldStart("audio");
            finite(g, "integrated_lufs", r.audio().integrated());
            finite(g, "range_lu", r.audio().range());
            finite(g, "true_peak_dbtp", r.audio().truePeak());
            finite(g, "sample_peak_dbfs", r.audio().samplePeak());
            g.writeEndObject();
        }
        if (r.comparison() != null) {
            g.writeObjectFieldStart("comparison");
            g.writeStringField("reference", r.comparison().reference());
            number(g, "psnr", r.comparison().psnr());
            g.writeNumberField("ssim", r.comparison().ssim());
            g.writeArrayFieldStart("frames");
            for (double[] f : r.comparison().frames()) {
                g.writeStartObject();
                number(g, "psnr_y", f[0]);
                number(g, "psnr_u", f[1]);
                number(g, "psnr_v", f[2]);
                number(g, "psnr", f[3]);
                g.writeNumberField("ssim_y", f[4]);
                g.writeNumberField("ssim_u", f[5]);
                g.writeNumberField("ssim_v", f[6]);
                g.writeNumberField("ssim", f[7]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeArrayFieldStart("luma_histogram");
        for (long v : r.luma()) {
            g.writeNumber(v);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("frames");
        for (SignalStats s : r.frames()) {
            g.writeStartObject();
            g.writeNumberField("t", s.time());
            g.writeNumberField("YMIN", s.yMin());
            g.writeNumberField("YLOW", s.yLow());
            g.writeNumberField("YAVG", s.yAvg());
            g.writeNumberField("YHIGH", s.yHigh());
            g.writeNumberField("YMAX", s.yMax());
            g.writeNumberField("UMIN", s.uMin());
            g.writeNumberField("ULOW", s.uLow());
            g.writeNumberField("UAVG", s.uAvg());
            g.writeNumberField("UHIGH", s.uHigh());
            g.writeNumberField("UMAX", s.uMax());
            g.writeNumberField("VMIN", s.vMin());
            g.writeNumberField("VLOW", s.vLow());
            g.writeNumberField("VAVG", s.vAvg());
            g.writeNumberField("VHIGH", s.vHigh());
            g.writeNumberField("VMAX", s.vMax());
            g.writeNumberField("SATAVG", s.satAvg());
            g.writeNumberField("SATMAX", s.satMax());
            g.writeNumberField("BRNG", s.outOfRange());
            g.writeNumberField("YDIF", s.yDiff());
            g.writeArrayFieldStart("FP"); // fingerprint: mean R, G, B, std R, G, B
            for (double v : s.fingerprint()) {
                g.writeNumber(Math.round(v * 100) / 100.0);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void thresholds(QcOptions o, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("thresholds");
        g.writeStringField("preset", o.preset());
        g.writeArrayFieldStart("changed");
        for (String k : o.changedFromPreset()) {
            g.writeString(k);
        }
        g.writeEndArray();
        String open = null;
        for (String key : QcOptions.KEYS) {
            int dot = key.indexOf('.');
            String filter = key.substring(0, dot);
            String name = key.substring(dot + 1);
            if (!filter.equals(open)) {
                if (open != null) {
                    g.writeEndObject();
                }
                g.writeObjectFieldStart(filter);
                open = filter;
            }
            String text = o.format(key);
            if (name.equals("n")) {
                double db = Double.parseDouble(text.substring(0, text.length() - 2));
                g.writeNumberField("n", new java.math.BigDecimal(Math.pow(10, db / 20))
                        .round(new java.math.MathContext(9)).stripTrailingZeros().doubleValue());
                g.writeNumberField("n_db", db);
            } else {
                g.writeNumberField(name, Double.parseDouble(text));
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Non-finite audio figures (silence: -infinity) are written as null. */
    private static void finite(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }

    /** Infinite PSNR (identical pictures) is written as the string "inf". */
    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isInfinite(v)) {
            g.writeStringField(name, "inf");
        } else {
            g.writeNumberField(name, v);
        }
    }
}
