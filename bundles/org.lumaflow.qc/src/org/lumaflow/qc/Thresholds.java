package org.lumaflow.qc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsing, ranges and presets behind {@link QcOptions}: FFmpeg's option syntax for durations ({@code 0.5},
 * {@code 500ms}, {@code 1.5s}, {@code [HH:]MM:SS[.m]}) and noise ({@code 0.001} as an amplitude ratio or
 * {@code -60dB}, like {@code av_strtod}).
 */
final class Thresholds {

    static final List<String> KEYS = List.of("blackdetect.d", "blackdetect.pix_th", "blackdetect.pic_th",
            "freezedetect.n", "freezedetect.d", "scdet.threshold", "clipping.ratio", "silencedetect.n",
            "silencedetect.d");

    static final Map<String, String> DESCRIPTIONS;
    private static final Map<String, double[]> PRESETS = new LinkedHashMap<>();

    /** Longest duration threshold accepted (a day). */
    private static final double MAX_SECONDS = 86_400;
    private static final String NUMBER = "[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?";
    private static final Pattern PLAIN = Pattern.compile(NUMBER);
    private static final Pattern SECONDS = Pattern.compile("(" + NUMBER + ")\\s*(s|ms|us)?");
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{1,2}(?:\\.\\d*)?)");
    private static final Pattern DB = Pattern.compile("(" + NUMBER + ")\\s*db", Pattern.CASE_INSENSITIVE);

    static {
        Map<String, String> d = new LinkedHashMap<>();
        // values in KEYS order; noise in dB
        d.put("default", "FFmpeg's defaults: black, freeze, silence from 2 s; scene 10; clipping 1 %");
        PRESETS.put("default", new double[] {2, 0.10, 0.98, -60, 2, 10, 0.01, -60, 2});
        d.put("broadcast", "delivery QC: black, freeze, silence from 0.5 s; the rest as default");
        PRESETS.put("broadcast", new double[] {0.5, 0.10, 0.98, -60, 0.5, 10, 0.01, -60, 0.5});
        d.put("strict", "black, freeze, silence from 0.1 s (a few frames); clipping 0.1 %");
        PRESETS.put("strict", new double[] {0.1, 0.10, 0.98, -60, 0.1, 10, 0.001, -60, 0.1});
        DESCRIPTIONS = java.util.Collections.unmodifiableMap(d);
    }

    private Thresholds() {
    }

    static QcOptions preset(String name) {
        double[] v = name == null ? null : PRESETS.get(name.trim().toLowerCase(Locale.ROOT));
        if (v == null) {
            throw new IllegalArgumentException("unknown QC preset '" + name + "' (available: "
                    + String.join(", ", PRESETS.keySet()) + ")");
        }
        return new QcOptions(v[1], v[2], v[0], v[3], v[4], v[5], v[6], v[7], v[8], true,
                name.trim().toLowerCase(Locale.ROOT));
    }

    static QcOptions with(QcOptions o, String key, String text) {
        double[] v = values(o);
        int i = index(key);
        String t = text == null ? "" : text.trim();
        double x = switch (kind(key)) {
            case 'd' -> seconds(t);
            case 'n' -> decibels(t);
            default -> plain(t);
        };
        if (Double.isNaN(x) || !inRange(key, x)) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not " + accepted(key));
        }
        v[i] = x;
        return new QcOptions(v[1], v[2], v[0], v[3], v[4], v[5], v[6], v[7], v[8], o.audio(), o.preset());
    }

    static String format(QcOptions o, String key) {
        double x = values(o)[index(key)];
        return kind(key) == 'n' ? number(x) + "dB" : number(x);
    }

    static void check(String key, double x) {
        if (!inRange(key, x)) {
            throw new IllegalArgumentException(key + ": " + x + " is not " + accepted(key));
        }
    }

    static String accepted(String key) {
        return switch (key) {
            case "blackdetect.d", "freezedetect.d", "silencedetect.d" -> "a duration from 0 to 86400 s (0.5, 500ms, "
                    + "00:00:00.5; default 2)";
            case "blackdetect.pix_th" -> "a fraction of the luma range from 0 to 1 (default 0.10)";
            case "blackdetect.pic_th" -> "a fraction of the picture from 0 to 1 (default 0.98)";
            case "freezedetect.n", "silencedetect.n" -> "an amplitude ratio above 0 and up to 1, or a level in dB up "
                    + "to 0dB (default 0.001 = -60dB)";
            case "scdet.threshold" -> "a scene score from 0 to 100 (default 10)";
            case "clipping.ratio" -> "a fraction of the picture from 0 to 1 (default 0.01)";
            default -> throw unknown(key);
        };
    }

    static List<String> changed(QcOptions o) {
        double[] base = PRESETS.get(o.preset());
        List<String> out = new ArrayList<>();
        if (base != null) {
            double[] v = values(o);
            for (int i = 0; i < KEYS.size(); i++) {
                if (Math.abs(v[i] - base[i]) > 1e-9 * Math.max(1, Math.abs(base[i]))) {
                    out.add(KEYS.get(i));
                }
            }
        }
        return List.copyOf(out);
    }

    private static double[] values(QcOptions o) {
        return new double[] {o.blackMinSeconds(), o.blackPixel(), o.blackPicture(), o.freezeNoiseDb(),
            o.freezeMinSeconds(), o.sceneThreshold(), o.clipFraction(), o.silenceDb(), o.silenceMinSeconds()};
    }

    private static int index(String key) {
        int i = KEYS.indexOf(key);
        if (i < 0) {
            throw unknown(key);
        }
        return i;
    }

    private static IllegalArgumentException unknown(String key) {
        return new IllegalArgumentException("unknown QC threshold '" + key + "' (known: " + String.join(", ", KEYS)
                + ")");
    }

    private static char kind(String key) {
        return key.endsWith(".d") ? 'd' : key.endsWith(".n") ? 'n' : 'x';
    }

    private static boolean inRange(String key, double x) {
        return switch (kind(key)) {
            case 'd' -> x >= 0 && x <= MAX_SECONDS;
            case 'n' -> x <= 0 && Double.isFinite(x);
            default -> x >= 0 && x <= (key.equals("scdet.threshold") ? 100 : 1);
        };
    }

    private static double plain(String t) {
        return PLAIN.matcher(t).matches() ? Double.parseDouble(t) : Double.NaN;
    }

    /** FFmpeg's duration syntax ({@code av_parse_time} with duration=1), without the sign. */
    private static double seconds(String t) {
        Matcher m = SECONDS.matcher(t);
        if (m.matches()) {
            double v = Double.parseDouble(m.group(1));
            String unit = m.group(2);
            return unit == null || unit.equals("s") ? v : unit.equals("ms") ? v / 1e3 : v / 1e6;
        }
        m = CLOCK.matcher(t);
        if (m.matches() && Double.parseDouble(m.group(3)) < 60 && (m.group(1) == null
                || Integer.parseInt(m.group(2)) < 60)) {
            double h = m.group(1) == null ? 0 : Double.parseDouble(m.group(1));
            return h * 3600 + Integer.parseInt(m.group(2)) * 60 + Double.parseDouble(m.group(3));
        }
        return Double.NaN;
    }

    /** A level in dB ({@code -60dB}) or an amplitude ratio ({@code 0.001}), as dB. */
    private static double decibels(String t) {
        Matcher m = DB.matcher(t);
        if (m.matches()) {
            return Double.parseDouble(m.group(1));
        }
        double r = plain(t);
        return r > 0 && r <= 1 ? 20 * Math.log10(r) : Double.NaN;
    }

    /** Shortest text for a value (nine significant digits, no exponent). */
    private static String number(double x) {
        if (x == 0) {
            return "0";
        }
        return new BigDecimal(x).round(new MathContext(9)).stripTrailingZeros().toPlainString();
    }
}
