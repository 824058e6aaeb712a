package org.lumaflow.engine.internal.nodes;

/**
 * Finds channel tables that are clamped straight lines in 16.16 fixed point: {@code t[v] = clamp((m * v + k) >> 16,
 * 0, 255)} for every v, exactly. Such tables (exposure, lift, gain and contrast without a gamma) are then computed
 * with vector arithmetic instead of looked up one pixel at a time; the result is the table's, byte for byte, since
 * the line is checked against every entry. Curves that are not lines (a gamma, a curve) keep the lookups.
 */
final class AffineTables {

    /** Steepest slope tried: keeps {@code m * 255 + k} within an int. */
    private static final long MAX_M = 64L << 16;

    private AffineTables() {
    }

    /** {@code {m0, k0, m1, k1, m2, k2}} for the three 256-entry tables of {@code t}, or null if one is no line. */
    static int[] fit(int[] t) {
        int[] f = new int[6];
        for (int ch = 0; ch < 3; ch++) {
            if (!fit(t, ch * 256, f, 2 * ch)) {
                return null;
            }
        }
        return f;
    }

    private static boolean fit(int[] t, int o, int[] f, int at) {
        int lo = -1;
        int hi = -1;
        for (int v = 0; v < 256; v++) {
            int c = t[o + v];
            if (c < 0 || c > 255) {
                return false;
            }
            if (c > 0 && c < 255) {
                lo = lo < 0 ? v : lo;
                hi = v;
            }
        }
        // the slope is within one step over the unclamped run of the line through its ends
        int a = lo >= 0 && hi > lo ? lo : 0;
        int b = lo >= 0 && hi > lo ? hi : 255;
        double slope = (double) (t[o + b] - t[o + a]) / (b - a);
        long m0 = Math.round(slope * 65536);
        long d = 65536 / (b - a) + 2;
        for (long m = Math.max(0, m0 - d); m <= Math.min(MAX_M, m0 + d); m++) {
            long kmin = Long.MIN_VALUE;
            long kmax = Long.MAX_VALUE;
            for (int v = 0; v < 256 && kmin <= kmax; v++) {
                int c = t[o + v];
                long mv = m * v;
                if (c > 0) {
                    kmin = Math.max(kmin, c * 65536L - mv); // (mv + k) >> 16 >= c
                }
                if (c < 255) {
                    kmax = Math.min(kmax, (c + 1) * 65536L - 1 - mv); // (mv + k) >> 16 < c + 1
                }
            }
            if (kmin > kmax) {
                continue;
            }
            long k = kmin != Long.MIN_VALUE ? kmin : kmax;
            if (Math.abs(k) > 1L << 30) {
                return false;
            }
            f[at] = (int) m;
            f[at + 1] = (int) k;
            return true;
        }
        return false;
    }
}
