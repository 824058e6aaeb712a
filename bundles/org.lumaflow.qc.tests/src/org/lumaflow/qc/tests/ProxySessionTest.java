package org.lumaflow.qc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.QcService;
import org.lumaflow.qc.SignalStats;
import org.lumaflow.qc.internal.ProxySession;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/**
 * A session (what exports feed) measures a 320x180 proxy of 1080p frames: its figures against a full-resolution
 * analysis of the same decoded frames (sampling error only), and no allocation when sampling.
 */
class ProxySessionTest {

    static QcService qc;
    static MediaService media;
    static Path clip;

    @BeforeAll
    static void setup() throws Exception {
        BundleContext bc = OsgiTests.startAll(ProxySessionTest.class);
        qc = service(bc, QcService.class);
        media = service(bc, MediaService.class);
        Path dir = Files.createTempDirectory("lumaflow-proxy");
        // black 2.2 s, moving pattern 1.6 s, still bars 2.4 s (a freeze), moving pattern 1.2 s
        clip = dir.resolve("events.mp4");
        QcAgainstFFmpegTest.ffmpeg("-loglevel", "error", "-f", "lavfi", "-i", "color=black:s=1920x1080:r=25:d=2.2",
                "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=25:d=1.6", "-f", "lavfi", "-i",
                "smptebars=s=1920x1080:r=25:d=2.4", "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=25:d=1.2",
                "-filter_complex", "[0][1][2][3]concat=n=4:v=1[v]", "-map", "[v]", "-pix_fmt", "yuv420p", "-c:v",
                "mpeg4", "-q:v", "2", clip.toString());
    }

    private static <T> T service(BundleContext bc, Class<T> type) throws InterruptedException {
        return OsgiTests.service(bc, type);
    }

    @Test
    void proxyFiguresAgreeWithFullResolution() throws Exception {
        QcOptions o = QcOptions.defaults().withoutAudio();
        QcReport full = qc.analyze(clip, o, null);
        QcService.Session s = qc.session(clip.toString(), 1920, 1080, 25, o);
        FrameRate rate = FrameRate.FPS_25;
        try (FramePool pool = new FramePool();
                VideoSource src = media.openVideoYuv(clip, PixelFormat.I420, pool, 4)) {
            for (int k = 0; k < full.frames().size(); k++) {
                long t = rate.frameToTicks(k);
                Frame f = src.frame(t);
                try {
                    s.add(f, k / 25.0);
                } finally {
                    f.release();
                }
            }
        }
        ProxySession ps = (ProxySession) s;
        assertEquals(6, ps.step());
        assertEquals(320, ps.proxyWidth());
        assertEquals(180, ps.proxyHeight());
        QcReport proxy = s.finish();
        assertEquals(1920, proxy.width());
        assertEquals(full.frames().size(), proxy.frames().size());
        double[] worst = new double[6];
        for (int i = 0; i < full.frames().size(); i++) {
            SignalStats a = full.frames().get(i);
            SignalStats b = proxy.frames().get(i);
            worst[0] = Math.max(worst[0], Math.abs(a.yAvg() - b.yAvg()));
            worst[1] = Math.max(worst[1], Math.max(Math.abs(a.yLow() - b.yLow()), Math.abs(a.yHigh() - b.yHigh())));
            worst[2] = Math.max(worst[2], Math.max(Math.abs(a.uAvg() - b.uAvg()), Math.abs(a.vAvg() - b.vAvg())));
            worst[3] = Math.max(worst[3], Math.abs(a.satAvg() - b.satAvg()));
            worst[4] = Math.max(worst[4], Math.abs(a.yDiff() - b.yDiff()));
            worst[5] = Math.max(worst[5], Math.abs(a.outOfRange() - b.outOfRange()));
        }
        System.out.println("proxy vs full, max |diff|: YAVG " + worst[0] + ", YLOW/YHIGH " + worst[1]
                + ", UAVG/VAVG " + worst[2] + ", SATAVG " + worst[3] + ", YDIF " + worst[4] + ", BRNG " + worst[5]);
        assertTrue(worst[0] <= 0.5, "YAVG within 0.5: " + worst[0]);
        assertTrue(worst[1] <= 2, "YLOW/YHIGH within 2: " + worst[1]);
        assertTrue(worst[2] <= 0.5, "UAVG/VAVG within 0.5: " + worst[2]);
        assertTrue(worst[3] <= 0.5, "SATAVG within 0.5: " + worst[3]);
        assertTrue(worst[4] <= 0.5, "YDIF within 0.5: " + worst[4]);
        assertTrue(worst[5] <= 0.005, "BRNG within 0.5%: " + worst[5]);
        long fullPixels = java.util.Arrays.stream(full.luma()).sum();
        long proxyPixels = java.util.Arrays.stream(proxy.luma()).sum();
        assertEquals(fullPixels, proxyPixels, fullPixels * 1e-6, "luma histogram scaled to the picture");
        for (String type : new String[] {"black", "freeze", "scene"}) {
            List<QcEvent> a = full.events(type);
            List<QcEvent> b = proxy.events(type);
            assertEquals(a.size(), b.size(), type + ": full " + a + ", proxy " + b);
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).start(), b.get(i).start(), 1 / 25.0 + 1e-9, type + " start " + i);
                assertEquals(a.get(i).end(), b.get(i).end(), 1 / 25.0 + 1e-9, type + " end " + i);
            }
        }
        assertEquals(1, proxy.events("black").size());
        assertEquals(1, proxy.events("freeze").stream().filter(e -> e.start() > 3).count(), proxy.events()
                .toString());
    }

    /**
     * Feeding a frame allocates only the analysis's per-frame record (the report's {@link SignalStats} and its
     * fingerprint, ~0.6 KB): no pixel buffer, no copy of the frame.
     */
    @Test
    void feedingAllocatesOnlyTheFramesStatistics() throws Exception {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Method allocated = ClassLoader.getPlatformClassLoader().loadClass("com.sun.management.ThreadMXBean")
                .getMethod("getCurrentThreadAllocatedBytes");
        QcService.Session s = qc.session("alloc", 1920, 1080, 25, QcOptions.defaults());
        try (FramePool pool = new FramePool()) {
            for (PixelFormat fmt : new PixelFormat[] {PixelFormat.I420, PixelFormat.NV12}) {
                Frame f = pool.lease(new FrameKey(1920, 1080, fmt, Usage.ENCODE));
                f.fill((byte) 100);
                int k = 0;
                for (; k < 300; k++) {
                    s.add(f, k / 25.0);
                }
                long before = (Long) allocated.invoke(bean);
                long after0 = (Long) allocated.invoke(bean);
                for (int i = 0; i < 200; i++, k++) {
                    s.add(f, k / 25.0);
                }
                long after = (Long) allocated.invoke(bean);
                long perFrame = (after - after0 - (after0 - before)) / 200;
                System.out.println(fmt + ": " + perFrame + " bytes allocated per 1080p frame fed");
                assertTrue(perFrame <= 1024, fmt + ": bytes allocated per frame fed: " + perFrame);
                f.release();
            }
        }
    }
}
