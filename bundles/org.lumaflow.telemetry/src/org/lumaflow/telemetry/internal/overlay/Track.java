package org.lumaflow.telemetry.internal.overlay;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TimeSeries;

/**
 * What the overlays read from one telemetry file, prepared once per file: the GPS samples with the cumulative
 * distance along the track, the speed, the accelerometer and heart-rate streams, and content hashes of the slices the
 * static layers are drawn from (the keys of the layer cache). Immutable, shared by every node on the file.
 */
final class Track {

    /** Standard gravity, m/s². */
    static final double G = 9.80665;
    private static final double EARTH_RADIUS = 6_371_008.8;

    final Telemetry telemetry;
    final TimeSeries gps;
    final int lat;
    final int lon;
    final int alt;
    /** the series and column of the speed channel, or null / -1 (then derived from the distance) */
    final TimeSeries speedSeries;
    final int speed;
    final TimeSeries accel;
    final int[] accelAxes;
    final TimeSeries heart;
    final int heartRate;
    /** GPS sample times and the distance travelled up to each, metres (empty without GPS) */
    final double[] times;
    final double[] dist;
    /** latitude/longitude range of the valid fixes (NaN without) */
    final double minLat;
    final double maxLat;
    final double minLon;
    final double maxLon;
    final double minAlt;
    final double maxAlt;
    /** content hashes of the position track and of the altitude profile (hex) */
    final String trackHash;
    final String profileHash;

