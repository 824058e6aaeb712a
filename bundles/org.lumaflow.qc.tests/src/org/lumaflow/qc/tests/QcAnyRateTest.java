package org.lumaflow.qc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.QcService;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/** QC of a clip whose frame rate is not a whole number of ticks per frame (2997/125, as OpenCV's sample AVI). */
class QcAnyRateTest {

    static QcService qc;

    @TempDir
    Path dir;

    @BeforeAll
    static void setup() throws Exception {
        BundleContext bc = OsgiTests.startAll(QcAnyRateTest.class);
        qc = OsgiTests.service(bc, QcService.class);
    }

    /** Every frame is analysed at its own time: frame N of the counter clip is the flat grey 16 + 2N. */
    @Test
    void qcTakesA2997Over125Clip() throws Exception {
        Path avi = dir.resolve("rate2997-125.avi");
        int frames = 72; // 3.003 s
        QcAgainstFFmpegTest.ffmpeg("-f", "lavfi", "-i",
                "nullsrc=s=160x120:r=2997/125,format=yuv420p,geq=lum='16+2*N':cb=128:cr=128", "-frames:v",
                String.valueOf(frames), "-c:v", "mpeg4", "-q:v", "2", avi.toString());
        QcReport r = qc.analyze(avi, QcOptions.defaults(), null);
        FrameRate rate = new FrameRate(2997, 125);
        assertEquals(rate.toDouble(), r.fps(), 1e-9);
        assertEquals(frames, r.frames().size(), "frame count");
        for (int k = 0; k < frames; k++) {
            var s = r.frames().get(k);
            assertEquals(Ticks.toSeconds(rate.frameToTicks(k)), s.time(), 1e-9, "time of frame " + k);
            assertEquals(16 + 2 * k, s.yAvg(), 1.0, "frame " + k + " is the picture stamped " + k);
        }
    }
}
