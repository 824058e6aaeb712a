package org.lumaflow.telemetry.internal.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.lumaflow.telemetry.Alignment;
import org.lumaflow.telemetry.Alignment.Method;
import org.lumaflow.telemetry.Telemetry;

/**
 * Chooses how telemetry lines up with a media file (see {@link org.lumaflow.telemetry.TelemetryService#align}): the
 * video clock when the telemetry came with that video; else its GPS UTC against the media's own GPS UTC (a GoPro clip's
 * GPMF) or, failing that, the container's creation time (read as UTC; when that misses the telemetry's span by whole
 * hours, the camera clock was on local time and the hours are taken off); else the manual offset. With correlation
 * asked for, the telemetry's motion is matched against the video's ({@link Correlator}) around that offset: a confident
 * match replaces a creation-time or manual offset, and is reported as agreeing or not with the video clock or GPS UTC.
 */
final class Aligner {

    /** Reads the media's own telemetry (a GoPro clip's GPMF), or null. */
    interface OwnTelemetry {
        Telemetry of(Path media);
    }

    /** The media's video motion signal ({@link VideoMotion}), or null when no decoder is available. */
    interface Motion {
        MotionSignal of(Path media) throws IOException;
    }

    /** Offsets searched around the chosen one, seconds. */
    static final double CORRELATION_RANGE = 30;
    /** A correlation this close to the video clock or GPS UTC agrees with it, seconds. */
    private static final double AGREE = 0.2;

    private Aligner() {
    }

    static Alignment align(Telemetry t, Path media, Double manualOffset, boolean correlate, OwnTelemetry own,
            Motion motion) throws IOException {
        Alignment a = choose(t, media, manualOffset, own);
        if (!correlate) {
            return a;
        }
        Correlator.Result r = correlate(t, media, a.offset(), motion);
        boolean strong = a.method() == Method.VIDEO_CLOCK || a.method() == Method.GPS_UTC;
        if (strong) {
            double d = Math.abs(r.offset() - a.offset());
            String s = !r.confident() ? "motion correlation inconclusive: " + r.why()
                    : String.format(Locale.ROOT, "motion correlation %s %.2f s: %s", d <= AGREE ? "agrees within"
                            : "disagrees by", d, r.why());
            return new Alignment(a.offset(), a.method(), a.reason() + "; " + s);
        }
        if (r.confident()) {
            return new Alignment(r.offset(), Method.CORRELATION, String.format(Locale.ROOT, "motion correlation: offset"
                    + " %.3f s, %s; preferred to %s (offset %.3f s: %s)", r.offset(), r.why(), a.method(), a.offset(),
                    a.reason()));
        }
        return new Alignment(a.offset(), a.method(), a.reason() + "; motion correlation not used: " + r.why());
    }

    /** Correlates the telemetry's motion with the video's within {@link #CORRELATION_RANGE} of {@code prior}. */
    private static Correlator.Result correlate(Telemetry t, Path media, double prior, Motion motion) {
        if (motion == null) {
            return new Correlator.Result(false, Double.NaN, Double.NaN, "no video decoder is available");
        }
        MotionSignal video;
        try {
            video = motion.of(media);
        } catch (IOException e) {
            return new Correlator.Result(false, Double.NaN, Double.NaN, "the video could not be read: "
                    + e.getMessage());
        }
        double span = video.start() + video.size() / video.rate();
        // telemetry seconds that can meet media [0, span] at offsets prior +- range
        MotionSignal tel = TelemetryMotion.of(t, -prior - CORRELATION_RANGE - 1, span - prior + CORRELATION_RANGE
                + 1);
        if (tel == null) {
            return new Correlator.Result(false, Double.NaN, Double.NaN, "the telemetry has no gyro, acceleration or"
                    + " speed channel");
        }
        return Correlator.correlate(video, tel, prior, CORRELATION_RANGE);
    }

