package org.lumaflow.engine.internal.nodes;

import org.lumaflow.core.internal.VectorApi;

/**
 * The lane kernels of {@link IirPass} in plain Java; {@link IirLanesSimd} overrides them with the Vector API and
 * gives identical results (same operations in the same order). A strip of {@link #N} columns and {@code h} rows is
 * held as four channel planes of {@code plane} floats: channel c of pixel j of row r at {@code c * plane + r * N + j}
 * (filtered in place);
 * values are premultiplied colour and alpha in code values. Packed pixels are row-major: {@code px[r * N + j]}. Each
 * kernel loops over a whole strip and one channel, so that the Vector API versions compile as small loops.
 */
class IirLanes {

    /** Pixels per strip: two 256-bit vectors of floats, a 64-byte cache line of RGBA8 pixels. */
    static final int N = 16;
    /**
     * Adding 1.5 * 2^23 to a float in [-2^22, 2^22] rounds it to the nearest integer (ties to even), which is then
     * the low bits of the sum: {@code floatToRawIntBits(v + MAGIC) - MAGIC_BITS}. No float-to-int conversion (Java's
     * saturating one costs several instructions per vector).
     */
    static final float MAGIC = 12582912f;
    /** The bits of {@link #MAGIC}. */
    static final int MAGIC_BITS = 0x4B400000;
    /** 1 / 256: the 16-bit intermediate holds code values with 8 fraction bits. */
    static final float FRACTION = 1f / 256;

    private static final IirLanes BEST = choose();

    /** The Vector API kernels when the JVM has jdk.incubator.vector (and -Dlumaflow.simd.disable is not set). */
    static IirLanes best() {
        return BEST;
    }

    private static IirLanes choose() {
        if (VectorApi.wanted() && !"false".equals(System.getProperty("lumaflow.blur.simd"))) {
            try {
                IirLanes simd = new IirLanesSimd();
                if (simd.usable()) {
                    return simd;
                }
            } catch (LinkageError e) {
                // the module is there but this bundle cannot read it: plain loops
            }
        }
        return new IirLanes();
    }

    /** Whether these kernels run at full speed on this machine. */
    boolean usable() {
        return true;
    }

    /**
     * {@code h} rows of {@link #N} straight RGBA8 pixels, row r at {@code px[offset + r * stride]}, to premultiplied
     * channel planes ({@link Pixels#premultiply}).
     */
    void unpack(int[] px, int offset, int stride, float[] x, int h, int plane) {
        for (int i = 0; i < h * N; i++) {
            int p = px[offset + (i / N) * stride + i % N];
            int a = p >>> 24;
            x[i] = Pixels.div255((p & 0xFF) * a);
            x[plane + i] = Pixels.div255(((p >> 8) & 0xFF) * a);
            x[2 * plane + i] = Pixels.div255(((p >> 16) & 0xFF) * a);
            x[3 * plane + i] = a;
        }
    }

    /** 16-bit intermediate pixels (R | G &lt;&lt; 16 in {@code rg}, B | A &lt;&lt; 16 in {@code ba}) to planes. */
    void unpackWide(int[] rg, int[] ba, float[] x, int n, int plane) {
        for (int i = 0; i < n; i++) {
            x[i] = (rg[i] & 0xFFFF) * FRACTION;
            x[plane + i] = (rg[i] >>> 16) * FRACTION;
            x[2 * plane + i] = (ba[i] & 0xFFFF) * FRACTION;
            x[3 * plane + i] = (ba[i] >>> 16) * FRACTION;
        }
    }

    /**
     * The causal sections over the {@code h} rows of the plane at {@code base} into {@code y} (one plane at 0): the
     * sum of both sections. Before row 0 the input repeats row 0 and each section sits at its steady state for it.
     */
    void forward(float[] x, float[] y, int base, int h, float[] k) {
        float c0a = k[0], c1a = k[1], d1a = k[2], d2a = k[3];
        float c0b = k[4], c1b = k[5], d1b = k[6], d2b = k[7];
        for (int j = 0; j < N; j++) {
            float xp = x[base + j];
            float a1 = xp * k[12];
            float a2 = a1;
            float b1 = xp * k[13];
            float b2 = b1;
            for (int i = j; i < h * N; i += N) {
                float xn = x[base + i];
                float a = c0a * xn + c1a * xp + d2a * a2 + d1a * a1;
                float b = c0b * xn + c1b * xp + d2b * b2 + d1b * b1;
                y[i] = a + b;
                a2 = a1;
                a1 = a;
                b2 = b1;
                b1 = b;
                xp = xn;
            }
        }
    }

