package org.lumaflow.telemetry.internal.gpmf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** GPS times in GPMF: GPSU text ({@code "yymmddhhmmss.sss"}) and GPS9's days since 2000 plus seconds of the day. */
final class Gpsu {

    private Gpsu() {
    }

    /** The instant of a GPSU string, or null when it does not read as one. */
    static Instant parse(String s) {
        String t = s.strip();
        if (t.length() < 12) {
            return null;
        }
        try {
            int yy = Integer.parseInt(t.substring(0, 2));
            int mo = Integer.parseInt(t.substring(2, 4));
            int dd = Integer.parseInt(t.substring(4, 6));
            int hh = Integer.parseInt(t.substring(6, 8));
            int mi = Integer.parseInt(t.substring(8, 10));
            double sec = Double.parseDouble(t.substring(10));
            LocalDateTime d = LocalDateTime.of(2000 + yy, mo, dd, hh, mi, 0);
            return d.toInstant(ZoneOffset.UTC).plusNanos(Math.round(sec * 1e9));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Instant fromGps9(double daysSince2000, double secondsOfDay) {
        return LocalDate.of(2000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC)
                .plusSeconds((long) daysSince2000 * 86400).plusNanos(Math.round(secondsOfDay * 1e9));
    }

    static Instant minus(Instant t, double seconds) {
        return t.minusNanos(Math.round(seconds * 1e9));
    }
}
