package org.lumaflow.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.cli.CliCommand;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.telemetry.internal.reel.ReelBuilder;
import org.lumaflow.testsupport.OsgiTests;
import org.lumaflow.testsupport.SharedData;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** {@code lumaflow highlights} on the real GoPro clip: the reel loads, renders, exports, and shows the overlays. */
class HighlightReelTest {


    @TempDir
    static Path dir;
    static BundleContext bc;
    static MediaService media;

    @BeforeAll
    static void services() throws Exception {
        bc = OsgiTests.startAll(HighlightReelTest.class);
        media = OsgiTests.service(bc, MediaService.class);
    }

    static Path karma() {
        return SharedData.file("telemetry/karma.mp4");
    }

    static CliCommand command(String name) throws Exception {
        OsgiTests.service(bc, CliCommand.class);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (ServiceReference<CliCommand> r : bc.getServiceReferences(CliCommand.class, null)) {
                CliCommand c = bc.getService(r);
                if (c != null && c.name().equals(name)) {
                    return c;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no CLI command '" + name + "'");
    }

    @Test
    void theReelOfTheGoProClipLoadsExportsAndShowsTheOverlays() throws Exception {
        Path reel = dir.resolve("reel.lumaflow");
        Path mp4 = dir.resolve("reel.mp4");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = command("highlights").run(List.of(karma().toString(), "--out", reel.toString(), "--export",
                mp4.toString(), "--top", "3", "--spacing", "3", "--pre", "1", "--post", "1"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        String e = err.toString(StandardCharsets.UTF_8);
        System.out.println("[highlights] " + o + e);
        assertEquals(0, rc, o + e);
        assertTrue(e.contains("video clock") || e.contains("VIDEO_CLOCK") || e.contains("gpmf"), e);

        Project p = ProjectIO.load(reel);
        List<Clip> clips = p.timeline().tracks().get(0).clips();
        assertTrue(clips.size() >= 1 && clips.size() <= 3, clips.toString());
        assertEquals(clips.size() - 1, p.timeline().tracks().get(0).transitions().size());
        for (Clip c : clips) {
            List<String> types = c.effects().stream().map(GraphNode::type).toList();
            assertTrue(types.containsAll(List.of(ReelBuilder.GAUGE, ReelBuilder.MINIMAP, ReelBuilder.ELEVATION)),
                    types.toString());
            assertTrue(c.in() + c.duration() <= Ticks.ofSeconds(13), "within the 12 s clip");
        }

        MediaInfo info = media.probe(mp4);
        assertNotNull(info.firstVideo(), "the export has video");
        assertEquals(854, info.firstVideo().displayWidth());
        assertEquals(480, info.firstVideo().displayHeight());
        double want = Ticks.toSeconds(p.timeline().duration());
        assertEquals(want, Ticks.toSeconds(info.durationTicks()), 0.1, "the reel's length");

        // the gauge is drawn: at the middle of the first clip the gauge's region differs from the bare source
        Clip first = clips.get(0);
        long mid = first.duration() / 2;
        GraphNode gauge = first.effects().get(0);
        Object pos = gauge.params().get("position");
        Point2 at = pos instanceof double[] d ? new Point2(d[0], d[1]) : (Point2) pos; // loaded: [x, y]
        double size = ((Number) gauge.params().get("size")).doubleValue();
        double inGauge = difference(mp4, first.start() + mid, karma(), first.in() + mid, at, size * 0.35);
        double elsewhere = difference(mp4, first.start() + mid, karma(), first.in() + mid, new Point2(0.5, 0.45),
                size * 0.35);
        System.out.printf("[highlights] mean difference reel vs source: gauge %.1f, picture centre %.1f%n", inGauge,
                elsewhere);
        assertTrue(inGauge > 20, "the gauge is drawn over the picture: " + inGauge);
        assertTrue(elsewhere < 8, "the picture itself is the source's at the same media time: " + elsewhere);
    }

    /** Mean absolute RGB difference in a square of half-side {@code r} px around {@code c}. */
    static double difference(Path a, long ta, Path b, long tb, Point2 c, double r) throws Exception {
        try (FramePool pool = new FramePool();
                VideoSource sa = media.openVideo(a, 854, 480, MediaService.Fit.STRETCH, pool, 2);
                VideoSource sb = media.openVideo(b, 854, 480, MediaService.Fit.STRETCH, pool, 2)) {
            Frame fa = sa.frame(ta);
            Frame fb = sb.frame(tb);
            try {
                ByteBuffer pa = fa.buffer();
                ByteBuffer pb = fb.buffer();
                int cx = (int) (c.x() * 854);
                int cy = (int) (c.y() * 480);
                long sum = 0;
                long n = 0;
                for (int y = Math.max(0, cy - (int) r); y < Math.min(480, cy + (int) r); y++) {
                    for (int x = Math.max(0, cx - (int) r); x < Math.min(854, cx + (int) r); x++) {
                        int i = (y * 854 + x) * 4;
                        for (int k = 0; k < 3; k++) {
                            sum += Math.abs((pa.get(i + k) & 0xFF) - (pb.get(i + k) & 0xFF));
                            n++;
                        }
                    }
                }
                return sum / (double) n;
            } finally {
                fa.release();
                fb.release();
            }
        }
    }
}