    /**
     * The anticausal sections added to the causal part {@code y}, written over the plane at {@code base} (each input
     * row is read before it is replaced); after the last row the input repeats the last row.
     */
    void backward(float[] x, float[] y, int base, int h, float[] k) {
        float e1a = k[8], e2a = k[9], d1a = k[2], d2a = k[3];
        float e1b = k[10], e2b = k[11], d1b = k[6], d2b = k[7];
        for (int j = 0; j < N; j++) {
            int last = (h - 1) * N + j;
            float x1 = x[base + last];
            float x2 = x1;
            float a1 = x1 * k[14];
            float a2 = a1;
            float b1 = x1 * k[15];
            float b2 = b1;
            for (int i = last; i >= 0; i -= N) {
                float a = e1a * x1 + e2a * x2 + d2a * a2 + d1a * a1;
                float b = e1b * x1 + e2b * x2 + d2b * b2 + d1b * b1;
                x2 = x1;
                x1 = x[base + i];
                x[base + i] = y[i] + (a + b);
                a2 = a1;
                a1 = a;
                b2 = b1;
                b1 = b;
            }
        }
    }

    /**
     * The plane at {@code base} convolved with the half kernel {@code g[0..r]}, rows clamped, through {@code y}
     * (one plane) and back.
     */
    void convolve(float[] x, float[] y, int base, int h, float[] g, int r) {
        for (int n = 0; n < h; n++) {
            int o = n * N;
            for (int j = 0; j < N; j++) {
                float acc = x[base + o + j] * g[0];
                for (int i = 1; i <= r; i++) {
                    int lo = base + Math.max(n - i, 0) * N;
                    int hi = base + Math.min(n + i, h - 1) * N;
                    acc = acc + (x[lo + j] + x[hi + j]) * g[i];
                }
                y[o + j] = acc;
            }
        }
        System.arraycopy(y, 0, x, base, h * N);
    }

    /** The planes to 16-bit intermediate pixels: {@code v * 256} rounded and clamped to 16 bits. */
    void packWide(float[] y, int n, int plane, int[] rg, int[] ba) {
        for (int i = 0; i < n; i++) {
            rg[i] = wide(y[i]) | wide(y[plane + i]) << 16;
            ba[i] = wide(y[2 * plane + i]) | wide(y[3 * plane + i]) << 16;
        }
    }

    private static int wide(float v) {
        return Math.min(Math.max(round(v * 256f), 0), 0xFFFF);
    }

    /** {@code v} rounded to the nearest integer (ties to even), for |v| &lt;= 2^22. */
    static int round(float v) {
        return Float.floatToRawIntBits(v + MAGIC) - MAGIC_BITS;
    }

    /**
     * The planes to straight RGBA8 pixels: premultiplied alpha and colour rounded to integers and clamped, then
     * colour divided by alpha ({@code min(255, round(c * (255 / a)))}, 0 for a = 0), which premultiplies back to
     * the same c. {@code tmp} ({@code plane} floats) is scratch.
     */
    void pack(float[] y, int n, int plane, int[] px, float[] tmp) {
        for (int i = 0; i < n; i++) {
            int a = Math.min(Math.max(round(y[3 * plane + i]), 0), 255);
            float inv = a == 0 ? 0f : 255f / a;
            int r = colour(y[i], inv);
            int g = colour(y[plane + i], inv);
            int b = colour(y[2 * plane + i], inv);
            px[i] = a << 24 | b << 16 | g << 8 | r;
        }
    }

    private static int colour(float v, float inv) {
        float c = Math.min(Math.max(round(v), 0), 255);
        return Math.min(round(c * inv), 255);
    }

    /**
     * Transposes rows {@code [t, t + rows)} of a packed strip {@code p} ({@link #N} pixels a row) into {@code tile}:
     * pixel (j, q) of the tile, column j of row t + q, at {@code tile[j * N + q]}.
     */
    void tile(int[] p, int t, int rows, int[] tile) {
        for (int q = 0; q < rows; q++) {
            for (int j = 0, i = (t + q) * N; j < N; j++, i++) {
                tile[j * N + q] = p[i];
            }
        }
    }

    /**
     * Rows {@code [0, rows)} of a strip {@code s} laid out column by column (pixel x of row j at {@code x * N + j},
     * {@code w} columns) into {@code d} row by row (row j at {@code j * w}; {@code d} holds {@code N * w}).
     */
    void unstrip(int[] s, int w, int rows, int[] d) {
        for (int j = 0; j < rows; j++) {
            for (int x = 0, i = j; x < w; x++, i += N) {
                d[j * w + x] = s[i];
            }
        }
    }
}
