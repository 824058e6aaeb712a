package org.lumaflow.telemetry.internal.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lumaflow.telemetry.Channel;
import org.lumaflow.telemetry.Channels;

/**
 * Which CSV column feeds which channel: from {@code TelemetryOptions.columns} (channel name or {@code "time"} to
 * header) or guessed from the headers ({@code Latitude}, {@code speed (km/h)}, {@code hr}...), with the unit in the
 * header converted to SI. Columns that match no standard channel are kept under their own (sanitised) name.
 */
final class CsvColumns {

    int time = -1;
    String timeHeader;
    final List<Channel> channels = new ArrayList<>();
    final List<Integer> sources = new ArrayList<>();
    final List<Double> factors = new ArrayList<>();

    static CsvColumns of(List<String> headers, Map<String, String> mapping) {
        CsvColumns c = new CsvColumns();
        boolean[] used = new boolean[headers.size()];
        if (!mapping.isEmpty()) {
            for (Map.Entry<String, String> e : mapping.entrySet()) {
                int col = find(headers, e.getValue());
                if (col < 0) {
                    throw new IllegalArgumentException("the column '" + e.getValue() + "' mapped to " + e.getKey()
                            + " is not among the headers " + headers);
                }
                used[col] = true;
                if (e.getKey().equals("time")) {
                    c.time = col;
                    c.timeHeader = headers.get(col);
                } else {
                    c.add(e.getKey(), col, headers.get(col));
                }
            }
            if (c.time < 0) {
                throw new IllegalArgumentException("the column mapping names no 'time' column");
            }
            return c;
        }
        for (int i = 0; i < headers.size(); i++) {
            String base = base(headers.get(i));
            if (c.time < 0 && base.matches("time|timestamp|t|seconds|secs|sec|time_s|time_ms|millis|ms|utc|datetime"
                    + "|date_time|elapsed|elapsed_time|time_sec|gps_time|date")) {
                c.time = i;
                c.timeHeader = headers.get(i);
                used[i] = true;
            }
        }
        if (c.time < 0) {
            throw new IllegalArgumentException("no time column among the headers " + headers
                    + "; name one with the column mapping (time=HEADER)");
        }
        for (int i = 0; i < headers.size(); i++) {
            if (used[i]) {
                continue;
            }
            String std = standard(base(headers.get(i)));
            c.add(std != null ? std : sanitize(headers.get(i)), i, headers.get(i));
        }
        return c;
    }

    private void add(String channel, int col, String header) {
        String h = header.toLowerCase(Locale.ROOT);
        double f = 1;
        String unit = unit(channel);
        if (h.contains("km/h") || h.contains("kmh") || h.contains("kph")) {
            f = 1 / 3.6;
        } else if (h.contains("mph")) {
            f = 0.44704;
        } else if (h.contains("knot") || h.contains("kn)")) {
            f = 0.514444;
        } else if (h.contains("(ft)") || h.contains("[ft]") || h.endsWith("_ft")) {
            f = 0.3048;
        } else if ((channel.startsWith("accel_")) && (h.contains("(g)") || h.contains("[g]") || h.endsWith("_g"))) {
            f = 9.80665;
        } else if (channel.startsWith("gyro_") && (h.contains("deg") || h.contains("dps"))) {
            f = Math.PI / 180;
        }
        channels.add(new Channel(channel, unit));
        sources.add(col);
        factors.add(f);
    }

    private static int find(List<String> headers, String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).strip().equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        return -1;
    }

    /** Lower case, units in brackets and separators removed: {@code "Speed (km/h)"} -> {@code "speed"}. */
    static String base(String header) {
        String h = header.toLowerCase(Locale.ROOT).replaceAll("[(\\[].*?[)\\]]", "").strip();
        return h.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static String sanitize(String header) {
        String s = base(header);
        return s.isEmpty() ? "column" : s;
    }

    private static String standard(String b) {
        return switch (b) {
            case "lat", "latitude", "gps_lat", "lat_deg" -> Channels.LAT;
            case "lon", "lng", "long", "longitude", "gps_lon", "gps_long", "lon_deg" -> Channels.LON;
            case "alt", "altitude", "ele", "elevation", "alt_m", "gps_alt", "height_msl" -> Channels.ALT;
            case "speed", "speed2d", "speed_2d", "ground_speed", "groundspeed", "gps_speed", "velocity", "speed_ms",
                    "speed_kmh", "speed_mph" -> Channels.SPEED_2D;
            case "speed3d", "speed_3d" -> Channels.SPEED_3D;
            case "fix", "gps_fix" -> Channels.FIX;
            case "dop", "hdop", "pdop" -> Channels.DOP;
            case "ax", "acc_x", "accel_x", "accx", "acceleration_x", "accelerometer_x" -> Channels.ACCEL_X;
            case "ay", "acc_y", "accel_y", "accy", "acceleration_y", "accelerometer_y" -> Channels.ACCEL_Y;
            case "az", "acc_z", "accel_z", "accz", "acceleration_z", "accelerometer_z" -> Channels.ACCEL_Z;
            case "gx", "gyro_x", "gyrox", "rotation_x" -> Channels.GYRO_X;
            case "gy", "gyro_y", "gyroy", "rotation_y" -> Channels.GYRO_Y;
            case "gz", "gyro_z", "gyroz", "rotation_z" -> Channels.GYRO_Z;
            case "hr", "heart_rate", "heartrate", "heart_rate_bpm", "bpm" -> Channels.HEART_RATE;
            case "cad", "cadence", "rpm" -> Channels.CADENCE;
            case "power", "watts", "pwr" -> Channels.POWER;
            case "temp", "temperature", "atemp" -> Channels.TEMPERATURE;
            default -> null;
        };
    }

    private static String unit(String channel) {
        return switch (channel) {
            case Channels.LAT, Channels.LON -> "deg";
            case Channels.ALT -> "m";
            case Channels.SPEED_2D, Channels.SPEED_3D -> "m/s";
            case Channels.ACCEL_X, Channels.ACCEL_Y, Channels.ACCEL_Z -> "m/s²";
            case Channels.GYRO_X, Channels.GYRO_Y, Channels.GYRO_Z -> "rad/s";
            case Channels.HEART_RATE -> "bpm";
            case Channels.CADENCE -> "rpm";
            case Channels.POWER -> "W";
            case Channels.TEMPERATURE -> "°C";
            default -> "";
        };
    }
}
