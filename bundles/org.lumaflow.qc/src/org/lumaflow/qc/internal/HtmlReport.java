package org.lumaflow.qc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.SignalStats;

/**
 * The report as one self-contained HTML page: summary, luma over time (average with the 10-90% band and min/max),
 * the luma histogram, events on a timeline (one lane per detector), PSNR/SSIM when compared, and the event list.
 * Plots are inline SVG; nothing is loaded from the network.
 */
final class HtmlReport {

    private static final int PW = 960;
    private static final String[] TYPES = {"black", "freeze", "scene", "clipping", "silence", "damage", "gap"};
    private static final String[] COLORS = {"#333", "#1f77b4", "#d62728", "#ff7f0e", "#2ca02c", "#9467bd",
        "#8c564b"};

    private HtmlReport() {
    }

    static void write(QcReport r, Path file) throws IOException {
        byte[] bytes = html(r).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    static String html(QcReport r) {
        StringBuilder s = new StringBuilder(64 * 1024);
        double duration = r.frames().isEmpty() ? 1 : r.frames().get(r.frames().size() - 1).time() + 1 / r.fps();
        s.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>QC: ").append(esc(r.source()))
                .append("</title><style>body{font:14px sans-serif;margin:24px;color:#222}h2{margin-top:28px}"
                        + "table{border-collapse:collapse}td,th{padding:3px 10px;border-bottom:1px solid #ddd;"
                        + "text-align:left}svg{background:#fafafa;border:1px solid #ddd}</style></head><body>");
        s.append("<h1>QC report</h1><p>").append(esc(r.source())).append("<br>").append(r.width()).append('x')
                .append(r.height()).append(", ").append(fmt(r.fps())).append(" fps, ").append(esc(r.pixelFormat())).append(", ").append(r.frames().size())
                .append(" frames (").append(fmt(duration)).append(" s); mean luma ").append(fmt(r.meanLuma()))
                .append("</p><table><tr>");
        for (String t : TYPES) {
            s.append("<th>").append(t).append("</th>");
        }
        s.append("</tr><tr>");
        for (String t : TYPES) {
            s.append("<td>").append(r.events(t).size()).append("</td>");
        }
        s.append("</tr></table>");
        thresholds(s, r.options());
        if (r.audio() != null) {
            s.append("<p>Audio: integrated ").append(fmt(r.audio().integrated())).append(" LUFS, range ")
                    .append(fmt(r.audio().range())).append(" LU, true peak ").append(fmt(r.audio().truePeak()))
                    .append(" dBTP</p>");
        }
        s.append("<h2>Luma over time</h2>");
        plot(s, r.frames(), duration, r.bitDepth() > 8 ? (1 << r.bitDepth()) - 1 : 255, new String[] {"#ccc", "#9ecae1", "#9ecae1", "#08519c"},
                List.of(SignalStats::yMax, SignalStats::yHigh, SignalStats::yLow, SignalStats::yAvg));
        s.append("<p>dark blue: average; light blue: 10th and 90th percentiles; grey: maximum</p>");
        s.append("<h2>Luma histogram</h2>");
        histogram(s, r.luma());
        s.append("<h2>Events</h2>");
        timeline(s, r.events(), duration);
        if (r.comparison() != null) {
            s.append("<h2>PSNR against ").append(esc(r.comparison().reference())).append("</h2><p>overall PSNR ")
                    .append(fmt(r.comparison().psnr())).append(" dB, SSIM ")
                    .append(String.format(Locale.ROOT, "%.5f", r.comparison().ssim())).append("</p>");
            List<double[]> f = r.comparison().frames();
            java.util.List<SignalStats> times = r.frames();
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < f.size() && i < times.size(); i++) {
                double v = Math.min(f.get(i)[3], 80);
                pts.append(x(times.get(i).time(), duration)).append(',').append(fmt(200 - v * 2.5)).append(' ');
            }
            s.append("<svg width=\"").append(PW).append("\" height=\"200\"><polyline fill=\"none\" stroke=\"#d62728\""
                    + " points=\"").append(pts).append("\"/></svg><p>0..80 dB</p>");
        }
        s.append("<table><tr><th>type</th><th>start (s)</th><th>end (s)</th><th>duration</th><th>detail</th>"
                + "<th>picture</th></tr>");
        for (QcEvent e : r.events()) {
            String thumb = r.thumbnails().get(String.format(Locale.ROOT, "%.3f", e.start()));
            s.append("<tr><td>").append(e.type()).append("</td><td>").append(fmt(e.start())).append("</td><td>")
                    .append(fmt(e.end())).append("</td><td>").append(fmt(e.duration())).append("</td><td>")
                    .append(esc(e.detail())).append("</td><td>");
            if (thumb != null) {
                s.append("<img alt=\"frame at ").append(fmt(e.start())).append(" s\" src=\"data:image/jpeg;base64,")
                        .append(thumb).append("\">");
            }
            s.append("</td></tr>");
        }
        s.append("</table></body></html>\n");
        return s.toString();
    }

