package org.lumaflow.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.qc.QcService;
import org.lumaflow.testsupport.OsgiTests;

/**
 * The export's QC feed: it holds none of the encoder's frames, and a frame costs only the analysis's per-frame record
 * (the report's statistics, ~0.6 KB): no pixel buffer or copy per frame.
 */
class QcFeedTest {

    @TempDir
    Path dir;

    static QcService qc() throws Exception {
        return OsgiTests.service(OsgiTests.startAll(QcFeedTest.class), QcService.class);
    }

    @Test
    void feedingHoldsNoEncoderFrameAndAllocatesNoPixels() throws Exception {
        QcService qc = qc();
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Method allocated = ClassLoader.getPlatformClassLoader().loadClass("com.sun.management.ThreadMXBean")
                .getMethod("getCurrentThreadAllocatedBytes");
        try (FramePool pool = new FramePool()) {
            for (PixelFormat fmt : new PixelFormat[] {PixelFormat.I420, PixelFormat.NV12}) {
                Frame f = pool.lease(new FrameKey(1920, 1080, fmt, Usage.ENCODE));
                for (int i = 0; i < f.buffer().capacity(); i++) {
                    f.buffer().put(i, (byte) (i * 31 + (i >> 11)));
                }
                QcFeed feed = new QcFeed(qc, "feed test", 1920, 1080, 25, null);
                int k = 0;
                for (; k < 300; k++) { // warm up (JIT, the proxy pool)
                    assertTrue(feed.add(f, k / 25.0), "QC kept up");
                }
                long before = (Long) allocated.invoke(bean);
                long after0 = (Long) allocated.invoke(bean);
                for (int n = 0; n < 200; n++, k++) {
                    feed.add(f, k / 25.0);
                }
                long after = (Long) allocated.invoke(bean);
                assertEquals(1, f.refCount(), "the feed keeps no reference to the encoder's frame");
                long perFrame = (after - after0 - (after0 - before)) / 200;
                System.out.println(fmt + ": " + perFrame + " bytes allocated per frame by the QC feed");
                assertTrue(perFrame <= 1024, fmt + ": bytes allocated per frame on the encoder thread: " + perFrame);
                String[] note = {null};
                Path out = dir.resolve(fmt + ".mp4");
                Path html = feed.finish(qc, out, note);
                assertNull(note[0]);
                assertEquals(out.resolveSibling(fmt + ".mp4.qc.html"), html);
                String json = Files.readString(out.resolveSibling(fmt + ".mp4.qc.json"));
                assertEquals(500, json.split("\"YAVG\"", -1).length - 1, "every frame analysed");
                assertTrue(json.matches("(?s).*\"width\"\\s*:\\s*1920.*"), json.substring(0, 200));
                f.release();
            }
        }
    }
}
