package org.lumaflow.telemetry.internal.gpmf;

/** The metadata entries of one GPMF STRM (everything before its data key), reset per stream. */
final class StreamMeta {
    int dataKey;
    int dataEntries;
    double[] scal;
    String type;
    String[] units;
    String name;
    String orin;
    double gpsFix = Double.NaN;
    double gpsDop = Double.NaN;
    String gpsUtc;
    double stmp = Double.NaN;
    long tsmp = -1;

    void clear() {
        dataKey = 0;
        dataEntries = 0;
        scal = null;
        type = null;
        units = null;
        name = null;
        orin = null;
        gpsFix = Double.NaN;
        gpsDop = Double.NaN;
        gpsUtc = null;
        stmp = Double.NaN;
        tsmp = -1;
    }

    /** The divisor of element {@code e} (one SCAL for all, or one per element; 0 or missing = 1). */
    double scale(int e) {
        if (scal == null || scal.length == 0) {
            return 1;
        }
        double s = scal.length > e ? scal[e] : scal[0];
        return s == 0 || !Double.isFinite(s) ? 1 : s;
    }

    String unit(int e) {
        if (units == null || units.length == 0) {
            return "";
        }
        return units.length > e ? units[e] : units[0];
    }
}
