package org.lumaflow.telemetry.internal.service;

/** Great-circle distance on the WGS84 mean sphere. */
public final class Geo {

    /** Mean Earth radius, metres (IUGG). */
    public static final double R = 6_371_008.8;

    private Geo() {
    }

    /** Haversine distance in metres between two points in degrees. */
    public static double distance(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