    Track(Telemetry t) {
        this.telemetry = t;
        this.gps = t.gps();
        this.lat = gps == null ? -1 : gps.channel(Channels.LAT);
        this.lon = gps == null ? -1 : gps.channel(Channels.LON);
        this.alt = gps == null ? -1 : gps.channel(Channels.ALT);
        TimeSeries sp = gps != null && gps.channel(Channels.SPEED_2D) >= 0 ? gps : t.streamWith(Channels.SPEED_2D);
        if (sp == null) {
            sp = t.streamWith(Channels.SPEED_3D);
            this.speed = sp == null ? -1 : sp.channel(Channels.SPEED_3D);
        } else {
            this.speed = sp.channel(Channels.SPEED_2D);
        }
        this.speedSeries = sp;
        this.accel = t.streamWith(Channels.ACCEL_X);
        this.accelAxes = accel == null ? null : new int[] { accel.channel(Channels.ACCEL_X),
                accel.channel(Channels.ACCEL_Y), accel.channel(Channels.ACCEL_Z) };
        this.heart = t.streamWith(Channels.HEART_RATE);
        this.heartRate = heart == null ? -1 : heart.channel(Channels.HEART_RATE);
        int n = gps == null ? 0 : gps.size();
        times = new double[n];
        dist = new double[n];
        double la0 = Double.NaN;
        double lo0 = Double.NaN;
        double d = 0;
        double mnLa = Double.NaN, mxLa = Double.NaN, mnLo = Double.NaN, mxLo = Double.NaN;
        double mnA = Double.NaN, mxA = Double.NaN;
        MessageDigest track = sha256();
        MessageDigest profile = sha256();
        ByteBuffer b = ByteBuffer.allocate(32);
        for (int i = 0; i < n; i++) {
            times[i] = gps.time(i);
            double la = gps.value(lat, i);
            double lo = lon >= 0 ? gps.value(lon, i) : Double.NaN;
            double a = alt >= 0 ? gps.value(alt, i) : Double.NaN;
            if (!Double.isNaN(la) && !Double.isNaN(lo)) {
                if (!Double.isNaN(la0)) {
                    d += haversine(la0, lo0, la, lo);
                }
                la0 = la;
                lo0 = lo;
                mnLa = Double.isNaN(mnLa) ? la : Math.min(mnLa, la);
                mxLa = Double.isNaN(mxLa) ? la : Math.max(mxLa, la);
                mnLo = Double.isNaN(mnLo) ? lo : Math.min(mnLo, lo);
                mxLo = Double.isNaN(mxLo) ? lo : Math.max(mxLo, lo);
            }
            if (!Double.isNaN(a)) {
                mnA = Double.isNaN(mnA) ? a : Math.min(mnA, a);
                mxA = Double.isNaN(mxA) ? a : Math.max(mxA, a);
            }
            dist[i] = d;
            track.update(b.clear().putDouble(la).putDouble(lo).flip());
            profile.update(b.clear().putDouble(times[i]).putDouble(a).putDouble(d).flip());
        }
        minLat = mnLa;
        maxLat = mxLa;
        minLon = mnLo;
        maxLon = mxLo;
        minAlt = mnA;
        maxAlt = mxA;
        trackHash = HexFormat.of().formatHex(track.digest());
        profileHash = HexFormat.of().formatHex(profile.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Great-circle distance in metres. */
    static double haversine(double la1, double lo1, double la2, double lo2) {
        double p1 = Math.toRadians(la1);
        double p2 = Math.toRadians(la2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lo2 - lo1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2)
                * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    boolean hasPosition() {
        return lat >= 0 && lon >= 0 && !Double.isNaN(minLat);
    }

    boolean hasAltitude() {
        return alt >= 0 && !Double.isNaN(minAlt);
    }

    double latitude(double t) {
        return gps.interpolate(lat, t);
    }

    double longitude(double t) {
        return gps.interpolate(lon, t);
    }

    double altitude(double t) {
        return alt < 0 ? Double.NaN : gps.interpolate(alt, t);
    }

    /** Total distance of the track, metres. */
    double totalDistance() {
        return dist.length == 0 ? 0 : dist[dist.length - 1];
    }

    /** Distance travelled at {@code t}, metres (clamped to the track's ends; NaN without GPS). */
    double distance(double t) {
        int n = times.length;
        if (n == 0) {
            return Double.NaN;
        }
        int i = gps.indexAt(t);
        if (i < 0) {
            return dist[0];
        }
        if (i >= n - 1) {
            return dist[n - 1];
        }
        double f = (t - times[i]) / (times[i + 1] - times[i]);
        return dist[i] + (dist[i + 1] - dist[i]) * f;
    }

    /** Ground speed at {@code t}, m/s: the speed channel, else the distance over one second. */
    double speed(double t) {
        if (speedSeries != null) {
            return speedSeries.interpolate(speed, t);
        }
        if (times.length < 2) {
            return Double.NaN;
        }
        return (distance(t + 0.5) - distance(t - 0.5));
    }

    /** Grade (rise over run, percent) over {@code ±window} seconds; 0 when moving less than 2 m. */
    double grade(double t, double window) {
        double d = distance(t + window) - distance(t - window);
        double a = altitude(t + window) - altitude(t - window);
        if (Double.isNaN(d) || Double.isNaN(a)) {
            return Double.NaN;
        }
        return d < 2 ? 0 : 100 * a / d;
    }

    double heartRate(double t) {
        return heart == null ? Double.NaN : heart.interpolate(heartRate, t);
    }

    /**
     * The mean acceleration over {@code [t - half, t + half]} into {@code out} (x, y, z, m/s²); returns false when
     * there is no sample there.
     */
    boolean meanAccel(double t, double half, double[] out) {
        int i = Math.max(0, accel.indexAt(t - half));
        int n = accel.size();
        double sx = 0, sy = 0, sz = 0;
        int k = 0;
        for (; i < n; i++) {
            double ti = accel.time(i);
            if (ti > t + half) {
                break;
            }
            if (ti < t - half) {
                continue;
            }
            sx += accelAxes[0] >= 0 ? accel.value(accelAxes[0], i) : 0;
            sy += accelAxes[1] >= 0 ? accel.value(accelAxes[1], i) : 0;
            sz += accelAxes[2] >= 0 ? accel.value(accelAxes[2], i) : 0;
            k++;
        }
        if (k == 0) {
            return false;
        }
        out[0] = sx / k;
        out[1] = sy / k;
        out[2] = sz / k;
        return true;
    }

    /** Local equirectangular projection east/north in metres from {@code (lat0, lon0)}: {@code [x, y]}. */
    static void project(double la, double lo, double lat0, double lon0, double[] out) {
        out[0] = Math.toRadians(lo - lon0) * Math.cos(Math.toRadians(lat0)) * EARTH_RADIUS;
        out[1] = Math.toRadians(la - lat0) * EARTH_RADIUS;
    }

    /** Hex SHA-256 of {@code s}. */
    static String hash(String s) {
        return HexFormat.of().formatHex(sha256().digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
