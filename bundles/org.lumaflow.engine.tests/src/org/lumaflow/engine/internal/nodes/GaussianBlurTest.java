package org.lumaflow.engine.internal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GaussianBlur} against an exact double-precision convolution (sampled Gaussian out to 6 sigma, edges
 * repeated) of the premultiplied input, over the whole frame: alpha and premultiplied colour within one code value.
 * Both the Vector API kernels and the plain loops, which must give identical bytes.
 */
class GaussianBlurTest {

    static final double[] SIGMAS = {0.3, 0.5, 1, 1.5, 1.99, 2, 3, 4, 8, 16, 32, 64, 100};

    /**
     * Opaque noise, opaque/transparent blocks, random alpha (semi-transparent), and opaque noise on the left half with
     * random alpha on the right (the blur's opaque chunks next to translucent ones).
     */
    static int[] content(int w, int h, int kind, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            int x = i % w;
            int y = i / w;
            int v = rnd.nextInt();
            px[i] = switch (kind) {
                case 0 -> v | 0xFF000000;
                case 1 -> (x / 5 + y / 3) % 2 == 0 ? v | 0xFF000000 : v & 0x00FFFFFF;
                case 3 -> x < w / 2 ? v | 0xFF000000 : v;
                default -> v;
            };
        }
        return px;
    }

    static ByteBuffer buffer(long bytes) {
        return ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
    }

    static ByteBuffer image(int[] px) {
        ByteBuffer b = buffer(4L * px.length);
        b.asIntBuffer().put(px);
        return b;
    }

    /** Channel {@code c} of the premultiplied image ({@link Pixels#premultiply}), blurred exactly. */
    static double[] exact(int[] px, int w, int h, int c, double sigma) {
        int r = (int) Math.ceil(6 * sigma) + 1;
        double[] k = new double[2 * r + 1];
        double total = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-(double) i * i / (2 * sigma * sigma));
            total += k[i + r];
        }
        double[] in = new double[w * h];
        for (int i = 0; i < in.length; i++) {
            in[i] = (Pixels.premultiply(px[i]) >>> (8 * c)) & 0xFF;
        }
        double[] tmp = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * in[y * w + Math.max(0, Math.min(w - 1, x + i))];
                }
                tmp[y * w + x] = s / total;
            }
        }
        double[] out = new double[w * h];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * tmp[Math.max(0, Math.min(h - 1, y + i)) * w + x];
                }
                out[y * w + x] = s / total;
            }
        }
        return out;
    }

    /** The largest difference over {@code channels} between the blurred frame (premultiplied back) and the exact one. */
    static double error(int[] px, ByteBuffer out, int w, int h, double sigma, int channels) {
        double max = 0;
        for (int c = 0; c < channels; c++) {
            double[] ref = exact(px, w, h, c == 0 ? 3 : c - 1, sigma);
            int shift = 8 * (c == 0 ? 3 : c - 1);
            for (int i = 0; i < w * h; i++) {
                int got = (Pixels.premultiply(out.getInt(4 * i)) >>> shift) & 0xFF;
                max = Math.max(max, Math.abs(got - ref[i]));
            }
        }
        return max;
    }

    static ByteBuffer blur(GaussianBlur g, int[] px, int w, int h, double sigma) {
        ByteBuffer out = buffer(4L * w * h);
        g.blur(image(px), buffer(GaussianBlur.scratchBytes(w, h)), out, w, h, sigma);
        return out;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.5, 1, 1.5, 1.99, 2, 3, 4, 8, 16, 32, 64, 100})
    void withinOneCodeValueOfTheExactGaussian(double sigma) {
        GaussianBlur simd = new GaussianBlur(true);
        GaussianBlur plain = new GaussianBlur(false);
        assertTrue(simd.usesVectorApi(), "the test JVM adds jdk.incubator.vector (see lumaflow.test.vmargs)");
        int[][] sizes = {{1, 1}, {3, 7}, {17, 1}, {1, 23}, {161, 97}, {64, 48}};
        for (int[] size : sizes) {
            int w = size[0];
            int h = size[1];
            for (int kind = 0; kind < 4; kind++) {
                int[] px = content(w, h, kind, 31L * w + h + kind);
                ByteBuffer a = blur(simd, px, w, h, sigma);
                ByteBuffer b = blur(plain, px, w, h, sigma);
                assertEquals(b, a, "Vector API and plain loops differ: " + w + "x" + h + " sigma " + sigma);
                double err = error(px, a, w, h, sigma, 4);
                assertTrue(err <= 1, w + "x" + h + " content " + kind + " sigma " + sigma + ": " + err);
            }
        }
    }

    /** A full HD frame with odd sizes, opaque grey noise and stripes; red channel against the exact blur. */
    @ParameterizedTest
    @ValueSource(doubles = {1, 2, 8, 100})
    void oddFullHdFrame(double sigma) {
        int w = 1921;
        int h = 1081;
        int[] px = new int[w * h];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < px.length; i++) {
            int v = ((i % w) / 40 + (i / w) / 30) % 2 == 0 ? rnd.nextInt(256) : 255 - rnd.nextInt(32);
            px[i] = 0xFF000000 | v * 0x010101;
        }
        ByteBuffer out = blur(new GaussianBlur(), px, w, h, sigma);
        double err = error(px, out, w, h, sigma, 2);
        System.out.printf("gaussian 1921x1081 sigma %.0f: max error %.3f code values%n", sigma, err);
        assertTrue(err <= 1, "sigma " + sigma + ": " + err);
    }

    /**
     * Steady state allocates nothing but the worker hand-off of Parallel.rows (a few small objects a pass). Until C2
     * has compiled the Vector API kernels, they box their vectors: warm up first.
     */
    @Test
    void allocatesNothingPerFrame() {
        int w = 320;
        int h = 192;
        GaussianBlur g = new GaussianBlur();
        ByteBuffer src = image(content(w, h, 2, 1));
        ByteBuffer mid = buffer(GaussianBlur.scratchBytes(w, h));
        ByteBuffer dst = buffer(4L * w * h);
        for (int i = 0; i < 600; i++) {
            g.blur(src, mid, dst, w, h, i % 2 == 0 ? 8 : 1);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 20; i++) {
            g.blur(src, mid, dst, w, h, 8);
        }
        long perFrame = (mx.getCurrentThreadAllocatedBytes() - before) / 20;
        System.out.println("gaussian blur: " + perFrame + " bytes allocated per frame on the calling thread");
        assertTrue(perFrame < 1024, perFrame + " bytes per frame");
    }
}
