package org.lumaflow.qc;

/**
 * One frame's signal statistics, with the meaning and scale FFmpeg's {@code signalstats} gives them for the stream's
 * format (code values of its bit depth, e.g. 0..1023 at 10 bits; see {@link QcReport#bitDepth()}): minimum, 10th
 * percentile, average, 90th percentile and maximum of Y, U and V; chroma saturation {@code hypot(U-mid, V-mid)}
 * average and maximum ({@code mid} = 128 at 8 bits, 512 at 10); the fraction of pixels outside broadcast range (Y
 * outside 16..235 or U/V outside 16..240, times {@code 2^(depth-8)}); and the mean absolute luma difference to the
 * previous frame.
 *
 * @param time seconds from the start
 * @param fingerprint mean R, G, B and standard deviation of R, G, B (code values, BT.709) over a sampled grid (every
 *                    16th pixel and row): compact enough to compare renders and exports frame by frame
 */
public record SignalStats(double time, int yMin, int yLow, double yAvg, int yHigh, int yMax, int uMin, int uLow,
        double uAvg, int uHigh, int uMax, int vMin, int vLow, double vAvg, int vHigh, int vMax, double satAvg,
        int satMax, double outOfRange, double yDiff, double[] fingerprint) {
}
