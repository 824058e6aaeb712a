package org.lumaflow.engine.internal.nodes;

/**
 * The lane loops of {@link BlurPass}, written so that C2 vectorizes them: plain counted loops over distinct arrays,
 * each array stored at one index expression. A column of {@code n} pixels is held as {@code 4 * n} float lanes,
 * channel-major: {@code lane = channel * n + pixel}.
 * <p>
 * Floats are exact here: lanes hold integers 0..255 and kernel weights are integers summing to 2^14, so every
 * product and partial sum is an integer below 2^22 &lt; 2^24; the result equals the integer sum whatever the order
 * of the additions. (Plain multiply-adds on purpose: {@code Math.fma} falls back to BigDecimal without FMA hardware.)
 */
final class BlurLanes {

    /** Rounding offset (1/2 in 14-bit fixed point), added before scaling by 2^-14 and truncating. */
    private static final float HALF = 1 << 13;
    private static final float SCALE = 1f / (1 << 14);

    private BlurLanes() {
    }

    /**
     * Splits {@code n} packed pixels into channel lanes, premultiplied when asked: {@link Pixels#premultiply}
     * without its branches, since {@code div255(c * a)} also gives 0 for a = 0 and c for a = 255.
     */
    static void split(int[] px, float[] col, int n, boolean premultiply) {
        // one loop per channel: C2 does not vectorize stores at several variable offsets in one loop
        if (premultiply) {
            for (int j = 0; j < n; j++) {
                col[j] = Pixels.div255((px[j] & 0xFF) * (px[j] >>> 24));
            }
            for (int j = 0; j < n; j++) {
                col[n + j] = Pixels.div255(((px[j] >> 8) & 0xFF) * (px[j] >>> 24));
            }
            for (int j = 0; j < n; j++) {
                col[2 * n + j] = Pixels.div255(((px[j] >> 16) & 0xFF) * (px[j] >>> 24));
            }
        } else {
            for (int j = 0; j < n; j++) {
                col[j] = px[j] & 0xFF;
            }
            for (int j = 0; j < n; j++) {
                col[n + j] = (px[j] >> 8) & 0xFF;
            }
            for (int j = 0; j < n; j++) {
                col[2 * n + j] = (px[j] >> 16) & 0xFF;
            }
        }
        for (int j = 0; j < n; j++) {
            col[3 * n + j] = px[j] >>> 24;
        }
    }

    /**
     * Kernel sums for the columns at {@code window[r]} and {@code window[r + 1]}: {@code acc = HALF + k[0] * centre
     * + sum k[i] * (left_i + right_i)} over {@code lanes}. The (r % 3) innermost pairs go with the centre, then three
     * pairs per loop; the two outputs share 8 column reads for 6 pairs, which saves cache bandwidth.
     */
    static void convolve(float[][] window, float[] k, int r, float[] acc0, float[] acc1, int lanes) {
        float[] c0 = window[r];
        float[] c1 = window[r + 1];
        float k0 = k[0];
        int m = r % 3;
        if (m == 0) {
            for (int l = 0; l < lanes; l++) {
                acc0[l] = c0[l] * k0 + HALF;
                acc1[l] = c1[l] * k0 + HALF;
            }
        } else {
            float k1 = k[1];
            float k2 = m == 2 ? k[2] : 0; // with one pair, the second is read with weight 0
            float[] v2 = window[r - 2 + (2 - m)];
            float[] v1 = window[r - 1];
            float[] u2 = window[r + 2];
            float[] u3 = window[r + 3 - (2 - m)];
            for (int l = 0; l < lanes; l++) {
                float x0 = c0[l];
                float x1 = c1[l];
                acc0[l] = x0 * k0 + HALF + (v1[l] + x1) * k1 + (v2[l] + u2[l]) * k2;
                acc1[l] = x1 * k0 + HALF + (x0 + u2[l]) * k1 + (v1[l] + u3[l]) * k2;
            }
        }
        for (int i = m + 1; i < r; i += 3) {
            float k1 = k[i];
            float k2 = k[i + 1];
            float k3 = k[i + 2];
            // output x pairs (r - i - d, r + i + d), output x + 1 pairs (r + 1 - i - d, r + 1 + i + d), d = 0..2
            float[] v0 = window[r + 1 - i];
            float[] v1 = window[r - i];
            float[] v2 = window[r - i - 1];
            float[] v3 = window[r - i - 2];
            float[] u0 = window[r + i];
            float[] u1 = window[r + i + 1];
            float[] u2 = window[r + i + 2];
            float[] u3 = window[r + i + 3];
            for (int l = 0; l < lanes; l++) {
                float a0 = v0[l];
                float a1 = v1[l];
                float a2 = v2[l];
                float a3 = v3[l];
                float b0 = u0[l];
                float b1 = u1[l];
                float b2 = u2[l];
                float b3 = u3[l];
                acc0[l] = acc0[l] + (a1 + b0) * k1 + (a2 + b1) * k2 + (a3 + b2) * k3;
                acc1[l] = acc1[l] + (a0 + b1) * k1 + (a1 + b2) * k2 + (a2 + b3) * k3;
            }
        }
    }

    /**
     * Rounds the {@code 4 * n} lanes of {@code acc} to 8 bits and packs them into {@code n} pixels; {@code inv}
     * ({@code n} floats) is scratch for {@link #unpremultiply}.
     */
    static void round(float[] acc, int[] pixels, float[] inv, int n, boolean unpremultiply) {
        if (!unpremultiply) {
            for (int j = 0; j < n; j++) {
                pixels[j] = (int) (acc[j] * SCALE) | (int) (acc[n + j] * SCALE) << 8
                        | (int) (acc[2 * n + j] * SCALE) << 16 | (int) (acc[3 * n + j] * SCALE) << 24;
            }
            return;
        }
        // a loop per channel: C2 does not vectorize them together
        for (int j = 0; j < n; j++) {
            pixels[j] = (int) (acc[3 * n + j] * SCALE) << 24;
        }
        for (int j = 0; j < n; j++) {
            inv[j] = 1f / (pixels[j] >>> 24); // +Inf for a = 0
        }
        for (int j = 0; j < n; j++) {
            pixels[j] |= unpremultiply((int) (acc[j] * SCALE), pixels[j] >>> 24, inv[j]);
        }
        for (int j = 0; j < n; j++) {
            pixels[j] |= unpremultiply((int) (acc[n + j] * SCALE), pixels[j] >>> 24, inv[j]) << 8;
        }
        for (int j = 0; j < n; j++) {
            pixels[j] |= unpremultiply((int) (acc[2 * n + j] * SCALE), pixels[j] >>> 24, inv[j]) << 16;
        }
    }

    /**
     * One channel of {@link Pixels#unpremultiply}: {@code min(255, (c * 255 + a / 2) / a)}, or 0 when a = 0, given
     * {@code inv = 1f / a}; without branches or integer division. With N = c * 255 + a / 2 &lt; 2^16, the exact
     * (N + 1/2) / a lies at least 1/(2a) away from an integer, and the float product (two roundings, relative error
     * under 2^-23) is within 2^-7 / a of it, so truncating gives floor(N / a) exactly.
     */
    static int unpremultiply(int c, int a, float inv) {
        int q = (int) ((c * 255 + (a >> 1) + 0.5f) * inv); // a = 0: +Inf, saturates, masked below
        int nonzero = -((a | -a) >>> 31);
        return Math.min(255, q) & nonzero;
    }
}
