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

    /** Sum of squared differences of 16-bit samples. */
    static long sse(short[] a, short[] b, int off, int n) {
        long s = 0;
        for (int i = off, end = off + n; i < end; i++) {
            long d = (a[i] & 0xFFFF) - (b[i] & 0xFFFF);
            s += d * d;
        }
        return s;
    }

    /** PSNR in dB of a mean squared error (255 peak); infinite when identical. */
    static double psnr(double mse) {
        return psnr(mse, 255);
    }

    /** PSNR in dB of a mean squared error with peak {@code max} ({@code 2^depth - 1}). */
    static double psnr(double mse, int max) {
        return mse <= 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10((double) max * max / mse);
    }

    /**
     * SSIM of 16-bit plane {@code a} against {@code b} with peak {@code max}, as FFmpeg's high-bit-depth path
     * computes it (same windows, constants scaled to the peak, double arithmetic).
     */
    static double ssim(short[] a, short[] b, int off, int w, int h, int max) {
        int bw = w >> 2;
        int bh = h >> 2;
        if (bw < 2 || bh < 2) {
            return 1;
        }
        double c1 = .01 * .01 * max * max * 64;
        double c2 = .03 * .03 * max * max * 64 * 63;
        long[][] s0 = new long[bw][4];
        long[][] s1 = new long[bw][4];
        double ssim = 0;
        int z = 0;
        for (int y = 1; y < bh; y++) {
            for (; z <= y; z++) {
                long[][] t = s0;
                s0 = s1;
                s1 = t;
                for (int x = 0; x < bw; x++) {
                    long[] out = s1[x];
                    java.util.Arrays.fill(out, 0);
                    int o0 = off + 4 * z * w + 4 * x;
                    for (int yy = 0; yy < 4; yy++) {
                        for (int xx = 0; xx < 4; xx++) {
                            long p = a[o0 + yy * w + xx] & 0xFFFF;
                            long q = b[o0 + yy * w + xx] & 0xFFFF;
                            out[0] += p;
                            out[1] += q;
                            out[2] += p * p + q * q;
                            out[3] += p * q;
                        }
                    }
                }
            }
            for (int x = 0; x < bw - 1; x++) {
                double fs1 = s0[x][0] + s0[x + 1][0] + s1[x][0] + s1[x + 1][0];
                double fs2 = s0[x][1] + s0[x + 1][1] + s1[x][1] + s1[x + 1][1];
                double fss = s0[x][2] + s0[x + 1][2] + s1[x][2] + s1[x + 1][2];
                double fs12 = s0[x][3] + s0[x + 1][3] + s1[x][3] + s1[x + 1][3];
                double vars = fss * 64 - fs1 * fs1 - fs2 * fs2;
                double covar = fs12 * 64 - fs1 * fs2;
                ssim += (2 * fs1 * fs2 + c1) * (2 * covar + c2) / ((fs1 * fs1 + fs2 * fs2 + c1) * (vars + c2));
            }
        }
        return ssim / ((double) (bh - 1) * (bw - 1));
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
