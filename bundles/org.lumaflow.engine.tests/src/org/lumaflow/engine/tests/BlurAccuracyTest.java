package org.lumaflow.engine.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.tests.support.Fixture;

/**
 * The Gaussian blur node, rendered through the engine, against a double-precision separable reference (clamped
 * edges) over the whole frame: within one code value everywhere, well under half a code value on average. (Odd sizes,
 * transparency and the plain-Java kernels: GaussianBlurTest.)
 */
class BlurAccuracyTest {

    static final int W = 480;
    static final int H = 270;
    static Fixture fx;

    @BeforeAll
    static void setUp() {
        fx = new Fixture();
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 2, 3, 5, 8, 12, 20, 32, 64, 100})
    void matchesTheExactGaussian(double sigma) throws Exception {
        Graph g = new Graph();
        g.add("zp", "core.zone_plate").set("frequency", 0.02);
        g.add("blur", "core.gaussian_blur").set("radius", sigma);
        g.connect("zp", "blur", "source");
        int[] src = new int[W * H];
        Graph source = new Graph();
        source.add("zp", "core.zone_plate").set("frequency", 0.02);
        try (RenderResult in = fx.engine.compile(source.output("zp"), null).render(0, W, H, 1)) {
            for (int i = 0; i < W * H; i++) {
                src[i] = in.frame().buffer().get(i * 4) & 0xFF; // grey: R = G = B, opaque
            }
        }
        double[] ref = gaussian(src, sigma);
        int margin = 0;
        double max = 0;
        double sum = 0;
        long n = 0;
        try (RenderResult out = fx.engine.compile(g.output("blur"), null).render(0, W, H, 1)) {
            Frame f = out.frame();
            for (int y = margin; y < H - margin; y++) {
                for (int x = margin; x < W - margin; x++) {
                    double d = Math.abs((f.buffer().get((y * W + x) * 4) & 0xFF) - ref[y * W + x]);
                    max = Math.max(max, d);
                    sum += d;
                    n++;
                }
            }
        }
        double mean = sum / n;
        System.out.printf("blur sigma %.1f: max %.3f mean %.3f code values%n", sigma, max, mean);
        assertTrue(max <= 1 && mean <= 0.3, "sigma " + sigma + ": max " + max + ", mean " + mean);
    }

    /** Separable Gaussian in doubles with clamped edges. */
    static double[] gaussian(int[] img, double sigma) {
        int r = (int) Math.ceil(6 * sigma) + 1;
        double[] k = new double[2 * r + 1];
        double total = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            total += k[i + r];
        }
        double[] tmp = new double[W * H];
        double[] out = new double[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * img[y * W + Math.max(0, Math.min(W - 1, x + i))];
                }
                tmp[y * W + x] = s / total;
            }
        }
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * tmp[Math.max(0, Math.min(H - 1, y + i)) * W + x];
                }
                out[y * W + x] = s / total;
            }
        }
        return out;
    }
}
