package org.lumaflow.qc.internal;

import org.lumaflow.core.internal.VectorApi;

/**
 * Sums of absolute differences of 8-bit samples (frame differences for YDIF, scene and freeze scores): plain loops,
 * or Vector API kernels ({@link SadSimd}) when the JVM has {@code jdk.incubator.vector}.
 */
class Sad {

    /** The fastest implementation available here. */
    static final Sad BEST = select();

    /** Sum of {@code |a[i] - b[i]|} (unsigned samples) over {@code [from, to)}. */
    long sum(byte[] a, byte[] b, int from, int to) {
        long total = 0;
        for (int start = from; start < to; start += 1 << 22) { // an int sum per chunk cannot overflow
            int end = Math.min(to, start + (1 << 22));
            int s = 0;
            for (int i = start; i < end; i++) {
                s += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
            }
            total += s;
        }
        return total;
    }

    private static Sad select() {
        if (VectorApi.wanted()) {
            try {
                return new SadSimd();
            } catch (LinkageError e) {
                // the package is not visible to this bundle: plain loops
            }
        }
        return new Sad();
    }
}
