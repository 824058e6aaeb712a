package org.lumaflow.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.Exporter;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.QcService;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/**
 * The export's QC report (measured on a proxy of the frames it encodes) against a full-resolution QC of the exported
 * file, on a 1080p clip with known black, moving and frozen segments.
 */
class ExportQcTest {

    static Exporter exporter;
    static MediaService media;
    static QcService qc;

    @TempDir
    Path dir;

    @BeforeAll
    static void services() throws Exception {
        BundleContext bc = OsgiTests.startAll(ExportQcTest.class);
        exporter = service(bc, Exporter.class);
        media = service(bc, MediaService.class);
        qc = service(bc, QcService.class);
    }

    private static <T> T service(BundleContext bc, Class<T> type) throws InterruptedException {
        return OsgiTests.service(bc, type);
    }

    /** Tolerances the README states for export QC against a full-resolution QC of the output. */
    static final double YAVG_TOLERANCE = 1.0;
    static final double FRAME = 1 / 25.0;

    @Test
    void exportQcAgreesWithFullResolutionQcOfTheOutput() throws Exception {
        // black 2.2 s, moving pattern 1.6 s, still bars 2.4 s (a freeze), moving pattern 1.2 s; 1080p, so the
        // export's QC measures a 320x180 proxy
        Path src = dir.resolve("events.mp4");
        Process p = new ProcessBuilder(org.lumaflow.media.ffmpeg.FFmpeg.commandLine().toString(), "-hide_banner",
                "-loglevel", "error", "-f", "lavfi", "-i", "color=black:s=1920x1080:r=25:d=2.2", "-f", "lavfi",
                "-i", "testsrc2=s=1920x1080:r=25:d=1.6", "-f", "lavfi", "-i", "smptebars=s=1920x1080:r=25:d=2.4",
                "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=25:d=1.2", "-filter_complex",
                "[0][1][2][3]concat=n=4:v=1[v]", "-map", "[v]", "-pix_fmt", "yuv420p", "-c:v", "mpeg4", "-q:v",
                "2", src.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        Timeline tl = org.lumaflow.decoder.MediaClips.timeline(media.probe(src));
        Path out = dir.resolve("out.mp4");
        ExportResult r = exporter.start(tl, dir, ExportSettings.to(out).withBitrate(20_000_000), pr -> { })
                .await();
        assertNotNull(r.qcReport(), "export QC report");
        String json = Files.readString(dir.resolve("out.mp4.qc.json"));
        QcReport full = qc.analyze(out, QcOptions.defaults().withoutAudio(), null);

        List<Double> yavg = numbers(json, "YAVG");
        assertEquals(full.frames().size(), yavg.size(), "one entry per frame");
        double worst = 0;
        for (int i = 0; i < yavg.size(); i++) {
            worst = Math.max(worst, Math.abs(yavg.get(i) - full.frames().get(i).yAvg()));
        }
        System.out.printf("export QC (proxy) vs full-resolution QC of the output: YAVG max |diff| %.3f%n", worst);
        assertTrue(worst <= YAVG_TOLERANCE, "YAVG differs by up to " + worst);
        assertEquals(full.meanLuma(), numbers(json, "mean_luma").get(0), 0.2, "mean luma");

        for (String type : new String[] {"black", "freeze", "scene"}) {
            List<double[]> ours = events(json, type);
            List<QcEvent> theirs = full.events(type);
            System.out.println(type + ": export QC " + ours.stream().map(e -> e[0] + ".." + e[1]).toList()
                    + ", full QC " + theirs.stream().map(e -> e.start() + ".." + e.end()).toList());
            assertEquals(theirs.size(), ours.size(), type + " events: " + theirs);
            for (int i = 0; i < ours.size(); i++) {
                assertEquals(theirs.get(i).start(), ours.get(i)[0], FRAME + 1e-6, type + " start " + i);
                assertEquals(theirs.get(i).end(), ours.get(i)[1], FRAME + 1e-6, type + " end " + i);
            }
        }
        // and both found what the clip holds
        List<double[]> black = events(json, "black");
        assertEquals(1, black.size());
        assertEquals(0, black.get(0)[0], 1e-6);
        assertEquals(2.2, black.get(0)[1], FRAME + 1e-6);
        List<double[]> freeze = events(json, "freeze").stream().filter(e -> e[0] > 3).toList();
        assertEquals(1, freeze.size());
        assertEquals(3.8, freeze.get(0)[0], FRAME + 1e-6);
        assertEquals(6.2, freeze.get(0)[1], FRAME + 1e-6);
    }

    private static List<Double> numbers(String json, String key) {
        List<Double> v = new ArrayList<>();
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*([-0-9.eE]+)").matcher(json);
        while (m.find()) {
            v.add(Double.parseDouble(m.group(1)));
        }
        return v;
    }

    /** {start, end} of the report's events of one type. */
    private static List<double[]> events(String json, String type) {
        List<double[]> v = new ArrayList<>();
        Matcher m = Pattern.compile("\"type\"\\s*:\\s*\"" + type + "\"\\s*,\\s*\"start\"\\s*:\\s*([-0-9.eE]+)\\s*,"
                + "\\s*\"end\"\\s*:\\s*([-0-9.eE]+)").matcher(json);
        while (m.find()) {
            v.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return v;
    }
}
