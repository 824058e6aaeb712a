package org.lumaflow.engine.render;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;

/**
 * Whole-frame statistics of an RGBA8 frame: per-channel sums and sums of squares (R, G, B, A) and a 256-bin
 * histogram of BT.709 full-range luma. A GPU backend computes them with a two-stage reduction and reads back about
 * 1 KB instead of the frame; {@link #of} is the CPU reference.
 *
 * @param pixels    pixels counted
 * @param sum       per channel (R, G, B, A) sum of code values
 * @param sumSquares per channel sum of squared code values
 * @param luma      256 bins of BT.709 luma (0.2126 R + 0.7152 G + 0.0722 B, rounded), counts
 */
public record FrameStats(long pixels, long[] sum, long[] sumSquares, long[] luma) {

    /** Mean code value of channel {@code ch} (0 = R .. 3 = A). */
    public double mean(int ch) {
        return pixels == 0 ? 0 : (double) sum[ch] / pixels;
    }

    /** Standard deviation of channel {@code ch} in code values (population). */
    public double std(int ch) {
        if (pixels == 0) {
            return 0;
        }
        double m = mean(ch);
        return Math.sqrt(Math.max(0, (double) sumSquares[ch] / pixels - m * m));
    }

    /** Mean luma from the histogram. */
    public double meanLuma() {
        double s = 0;
        for (int i = 0; i < 256; i++) {
            s += (double) i * luma[i];
        }
        return pixels == 0 ? 0 : s / pixels;
    }

    /** The statistics of an RGBA8 frame, on the CPU. */
    public static FrameStats of(Frame f) {
        if (f.format() != PixelFormat.RGBA8) {
            throw new IllegalArgumentException("frame statistics need RGBA8, got " + f.format());
        }
        long[] sum = new long[4];
        long[] sq = new long[4];
        long[] hist = new long[256];
        ByteBuffer b = f.buffer();
        int n = f.width() * f.height();
        for (int i = 0; i < n; i++) {
            int p = b.getInt(i * 4);
            for (int ch = 0; ch < 4; ch++) {
                int v = (p >>> (8 * ch)) & 0xFF;
                sum[ch] += v;
                sq[ch] += v * v;
            }
            hist[(13933 * (p & 0xFF) + 46871 * ((p >> 8) & 0xFF) + 4732 * ((p >> 16) & 0xFF) + 32768) >> 16]++;
        }
        return new FrameStats(n, sum, sq, hist);
    }
}
