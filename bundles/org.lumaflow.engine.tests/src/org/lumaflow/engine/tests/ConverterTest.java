package org.lumaflow.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.internal.convert.BuiltinConverters;
import org.lumaflow.engine.internal.convert.RgbaToI420;
import org.lumaflow.engine.internal.convert.RgbaToNv12;
import org.lumaflow.engine.internal.registry.ConverterRegistryImpl;
import org.lumaflow.engine.registry.ConverterRegistry;
import org.lumaflow.engine.registry.PixelConverter;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

class ConverterTest {

    private static final int W = 64;
    private static final int H = 36;

    private static ConverterRegistryImpl registry() {
        ConverterRegistryImpl r = new ConverterRegistryImpl();
        BuiltinConverters.all().forEach(c -> r.register(c, 0));
        return r;
    }

    private static void fillRandom(Frame f, long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < f.width() * f.height(); i++) {
            f.buffer().putInt(i * 4, rnd.nextInt() | 0xFF000000);
        }
    }

    private static double yRef(int r, int g, int b) {
        return 16 + 219 * (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    }

    @Test
    void nv12MatchesTheBt709FormulaWithinOne() {
        try (FramePool pool = new FramePool(FramePool.Config.defaults().withLeakTracking(true))) {
            PixelConverter c = registry().find(PixelFormat.RGBA8, PixelFormat.NV12);
            try (Frame src = pool.lease(FrameKey.rgba(W, H));
                    Frame dst = pool.lease(new FrameKey(W, H, PixelFormat.NV12, Usage.ENCODE))) {
                fillRandom(src, 42);
                c.convert(src, dst);
                for (int y = 0; y < H; y += 2) {
                    for (int x = 0; x < W; x += 2) {
                        double r4 = 0, g4 = 0, b4 = 0;
                        for (int k = 0; k < 4; k++) {
                            int px = src.buffer().getInt(((y + k / 2) * W + x + k % 2) * 4);
                            int r = px & 0xFF, g = (px >> 8) & 0xFF, b = (px >> 16) & 0xFF;
                            double yr = yRef(r, g, b);
                            int got = dst.buffer().get((y + k / 2) * W + x + k % 2) & 0xFF;
                            assertTrue(Math.abs(got - yr) <= 0.51, "Y at " + x + "," + y + ": " + got + " vs " + yr);
                            r4 += r;
                            g4 += g;
                            b4 += b;
                        }
                        double yl = 0.2126 * r4 / 4 + 0.7152 * g4 / 4 + 0.0722 * b4 / 4;
                        double cb = 128 + 224 * (b4 / 4 - yl) / 1.8556 / 255;
                        double cr = 128 + 224 * (r4 / 4 - yl) / 1.5748 / 255;
                        int off = W * H + (y / 2) * W + x;
                        assertTrue(Math.abs((dst.buffer().get(off) & 0xFF) - cb) <= 1, "Cb");
                        assertTrue(Math.abs((dst.buffer().get(off + 1) & 0xFF) - cr) <= 1, "Cr");
                    }
                }
            }
            pool.checkNoLeaks();
        }
    }

    @Test
    void knownColoursAndI420AgreesWithNv12() {
        try (FramePool pool = new FramePool()) {
            ConverterRegistryImpl reg = registry();
            Frame src = pool.lease(FrameKey.rgba(4, 2));
            // two uniform 2x2 blocks: white (columns 0-1) and red (columns 2-3)
            for (int i = 0; i < 8; i++) {
                src.buffer().putInt(i * 4, (i % 4) < 2 ? 0xFFFFFFFF : 0xFF0000FF);
            }
            Frame nv = pool.lease(new FrameKey(4, 2, PixelFormat.NV12, Usage.ENCODE));
            Frame i420 = pool.lease(new FrameKey(4, 2, PixelFormat.I420, Usage.ENCODE));
            reg.find(PixelFormat.RGBA8, PixelFormat.NV12).convert(src, nv);
            reg.find(PixelFormat.RGBA8, PixelFormat.I420).convert(src, i420);
            assertEquals(235, nv.buffer().get(0) & 0xFF, "white Y");
            assertEquals(63, nv.buffer().get(2) & 0xFF, "red Y");
            assertEquals(128, nv.buffer().get(8) & 0xFF, "white Cb");
            assertEquals(128, nv.buffer().get(9) & 0xFF, "white Cr");
            assertEquals(102, nv.buffer().get(10) & 0xFF, "red Cb");
            assertEquals(240, nv.buffer().get(11) & 0xFF, "red Cr");
            for (int i = 0; i < 8; i++) {
                assertEquals(nv.buffer().get(i), i420.buffer().get(i), "Y planes agree");
            }
            assertEquals(nv.buffer().get(10), i420.buffer().get(9), "Cb");
            assertEquals(nv.buffer().get(11), i420.buffer().get(11), "Cr");
            Frame gray = pool.lease(new FrameKey(4, 2, PixelFormat.GRAY8, Usage.RENDER));
            reg.find(PixelFormat.RGBA8, PixelFormat.GRAY8).convert(src, gray);
            assertEquals(255, gray.buffer().get(0) & 0xFF);
            assertEquals(54, gray.buffer().get(2) & 0xFF, "0.2126 * 255");
            assertThrows(IllegalArgumentException.class,
                    () -> reg.find(PixelFormat.RGBA8, PixelFormat.NV12).convert(src, i420));
            src.release();
            nv.release();
            i420.release();
            gray.release();
        }
    }

    @Test
    void vectorApiPathIsUsedAndBitIdenticalToPlainLoops() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "the test JVM adds jdk.incubator.vector (see lumaflow.test.vmargs)");
        for (boolean nv12 : new boolean[] {true, false}) {
            PixelConverter simd = nv12 ? new RgbaToNv12(true) : new RgbaToI420(true);
            PixelConverter plain = nv12 ? new RgbaToNv12(false) : new RgbaToI420(false);
            assertTrue(nv12 ? ((RgbaToNv12) simd).usesVectorApi() : ((RgbaToI420) simd).usesVectorApi());
            assertFalse(nv12 ? ((RgbaToNv12) plain).usesVectorApi() : ((RgbaToI420) plain).usesVectorApi());
            PixelFormat fmt = simd.to();
            try (FramePool pool = new FramePool()) {
                for (int[] size : new int[][] {{1920, 1080}, {98, 6}, {2, 2}, {34, 18}}) {
                    try (Frame src = pool.lease(FrameKey.rgba(size[0], size[1]));
                            Frame a = pool.lease(new FrameKey(size[0], size[1], fmt, Usage.ENCODE));
                            Frame b = pool.lease(new FrameKey(size[0], size[1], fmt, Usage.ENCODE))) {
                        fillRandom(src, size[0]);
                        simd.convert(src, a);
                        plain.convert(src, b);
                        assertEquals(0, a.buffer().mismatch(b.buffer()) == -1 ? 0 : 1,
                                fmt + " " + size[0] + "x" + size[1] + " differs at byte " + a.buffer().mismatch(b.buffer()));
                    }
                }
            }
        }
    }

    @Test
    void convertersAreRegisteredThroughDs() throws Exception {
        Bundle self = FrameworkUtil.getBundle(ConverterTest.class);
        if (self.getState() != Bundle.ACTIVE) {
            self.start();
        }
        ServiceTracker<ConverterRegistry, ConverterRegistry> t =
                new ServiceTracker<>(self.getBundleContext(), ConverterRegistry.class, null);
        t.open();
        ConverterRegistry reg = t.waitForService(10_000);
        assertNotNull(reg);
        long deadline = System.currentTimeMillis() + 5000;
        while (reg.find(PixelFormat.RGBA8, PixelFormat.NV12) == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertEquals("core.rgba_to_nv12", reg.find(PixelFormat.RGBA8, PixelFormat.NV12).id());
        assertEquals(4, reg.all().size());
        t.close();
    }
}
