package org.lumaflow.telemetry.internal.dji;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lumaflow.telemetry.Channel;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryException;
import org.lumaflow.telemetry.TelemetryOptions;
import org.lumaflow.telemetry.TelemetryParser;
import org.lumaflow.telemetry.TimeSeries;
import org.lumaflow.telemetry.internal.service.Columns;
import org.osgi.service.component.annotations.Component;

/**
 * DJI drone subtitle telemetry (.SRT beside the video, one cue per frame or second, on the video's clock). Reads the
 * layouts of the Mavic Pro ({@code GPS(lon,lat,alt) BAROMETER:h}, date line {@code 2017.08.05 14:11:51}), the Mavic 2
 * ({@code [latitude : ..] [longtitude : ..] [rel_alt: .. abs_alt: ..]}, date line {@code 2019-09-27 10:28:08,438,904})
 * and the Mavic Mini ({@code GPS (lon, lat, alt), D 221.21m, H 200.70m, H.S 3.1m/s}). Ground speed comes from the
 * positions when the file does not give it.
 */
@Component(service = TelemetryParser.class)
public final class DjiSrtParser implements TelemetryParser {

    private static final Pattern TIMING = Pattern
            .compile("(\\d+):(\\d{2}):(\\d{2})[,.](\\d{1,3})\\s*-->\\s*(\\d+):(\\d{2}):(\\d{2})[,.](\\d{1,3})");
    private static final Pattern GPS = Pattern.compile("GPS\\s*\\(\\s*(-?[\\d.]+)\\s*,\\s*(-?[\\d.]+)\\s*(?:,\\s*(-?[\\d.]+))?\\s*\\)");
    private static final Pattern PAIR = Pattern.compile("([A-Za-z_]+)\\s*:\\s*(-?[\\d.]+(?:/[\\d.]+)?)");
    private static final Pattern SPACED = Pattern.compile("(?<![\\w.])(D|H|H\\.S|V\\.S)\\s+(-?[\\d.]+)\\s*(?:m/s|m)?");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})[.-](\\d{2})[.-](\\d{2})\\s+(\\d{2}):(\\d{2}):(\\d{2})(?:[,.](\\d{1,3}))?(?:[,.](\\d{1,3}))?");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    /** Steps faster than this (m/s) are glitches, not flight. */
    private static final double MAX_STEP = 60;

    static final List<Channel> CHANNELS = List.of(new Channel(Channels.LAT, "deg"), new Channel(Channels.LON, "deg"),
            new Channel(Channels.ALT, "m"), new Channel("height", "m"), new Channel(Channels.SPEED_2D, "m/s"),
            new Channel("vspeed", "m/s"), new Channel("home_distance", "m"), new Channel("iso", ""),
            new Channel("shutter", "s"), new Channel("fnum", ""), new Channel("ev", ""));

    @Override
    public String format() {
        return "dji-srt";
    }

    @Override
    public List<String> extensions() {
        return List.of("srt");
    }

    @Override
    public boolean accepts(Path file, ByteBuffer head) {
        byte[] b = new byte[head.remaining()];
        head.duplicate().get(b);
        String s = new String(b, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return TIMING.matcher(s).find() && (s.contains("GPS") || s.contains("latitude"));
    }

    @Override
    public Telemetry read(Path file, TelemetryOptions options) throws IOException {
        Columns c = new Columns(CHANNELS);
        List<String> issues = new ArrayList<>();
        Instant[] utc = {null};
        int cues = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            int cueLine = 0;
            StringBuilder text = new StringBuilder();
            double start = Double.NaN;
            int state = 0; // 0 between cues, 1 after the index, 2 in the text
            while ((line = r.readLine()) != null) {
                n++;
                line = line.replace("\uFEFF", "").strip();
                if (line.isEmpty()) {
                    if (state == 2) {
                        cue(file, cueLine, start, text.toString(), c, utc, issues, false);
                        cues++;
                    } else if (state == 1) {
                        throw new TelemetryException(file, "line " + n, "a cue index without its time line");
                    }
                    state = 0;
                    continue;
                }
                if (state == 0) {
                    if (!line.matches("\\d+")) {
                        throw new TelemetryException(file, "line " + n,
                                "expected a subtitle cue number, found '" + shorten(line) + "'");
                    }
                    cueLine = n;
                    state = 1;
                } else if (state == 1) {
                    Matcher m = TIMING.matcher(line);
                    if (!m.find()) {
                        throw new TelemetryException(file, "line " + n, "expected a cue time 'hh:mm:ss,mmm -->"
                                + " hh:mm:ss,mmm', found '" + shorten(line) + "'");
                    }
                    start = Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60
                            + Integer.parseInt(m.group(3)) + Integer.parseInt(m.group(4)) / Math.pow(10, m.group(4)
                                    .length());
                    text.setLength(0);
                    state = 2;
                } else {
                    text.append(TAG.matcher(line).replaceAll(" ")).append('\n');
                }
            }
            if (state == 2) {
                cue(file, cueLine, start, text.toString(), c, utc, issues, true);
                cues++;
            } else if (state == 1) {
                throw new TelemetryException(file, "line " + n, "the file ends inside cue " + (cues + 1)
                        + " (after its number): it is incomplete");
            }
            if (n == 0) {
                throw new TelemetryException(file, "line 1", "the file is empty: no subtitle cues");
            }
        }
        if (c.size() == 0) {
            throw new TelemetryException(file, "line 1", "no DJI GPS position in any of its " + cues + " cues");
        }
        int speed = c.index(Channels.SPEED_2D);
        int splits = c.speedFromPositions(c.index(Channels.LAT), c.index(Channels.LON), speed, 2.0, MAX_STEP);
        if (splits > 0) {
            issues.add(file.getFileName() + ": " + splits + " position jumps faster than " + (int) MAX_STEP
                    + " m/s (GPS glitches or recordings joined end to end): no speed computed across them");
        }
        TimeSeries s = c.build("dji", 3.0);
        Instant start = utc[0];
        return new Telemetry(file, format(), "DJI", start, true, Map.of("dji", s), List.of(), issues);
    }

    private static void cue(Path file, int line, double t, String text, Columns c, Instant[] utc,
            List<String> issues, boolean last) throws TelemetryException {
        double lat = Double.NaN;
        double lon = Double.NaN;
        double alt = Double.NaN;
        Matcher g = GPS.matcher(text);
        if (g.find()) {
            lon = Double.parseDouble(g.group(1));
            lat = Double.parseDouble(g.group(2));
            alt = g.group(3) == null ? Double.NaN : Double.parseDouble(g.group(3));
        }
        double height = Double.NaN;
        double iso = Double.NaN;
        double shutter = Double.NaN;
        double fnum = Double.NaN;
        double ev = Double.NaN;
        Matcher p = PAIR.matcher(text);
        while (p.find()) {
            String k = p.group(1).toLowerCase(java.util.Locale.ROOT);
            double v = number(p.group(2));
            switch (k) {
                case "latitude" -> lat = v;
                case "longitude", "longtitude" -> lon = v;
                case "altitude", "abs_alt" -> alt = v;
                case "rel_alt", "barometer" -> height = v;
                case "iso" -> iso = v;
                case "shutter" -> shutter = v >= 1 && !p.group(2).contains("/") ? 1 / v : v;
                case "fnum" -> fnum = v > 20 ? v / 100 : v;
                case "ev" -> ev = v;
                default -> {
                    // ct, focal_len, DiffTime, FrameCnt...
                }
            }
        }
        double hs = Double.NaN;
        double vs = Double.NaN;
        double dist = Double.NaN;
        Matcher sp = SPACED.matcher(text);
        while (sp.find()) {
            double v = Double.parseDouble(sp.group(2));
            switch (sp.group(1)) {
                case "D" -> dist = v;
                case "H" -> height = v;
                case "H.S" -> hs = v;
                default -> vs = v;
            }
        }
        if (Double.isNaN(lat) || Double.isNaN(lon)) {
            if (last) {
                throw new TelemetryException(file, "line " + line, "the last cue has no GPS position: the file ends"
                        + " inside it (incomplete; cut off while recording?)");
            }
            issues.add(file.getFileName() + ": line " + line + ": cue without a GPS position, skipped");
            return;
        }
        if (lat == 0 && lon == 0) {
            issues.add(file.getFileName() + ": line " + line + ": GPS position 0,0 (no fix), skipped");
            return;
        }
        if (!c.add(t)) {
            issues.add(file.getFileName() + ": line " + line + ": cue time " + t + " s not after the previous one,"
                    + " skipped");
            return;
        }
        if (utc[0] == null) {
            Matcher d = DATE.matcher(text);
            if (d.find()) {
                utc[0] = date(d).minusNanos(Math.round(t * 1e9));
            }
        }
        c.set(0, lat);
        c.set(1, lon);
        c.set(2, alt);
        c.set(3, height);
        c.set(4, hs);
        c.set(5, vs);
        c.set(6, dist);
        c.set(7, iso);
        c.set(8, shutter);
        c.set(9, fnum);
        c.set(10, ev);
    }

    private static Instant date(Matcher d) {
        Instant i = java.time.LocalDateTime.of(Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)),
                Integer.parseInt(d.group(3)), Integer.parseInt(d.group(4)), Integer.parseInt(d.group(5)),
                Integer.parseInt(d.group(6))).toInstant(java.time.ZoneOffset.UTC);
        if (d.group(7) != null) {
            i = i.plusMillis(Integer.parseInt(d.group(7)));
        }
        return i;
    }

    private static double number(String s) {
        int slash = s.indexOf('/');
        if (slash > 0) {
            double den = Double.parseDouble(s.substring(slash + 1));
            return den == 0 ? Double.NaN : Double.parseDouble(s.substring(0, slash)) / den;
        }
        return Double.parseDouble(s);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
