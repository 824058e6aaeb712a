package org.lumaflow.telemetry.internal.gpmf;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.lumaflow.telemetry.Channel;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Tag;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryException;
import org.lumaflow.telemetry.TelemetryOptions;
import org.lumaflow.telemetry.TimeSeries;
import org.lumaflow.telemetry.internal.ArraySeries;

/**
 * Decodes GPMF payloads (DEVC > STRM > data) into one series per stream. Each payload covers a time span (the MP4
 * packet's pts..pts+duration on the video clock, or one second per payload for raw files); a stream's samples in it
 * are spread evenly over that span. GPS samples with a bad fix or a high DOP are dropped and reported.
 */
final class GpmfDecoder {

    static final int DEVC = Klv.key("DEVC");
    static final int STRM = Klv.key("STRM");
    private static final int DVID = Klv.key("DVID");
    private static final int DVNM = Klv.key("DVNM");
    private static final int GPS5 = Klv.key("GPS5");
    private static final int GPS9 = Klv.key("GPS9");
    /** Karma's MAVLink GPS_RAW_INT: time, lat, lon, alt, eph (HDOP), epv, vel, cog, fix type, satellites. */
    private static final int GPRI = Klv.key("GPRI");
    private static final String GPRI_TYPE = "JlllSSSSBB";
    /** Karma's MAVLink SYSTEM_TIME: boot time and Unix time (UTC). */
    private static final int SYST = Klv.key("SYST");
    /** Gaps longer than this (seconds) are not interpolated across. */
    private static final double GAP = 2.0;

    private final Path file;
    private final TelemetryOptions options;
    private final Map<String, ArraySeries.Builder> streams = new LinkedHashMap<>();
    private final Set<String> devices = new LinkedHashSet<>();
    private final List<String> issues = new ArrayList<>();
    private final List<Tag> tags = new ArrayList<>();
    private final Klv dev = new Klv();
    private final Klv strm = new Klv();
    private final StreamMeta meta = new StreamMeta();
    private final double[] raw = new double[64];
    private final double[] row = new double[64];
    private final Map<String, Double> periods = new java.util.HashMap<>();
    private final Map<String, Integer> counts = new java.util.HashMap<>();
    private Instant utcStart;
    private Instant systemUtc;
    private int dropped;
    private double nominal;

    GpmfDecoder(Path file, TelemetryOptions options) {
        this.file = file;
        this.options = options;
    }

    /**
     * The usual payload duration; a shorter payload (the last of a clip) keeps each stream's previous sample period
     * instead of squeezing its samples into the short span.
     */
    void nominalDuration(double seconds) {
        this.nominal = seconds;
    }

    /** Decodes every DEVC of one payload ({@code where} names it in messages, e.g. "GPMF packet 3"). */
    void payload(ByteBuffer b, int start, int end, String where, double t0, double t1) throws TelemetryException {
        Klv top = new Klv().reset(b, start, end);
        try {
            while (top.next()) {
                if (top.key == DEVC && top.nested()) {
                    devc(b, top.dataOffset, top.dataOffset + top.dataSize(), where, t0, t1);
                }
            }
        } catch (Klv.Broken e) {
            throw broken(where, e);
        }
    }

    /** Decodes one DEVC's content. */
    void devc(ByteBuffer b, int start, int end, String where, double t0, double t1) throws TelemetryException {
        String name = "";
        long id = 0;
        try {
            dev.reset(b, start, end);
            while (dev.next()) {
                if (dev.key == DVID && dev.dataSize() >= 4) {
                    id = b.getInt(dev.dataOffset) & 0xffffffffL;
                } else if (dev.key == DVNM) {
                    name = dev.text();
                    devices.add(name);
                } else if (dev.key == STRM && dev.nested()) {
                    stream(b, dev.dataOffset, dev.dataOffset + dev.dataSize(), id, name, where, t0, t1);
                }
            }
        } catch (Klv.Broken e) {
            throw broken(where, e);
        }
    }

