package org.lumaflow.qc;

/**
 * One frame's signal statistics, with the meaning FFmpeg's {@code signalstats} gives them (8-bit code values):
 * minimum, 10th percentile, average, 90th percentile and maximum of Y, U and V; chroma saturation
 * {@code hypot(U-128, V-128)} average and maximum; the fraction of pixels outside broadcast range (Y outside 16..235 or
 * U/V outside 16..240); and the mean absolute luma difference to the previous frame.
 *
 * @param time seconds from the start
 * @param fingerprint mean R, G, B and standard deviation of R, G, B (code values, BT.709) over a sampled grid (every
 *                    16th pixel and row): compact enough to compare renders and exports frame by frame
 */
public record SignalStats(double time, int yMin, int yLow, double yAvg, int yHigh, int yMax, int uMin, int uLow,
        double uAvg, int uHigh, int uMax, int vMin, int vLow, double vAvg, int vHigh, int vMax, double satAvg,
        int satMax, double outOfRange, double yDiff, double[] fingerprint) {
}
