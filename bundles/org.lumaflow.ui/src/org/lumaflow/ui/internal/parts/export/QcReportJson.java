package org.lumaflow.ui.internal.parts.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lumaflow.qc.QcEvent;

/** The QC JSON an export writes beside its output ({@code OUT.qc.json}): its events and a summary line. */
final class QcReportJson {

    private QcReportJson() {
    }

    /** {@code OUT.qc.json} beside {@code OUT.qc.html}. */
    static Path jsonBeside(Path html) {
        String n = html.getFileName().toString();
        String base = n.endsWith(".qc.html") ? n.substring(0, n.length() - ".qc.html".length()) : n;
        return html.resolveSibling(base + ".qc.json");
    }

    /** The events and summary of an {@code OUT.qc.json} written by the exporter (stable field names). */
    record QcSummary(List<QcEvent> events, String line) {

        @SuppressWarnings("unchecked")
        static QcSummary read(Path json) throws IOException {
            Object root = new MiniJson(Files.readString(json)).value();
            if (!(root instanceof Map<?, ?> m)) {
                throw new IOException(json + ": not a QC report");
            }
            List<QcEvent> events = new ArrayList<>();
            if (m.get("events") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> e) {
                        events.add(new QcEvent(String.valueOf(e.get("type")), num(e.get("start")),
                                num(e.get("end")), e.get("detail") == null ? "" : String.valueOf(e.get("detail"))));
                    }
                }
            }
            StringBuilder sb = new StringBuilder("QC: ");
            if (m.get("summary") instanceof Map<?, ?> s) {
                sb.append(String.format(Locale.ROOT, "%d frames, mean luma %.1f", (long) num(s.get("frames")),
                        num(s.get("mean_luma"))));
            }
            sb.append(", ").append(events.size()).append(events.size() == 1 ? " event" : " events");
            if (m.get("audio") instanceof Map<?, ?> a && a.get("integrated_lufs") != null) {
                sb.append(String.format(Locale.ROOT, ", loudness %.1f LUFS", num(a.get("integrated_lufs"))));
            }
            return new QcSummary(events, sb.toString());
        }

        private static double num(Object o) {
            return o instanceof Number n ? n.doubleValue() : Double.NaN;
        }
    }

    /** Just enough JSON for the QC report: objects, arrays, strings, numbers, true, false, null. */
    static final class MiniJson {
        private final String s;
        private int i;

        MiniJson(String s) {
            this.s = s;
        }

        Object value() throws IOException {
            ws();
            if (i >= s.length()) {
                throw new IOException("unexpected end of JSON");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    ws();
                    if (peek('}')) {
                        return m;
                    }
                    do {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                    } while (peek(','));
                    expect('}');
                    return m;
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (peek(']')) {
                        return l;
                    }
                    do {
                        l.add(value());
                        ws();
                    } while (peek(','));
                    expect(']');
                    return l;
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    int st = i;
                    while (i < s.length() && "{}[],: \t\r\n".indexOf(s.charAt(i)) < 0) {
                        i++;
                    }
                    String w = s.substring(st, i);
                    return switch (w) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> {
                            try {
                                yield Double.parseDouble(w);
                            } catch (NumberFormatException e) {
                                throw new IOException("bad JSON value '" + w + "' at " + st);
                            }
                        }
                    };
                }
            }
        }

        private String string() throws IOException {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\' && i < s.length()) {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            throw new IOException("unterminated JSON string");
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean peek(char c) {
            ws();
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) throws IOException {
            ws();
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IOException("JSON: expected '" + c + "' at " + i);
            }
            i++;
        }
    }
}