    private TelemetryException broken(String where, Klv.Broken e) {
        String pos = (where == null ? "" : where + ", ") + "offset 0x" + Integer.toHexString(e.offset);
        return new TelemetryException(file, pos, "broken GPMF: " + e.getMessage());
    }

    private void stream(ByteBuffer b, int start, int end, long devId, String devName, String where, double t0,
            double t1) throws Klv.Broken {
        StreamMeta m = meta;
        m.clear();
        strm.reset(b, start, end);
        while (strm.next()) {
            m.dataKey = strm.key;
        }
        if (m.dataKey == 0) {
            return;
        }
        strm.reset(b, start, end);
        while (strm.next()) {
            if (strm.key == m.dataKey) {
                m.dataEntries++;
            } else {
                metadata(b, m);
            }
        }
        String key = Klv.fourcc(m.dataKey);
        strm.reset(b, start, end);
        if (m.dataEntries > 1) {
            // one entry per sample (FACE: repeat = number of faces); keep the count
            ArraySeries.Builder s = series(key, devId, List.of(new Channel("count", "")));
            int i = 0;
            while (strm.next()) {
                if (strm.key == m.dataKey) {
                    row[0] = strm.repeat;
                    s.add(t0 + i++ * (t1 - t0) / m.dataEntries, row);
                }
            }
            return;
        }
        while (strm.next()) {
            if (strm.key == m.dataKey) {
                data(b, m, key, devId, devName, where, t0, t1);
            }
        }
    }

    private void metadata(ByteBuffer b, StreamMeta m) {
        String k = Klv.fourcc(strm.key);
        switch (k) {
            case "SCAL" -> {
                int n = strm.repeat * Math.max(1, strm.structSize / Math.max(1, Klv.typeSize(strm.type)));
                double[] s = new double[n];
                int size = Klv.typeSize(strm.type);
                for (int i = 0; i < n && size > 0; i++) {
                    s[i] = Klv.value(b, strm.dataOffset + i * size, strm.type);
                }
                m.scal = s;
            }
            case "TYPE" -> m.type = Klv.expandType(strm.text());
            case "SIUN" -> m.units = strm.texts();
            case "UNIT" -> {
                if (m.units == null) {
                    m.units = strm.texts();
                }
            }
            case "STNM" -> m.name = strm.text();
            case "ORIN" -> m.orin = strm.text();
            case "GPSF" -> m.gpsFix = Klv.value(b, strm.dataOffset, strm.type);
            case "GPSP" -> m.gpsDop = Klv.value(b, strm.dataOffset, strm.type) / 100.0;
            case "GPSU" -> m.gpsUtc = strm.text();
            case "STMP" -> m.stmp = Klv.value(b, strm.dataOffset, strm.type);
            case "TSMP" -> m.tsmp = (long) Klv.value(b, strm.dataOffset, strm.type);
            default -> {
                // TICK, TOCK, TMPC, EMPT, ORIO, MTRX...: not needed for the samples
            }
        }
    }