    /** The thresholds the detectors used, by FFmpeg's filter and option names. */
    private static void thresholds(StringBuilder s, QcOptions o) {
        if (o == null) {
            s.append("<p>Thresholds: not recorded</p>");
            return;
        }
        List<String> changed = o.changedFromPreset();
        s.append("<p id=\"thresholds\">Thresholds: preset <b>").append(esc(o.preset())).append("</b>");
        if (!changed.isEmpty()) {
            s.append(" changed: ").append(esc(String.join(", ", changed)));
        }
        String open = null;
        for (String key : QcOptions.KEYS) {
            int dot = key.indexOf('.');
            String filter = key.substring(0, dot);
            s.append(filter.equals(open) ? ":" : open == null ? "<br>" : "; ");
            if (!filter.equals(open)) {
                s.append(filter).append(' ');
                open = filter;
            }
            String v = esc(key.substring(dot + 1) + "=" + o.format(key));
            s.append(changed.contains(key) ? "<b>" + v + "</b>" : v);
        }
        s.append("</p>");
    }

    private static void plot(StringBuilder s, List<SignalStats> frames, double duration, double max,
            String[] colors, List<ToDoubleFunction<SignalStats>> series) {
        s.append("<svg width=\"").append(PW).append("\" height=\"220\" viewBox=\"0 0 ").append(PW)
                .append(" 220\">");
        int step = Math.max(1, frames.size() / PW);
        for (int k = 0; k < series.size(); k++) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < frames.size(); i += step) {
                SignalStats f = frames.get(i);
                pts.append(x(f.time(), duration)).append(',')
                        .append(fmt(210 - series.get(k).applyAsDouble(f) / max * 200)).append(' ');
            }
            s.append("<polyline fill=\"none\" stroke=\"").append(colors[k]).append("\" points=\"").append(pts)
                    .append("\"/>");
        }
        for (int level : new int[] {16, 235}) {
            double y = 210 - level / max * 200;
            s.append("<line x1=\"0\" x2=\"").append(PW).append("\" y1=\"").append(fmt(y)).append("\" y2=\"")
                    .append(fmt(y)).append("\" stroke=\"#e99\" stroke-dasharray=\"4 4\"/>");
        }
        s.append("</svg>");
    }

    private static void histogram(StringBuilder s, long[] luma) {
        long peak = 1;
        for (long v : luma) {
            peak = Math.max(peak, v);
        }
        s.append("<svg width=\"768\" height=\"160\">");
        for (int i = 0; i < 256; i++) {
            double h = 150.0 * luma[i] / peak;
            s.append("<rect x=\"").append(i * 3).append("\" y=\"").append(fmt(155 - h)).append("\" width=\"3\" "
                    + "height=\"").append(fmt(h)).append("\" fill=\"#555\"/>");
        }
        s.append("</svg>");
    }

    private static void timeline(StringBuilder s, List<QcEvent> events, double duration) {
        s.append("<svg width=\"").append(PW + 80).append("\" height=\"").append(TYPES.length * 24 + 10)
                .append("\">");
        for (int k = 0; k < TYPES.length; k++) {
            int y = 5 + k * 24;
            s.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(TYPES[k]).append("</text>");
            for (QcEvent e : events) {
                if (e.type().equals(TYPES[k])) {
                    double x0 = 80 + x(e.start(), duration);
                    double w = Math.max(2, x(e.end(), duration) - x(e.start(), duration));
                    s.append("<rect x=\"").append(fmt(x0)).append("\" y=\"").append(y).append("\" width=\"")
                            .append(fmt(w)).append("\" height=\"18\" fill=\"").append(COLORS[k]).append("\"><title>")
                            .append(fmt(e.start())).append("-").append(fmt(e.end())).append(" s ")
                            .append(esc(e.detail())).append("</title></rect>");
                }
            }
        }
        s.append("</svg>");
    }

    private static double x(double t, double duration) {
        return Math.round(t / duration * PW * 10) / 10.0;
    }

    private static String fmt(double v) {
        return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String esc(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