    private static Alignment choose(Telemetry t, Path media, Double manualOffset, OwnTelemetry own)
            throws IOException {
        if (t.videoClock() && t.source() != null && Files.exists(media)) {
            if (Files.isSameFile(t.source(), media)) {
                return new Alignment(0, Method.VIDEO_CLOCK, "the telemetry was read from " + media.getFileName()
                        + " itself and is on its video clock");
            }
            if (sameBaseName(t.source(), media)) {
                return new Alignment(0, Method.VIDEO_CLOCK, t.source().getFileName() + " is the subtitle telemetry"
                        + " recorded with " + media.getFileName() + " (same name, same folder): on its video clock");
            }
        }
        String why = "";
        if (t.utcStart() != null) {
            Telemetry m = own.of(media);
            if (m != null && m.videoClock() && m.utcStart() != null) {
                double off = seconds(m.utcStart(), t.utcStart());
                return new Alignment(off, Method.GPS_UTC, String.format(Locale.ROOT, "the telemetry's UTC start %s"
                        + " against %s's own GPS time %s: offset %.3f s", t.utcStart(), media.getFileName(),
                        m.utcStart(), off));
            }
            MediaClock clock = MediaClock.of(media);
            if (clock.creation() != null) {
                double off = seconds(clock.creation(), t.utcStart());
                double span = Double.isNaN(clock.duration()) ? 0 : clock.duration();
                if (overlaps(t, off, span)) {
                    return new Alignment(off, Method.CREATION_TIME, String.format(Locale.ROOT, "the telemetry's UTC"
                            + " start %s against %s's creation time %s: offset %.3f s", t.utcStart(),
                            media.getFileName(), clock.creation(), off));
                }
                for (int h = 1; h <= 14; h++) {
                    for (int sign : new int[] {1, -1}) {
                        double o = off - sign * h * 3600.0;
                        if (overlaps(t, o, span)) {
                            int zone = -sign * h;
                            return new Alignment(o, Method.CREATION_TIME, String.format(Locale.ROOT, "%s's creation"
                                    + " time %s misses the telemetry's UTC span by %d h: the camera clock was on local"
                                    + " time (UTC%+d); offset %.3f s", media.getFileName(), clock.creation(), h, zone,
                                    o));
                        }
                    }
                }
                why = String.format(Locale.ROOT, "%s's creation time %s is outside the telemetry's UTC span"
                        + " (%s + %.0f s), even as local time; ", media.getFileName(), clock.creation(),
                        t.utcStart(), t.duration());
            } else {
                why = media.getFileName() + " has no creation time; ";
            }
        } else {
            why = "the telemetry has no UTC time; ";
        }
        double off = manualOffset == null ? 0 : manualOffset;
        return new Alignment(off, Method.MANUAL, why + (manualOffset == null ? "offset 0 (give one by hand)"
                : String.format(Locale.ROOT, "the offset given by hand: %.3f s", off)));
    }

    /** Seconds from {@code media} start to {@code telemetry} start: mediaSeconds = telemetrySeconds + result. */
    private static double seconds(Instant mediaStart, Instant telemetryStart) {
        return Duration.between(mediaStart, telemetryStart).toNanos() / 1e9;
    }

    /** Whether media time [0, span] meets telemetry time [start, end] shifted by {@code off}. */
    private static boolean overlaps(Telemetry t, double off, double span) {
        double s = Double.POSITIVE_INFINITY;
        for (var ts : t.streams().values()) {
            if (ts.size() > 0) {
                s = Math.min(s, ts.start());
            }
        }
        if (s == Double.POSITIVE_INFINITY) {
            return false;
        }
        return s + off <= span && t.duration() + off >= 0;
    }

    private static boolean sameBaseName(Path a, Path b) {
        Path pa = a.toAbsolutePath().getParent();
        Path pb = b.toAbsolutePath().getParent();
        return pa != null && pa.equals(pb) && base(a).equalsIgnoreCase(base(b));
    }

    private static String base(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }
}