    private void data(ByteBuffer b, StreamMeta m, String key, long devId, String devName, String where, double t0,
            double t1) {
        String types = elementTypes(m);
        if (types == null) {
            return; // text, GUID or a complex type without TYPE: not a numeric stream
        }
        int n = strm.repeat;
        int elems = Math.min(types.length(), raw.length);
        boolean gps5 = strm.key == GPS5 && elems >= 5;
        boolean gps9 = strm.key == GPS9 && elems >= 9;
        boolean gpri = strm.key == GPRI && GPRI_TYPE.equals(types);
        ArraySeries.Builder s = series(key, devId, channels(key, m, elems, gps5 || gps9 || gpri));
        double dt = (t1 - t0) / Math.max(1, n);
        Double prev = periods.get(key);
        Integer prevCount = counts.put(key, n);
        if (prev != null && (nominal > 0 && t1 - t0 < 0.9 * nominal || prevCount != null && n < prevCount / 2)) {
            dt = prev; // a partial payload (the clip's last): keep the sample period
        } else if (n > 1) {
            periods.put(key, dt);
        }
        String axes = switch (key) {
            case "ACCL", "GYRO", "GRAV" -> elems == 3 ? Axes.order(m.orin, devName) : null;
            default -> null;
        };
        if (gps5 && badFix(m.gpsFix, m.gpsDop)) {
            drop(where, key, n, t0, t1, m.gpsFix, m.gpsDop);
            return;
        }
        int badGps9 = 0;
        for (int i = 0; i < n; i++) {
            int off = strm.dataOffset + i * strm.structSize;
            for (int e = 0; e < elems; e++) {
                char t = types.charAt(e);
                raw[e] = Klv.value(b, off, t) / m.scale(e);
                off += Klv.typeSize(t);
            }
            double time = t0 + i * dt;
            int cols;
            if (gps5) {
                System.arraycopy(raw, 0, row, 0, 5);
                row[5] = m.gpsFix;
                row[6] = m.gpsDop;
                cols = 7;
                if (utcStart == null && m.gpsUtc != null && i == 0) {
                    Instant u = Gpsu.parse(m.gpsUtc);
                    if (u != null) {
                        utcStart = Gpsu.minus(u, time);
                    }
                }
            } else if (gps9) {
                System.arraycopy(raw, 0, row, 0, 5);
                row[5] = raw[8];
                row[6] = raw[7];
                cols = 7;
                if (badFix(row[5], row[6])) {
                    badGps9++;
                    continue;
                }
                if (utcStart == null) {
                    utcStart = Gpsu.minus(Gpsu.fromGps9(raw[5], raw[6]), time);
                }
            } else if (gpri) {
                row[0] = raw[1];
                row[1] = raw[2];
                row[2] = raw[3];
                row[3] = raw[6];
                row[4] = Double.NaN;
                row[5] = raw[8] >= 2 ? raw[8] : 0; // MAVLink: 0-1 no fix, 2 2D, 3 3D, 4+ DGPS/RTK
                row[6] = raw[4];
                cols = 7;
                if (badFix(row[5], row[6])) {
                    badGps9++;
                    continue;
                }
            } else if (axes != null) {
                Axes.toCamera(axes, raw, row);
                cols = 3;
            } else {
                System.arraycopy(raw, 0, row, 0, elems);
                cols = elems;
            }
            if (strm.key == SYST && elems >= 2 && systemUtc == null && raw[1] > 1e9) {
                systemUtc = Gpsu.minus(Instant.ofEpochSecond(0).plusNanos(Math.round(raw[1] * 1e9)), time);
            }
            if (cols > 0) {
                s.add(time, row);
            }
        }
        if (badGps9 > 0) {
            dropped += badGps9;
            issues.add(String.format(Locale.ROOT, "%s: %s: dropped %d of %d %s samples at %.2f-%.2f s: fix below %d"
                    + " or DOP above %.1f", file.getFileName(), where == null ? "payload" : where, badGps9, n, key, t0, t1,
                    options.minFix(), options.maxDop()));
        }
    }

    /** One type char per element of the current entry, or null when it is not numeric. */
    private String elementTypes(StreamMeta m) {
        char t = strm.type;
        if (t == '?') {
            if (m.type == null) {
                return null;
            }
            int size = 0;
            for (int i = 0; i < m.type.length(); i++) {
                int ts = Klv.typeSize(m.type.charAt(i));
                if (ts == 0) {
                    return null;
                }
                size += ts;
            }
            return size == strm.structSize ? m.type : null;
        }
        if (t == 'c' || t == 'U' || t == 'G' || t == 0) {
            return null;
        }
        int ts = Klv.typeSize(t);
        return ts == 0 || strm.structSize % ts != 0 || strm.structSize == 0 ? null
                : String.valueOf(t).repeat(strm.structSize / ts);
    }

