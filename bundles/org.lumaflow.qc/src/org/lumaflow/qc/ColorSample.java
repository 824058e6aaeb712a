package org.lumaflow.qc;

/**
 * A rendered frame's fingerprint and colour statistics from the backend's reduction primitive: on the GPU only about
 * 1 KB per frame is read back (two-stage reduction of sums, squares and a 256-bin luma histogram), on the CPU the
 * rendered frame is counted.
 *
 * @param time  seconds
 * @param mean  mean R, G, B, A code values
 * @param std   standard deviation of R, G, B, A
 * @param luma  256-bin histogram of BT.709 full-range luma
 */
public record ColorSample(double time, double[] mean, double[] std, long[] luma) {
}
