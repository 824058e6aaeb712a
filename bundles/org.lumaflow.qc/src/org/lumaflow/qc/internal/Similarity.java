package org.lumaflow.qc.internal;

/**
 * PSNR and SSIM of one 8-bit plane against another, as FFmpeg's {@code psnr} and {@code ssim} filters compute them
 * (SSIM: sums over 4x4 blocks, windows of 2x2 blocks every 4 pixels, integer constants of the x264 implementation).
 * Work rows are allocated once per plane width.
 */
final class Similarity {

    private static final int C1 = (int) (.01 * .01 * 255 * 255 * 64 + .5);
    private static final int C2 = (int) (.03 * .03 * 255 * 255 * 64 * 63 + .5);
    private int[][] sum0 = new int[0][];
    private int[][] sum1 = new int[0][];

    /** Sum of squared differences of two planes ({@code w x h}, packed) starting at {@code off}. */
    static long sse(byte[] a, byte[] b, int off, int n) {
        long s = 0;
        for (int i = off, end = off + n; i < end; i++) {
            int d = (a[i] & 0xFF) - (b[i] & 0xFF);
            s += d * d;
        }
        return s;
    }

    /** PSNR in dB of a mean squared error (255 peak); infinite when identical. */
    static double psnr(double mse) {
        return mse <= 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /** SSIM of plane {@code a} against {@code b} ({@code w x h} at {@code off}). */
    double ssim(byte[] a, byte[] b, int off, int w, int h) {
        int bw = w >> 2;
        int bh = h >> 2;
        if (bw < 2 || bh < 2) {
            return 1;
        }
        if (sum0.length < bw) {
            sum0 = new int[bw][4];
            sum1 = new int[bw][4];
        }
        double ssim = 0;
        int z = 0;
        for (int y = 1; y < bh; y++) {
            for (; z <= y; z++) {
                int[][] t = sum0;
                sum0 = sum1;
                sum1 = t;
                for (int x = 0; x < bw; x++) {
                    block(a, b, off + 4 * z * w + 4 * x, w, sum1[x]);
                }
            }
            for (int x = 0; x < bw - 1; x++) {
                int[] p = sum0[x];
                int[] q = sum0[x + 1];
                int[] r = sum1[x];
                int[] s = sum1[x + 1];
                ssim += end(p[0] + q[0] + r[0] + s[0], p[1] + q[1] + r[1] + s[1], p[2] + q[2] + r[2] + s[2],
                        p[3] + q[3] + r[3] + s[3]);
            }
        }
        return ssim / ((double) (bh - 1) * (bw - 1));
    }

    /** Sums of a, b, a^2 + b^2 and a*b over a 4x4 block. */
    private static void block(byte[] a, byte[] b, int off, int stride, int[] out) {
        int s1 = 0;
        int s2 = 0;
        int ss = 0;
        int s12 = 0;
        for (int y = 0; y < 4; y++) {
            int o = off + y * stride;
            for (int x = 0; x < 4; x++) {
                int p = a[o + x] & 0xFF;
                int q = b[o + x] & 0xFF;
                s1 += p;
                s2 += q;
                ss += p * p + q * q;
                s12 += p * q;
            }
        }
        out[0] = s1;
        out[1] = s2;
        out[2] = ss;
        out[3] = s12;
    }

    private static float end(int s1, int s2, int ss, int s12) {
        int vars = ss * 64 - s1 * s1 - s2 * s2;
        int covar = s12 * 64 - s1 * s2;
        return (float) (2 * s1 * s2 + C1) * (float) (2 * covar + C2)
                / ((float) (s1 * s1 + s2 * s2 + C1) * (float) (vars + C2));
    }
}