    private boolean badFix(double fix, double dop) {
        return !Double.isNaN(fix) && fix < options.minFix() || !Double.isNaN(dop) && dop > options.maxDop();
    }

    private void drop(String where, String key, int n, double t0, double t1, double fix, double dop) {
        dropped += n;
        String why = !Double.isNaN(fix) && fix < options.minFix()
                ? (fix == 0 ? "no fix" : "fix " + (int) fix + " below " + options.minFix()) + " (GPSF " + (int) fix + ")"
                : String.format(Locale.ROOT, "DOP %.2f above %.1f (GPSP %d)", dop, options.maxDop(),
                        Math.round(dop * 100));
        issues.add(String.format(Locale.ROOT, "%s: %s: dropped %d %s samples at %.2f-%.2f s: %s", file.getFileName(),
                where == null ? "payload" : where, n, key, t0, t1, why));
    }

    private ArraySeries.Builder series(String key, long devId, List<Channel> channels) {
        String name = key;
        ArraySeries.Builder s = streams.get(name);
        if (s == null) {
            s = new ArraySeries.Builder(name, channels).gapLimit(GAP);
            streams.put(name, s);
        }
        return s;
    }

    private static List<Channel> channels(String key, StreamMeta m, int elems, boolean gps) {
        if (gps) {
            return List.of(new Channel(Channels.LAT, "deg"), new Channel(Channels.LON, "deg"),
                    new Channel(Channels.ALT, "m"), new Channel(Channels.SPEED_2D, "m/s"),
                    new Channel(Channels.SPEED_3D, "m/s"), new Channel(Channels.FIX, ""),
                    new Channel(Channels.DOP, ""));
        }
        switch (key) {
            case "ACCL" -> {
                if (elems == 3) {
                    return List.of(new Channel(Channels.ACCEL_X, "m/s²"), new Channel(Channels.ACCEL_Y, "m/s²"),
                            new Channel(Channels.ACCEL_Z, "m/s²"));
                }
            }
            case "GYRO" -> {
                if (elems == 3) {
                    return List.of(new Channel(Channels.GYRO_X, "rad/s"), new Channel(Channels.GYRO_Y, "rad/s"),
                            new Channel(Channels.GYRO_Z, "rad/s"));
                }
            }
            case "GRAV" -> {
                if (elems == 3) {
                    return List.of(new Channel("grav_x", ""), new Channel("grav_y", ""), new Channel("grav_z", ""));
                }
            }
            case "CORI" -> {
                if (elems == 4) {
                    return List.of(new Channel("cori_w", ""), new Channel("cori_x", ""), new Channel("cori_y", ""),
                            new Channel("cori_z", ""));
                }
            }
            default -> {
                // generic below
            }
        }
        String base = key.toLowerCase(Locale.ROOT);
        List<Channel> c = new ArrayList<>(elems);
        for (int e = 0; e < elems; e++) {
            c.add(new Channel(elems == 1 ? base : base + "_" + e, m.unit(e)));
        }
        return c;
    }

    void tag(Tag t) {
        tags.add(t);
    }

    void issue(String s) {
        issues.add(s);
    }

    /** Names of the devices seen (DVNM), in order. */
    Set<String> devices() {
        return devices;
    }

    Telemetry finish(boolean videoClock) {
        Map<String, TimeSeries> out = new LinkedHashMap<>();
        for (Map.Entry<String, ArraySeries.Builder> e : streams.entrySet()) {
            if (e.getValue().size() > 0) {
                out.put(e.getKey(), e.getValue().build());
            } else if (e.getKey().startsWith("GPS")) {
                issues.add(file.getFileName() + ": no usable " + e.getKey() + " sample (" + dropped
                        + " dropped for a bad fix or high DOP): the stream is left out");
            }
        }
        Instant utc = utcStart != null ? utcStart : systemUtc;
        return new Telemetry(file, "gpmf", String.join(", ", devices), utc, videoClock, out, tags, issues);
    }
}
