package org.lumaflow.qc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The Vector API frame difference equals the plain loop, at any offset and length, extremes included, and allocates
 * nothing once compiled (a kernel left on the Vector API's boxing fallback allocates per vector).
 */
class SadTest {

    @Test
    void simdEqualsPlainLoops() {
        assertTrue(Sad.BEST instanceof SadSimd, "the test JVM adds jdk.incubator.vector: " + Sad.BEST);
        Random r = new Random(7);
        byte[] a = new byte[300_000];
        byte[] b = new byte[a.length];
        r.nextBytes(a);
        r.nextBytes(b);
        for (int i = 0; i < 70_000; i++) { // a long run of 0 vs 255 (the largest difference, every lane full)
            a[i] = 0;
            b[i] = (byte) 255;
        }
        Sad plain = new Sad();
        for (int[] range : new int[][] {{0, a.length}, {0, 70_000}, {3, 97}, {1, 1}, {5, 6}, {12_345, 299_999}}) {
            assertEquals(plain.sum(a, b, range[0], range[1]), Sad.BEST.sum(a, b, range[0], range[1]),
                    range[0] + ".." + range[1]);
        }
        assertEquals(70_000L * 255, Sad.BEST.sum(a, b, 0, 70_000));
    }

    @Test
    void allocatesNothingOnceCompiled() {
        // short calls, a 480x270 proxy row each: the kernel is then compiled after few, short calls (QC itself sums
        // a band at a time)
        int w = 480;
        int h = 270;
        byte[] a = new byte[w * h];
        byte[] b = new byte[a.length];
        new Random(3).nextBytes(a);
        new Random(4).nextBytes(b);
        long sink = 0;
        for (int i = 0; i < 200; i++) {
            for (int y = 0; y < h; y++) {
                sink += Sad.BEST.sum(a, b, y * w, y * w + w);
            }
        }
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 30; i++) {
            for (int y = 0; y < h; y++) {
                sink += Sad.BEST.sum(a, b, y * w, y * w + w);
            }
        }
        sink += Sad.BEST.sum(a, b, 0, a.length);
        long bytes = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(bytes < 16 * 1024, "30 frames of differences allocated " + bytes + " bytes (sum " + sink + ")");
    }
}
