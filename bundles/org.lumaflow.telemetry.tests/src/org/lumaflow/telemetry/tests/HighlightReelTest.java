package org.lumaflow.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.cli.CliCommand;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.telemetry.internal.overlay.OverlayReadings;
import org.lumaflow.telemetry.internal.overlay.OverlayReadings.Pixels;
import org.lumaflow.telemetry.internal.reel.ReelBuilder;
import org.lumaflow.testsupport.OsgiTests;
import org.lumaflow.testsupport.SharedData;
import org.osgi.framework.BundleContext;

/**
 * {@code lumaflow highlights} on the real GoPro clip: the reel loads, renders, exports, shows the overlays, and the
 * exported file, decoded back, shows the telemetry at sampled frames (the dial's needle and digits, the minimap
 * marker, the elevation marker read from its pixels against the telemetry at each frame's media time).
 */
class HighlightReelTest {

    /** Quality of the export the readings are taken from (libx264/openh264 at a high rate). */
    static final int CRF = 12;
    static final int W = 854;
    static final int H = 480;

    @TempDir
    static Path dir;
    static BundleContext bc;
    static MediaService media;
    static Telemetry tel;
    static int rc;
    static String log;
    static Path reelFile;
    static Path mp4;

    @BeforeAll
    static void services() throws Exception {
        bc = OsgiTests.startAll(HighlightReelTest.class);
        media = OsgiTests.service(bc, MediaService.class);
        tel = OsgiTests.service(bc, TelemetryService.class).read(karma());
        reelFile = dir.resolve("reel.lumaflow");
        mp4 = dir.resolve("reel.mp4");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        rc = command("highlights").run(List.of(karma().toString(), "--out", reelFile.toString(), "--export",
                mp4.toString(), "--crf", Integer.toString(CRF), "--top", "3", "--spacing", "3", "--pre", "1",
                "--post", "1"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        log = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        System.out.println("[highlights] " + log);
    }

    static Path karma() {
        return SharedData.file("telemetry/karma.mp4");
    }

    static CliCommand command(String name) throws Exception {
        return OsgiTests.service(bc, CliCommand.class, c -> c.name().equals(name), "CLI command '" + name + "'");
    }

    @Test
    void theReelOfTheGoProClipLoadsExportsAndShowsTheOverlays() throws Exception {
        assertEquals(0, rc, log);
        assertTrue(log.contains("video clock") || log.contains("VIDEO_CLOCK") || log.contains("gpmf"), log);

        Project p = ProjectIO.load(reelFile);
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
        assertEquals(W, info.firstVideo().displayWidth());
        assertEquals(H, info.firstVideo().displayHeight());
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

    // ---- readings of the exported reel at sampled frames ----

    /** A frame of the exported reel and the source frame at the same media time, with the clip showing there. */
    record Sample(Clip clip, long reelTicks, double telemetrySeconds, Pixels reel, Pixels source) {

        GraphNode effect(String type) {
            return clip.effects().stream().filter(e -> e.type().equals(type)).findFirst()
                    .orElseThrow(() -> new AssertionError(clip.id() + " has no " + type));
        }

        String at() {
            return String.format(Locale.ROOT, "clip %s, reel %.3f s, telemetry %.3f s", clip.id(),
                    Ticks.toSeconds(reelTicks), telemetrySeconds);
        }
    }

    interface SampleCheck {
        void check(Sample s) throws Exception;
    }

    /**
     * Runs {@code check} on frames of every clip away from the dissolves (at 5, 27.5, 50, 72.5 and 95 % of the part no
     * other clip overlaps, on frame boundaries): the reel's frame decoded from the export, and the source's at the clip's media
     * time (in point + offset into the clip). Returns how many.
     */
    static int forEachSample(SampleCheck check) throws Exception {
        assertEquals(0, rc, log);
        Project p = ProjectIO.load(reelFile);
        FrameRate rate = p.timeline().format().rate();
        List<Clip> clips = p.timeline().tracks().get(0).clips();
        int n = 0;
        try (FramePool pool = new FramePool();
                VideoSource reel = open(mp4, pool);
                VideoSource src = open(karma(), pool)) {
            for (int k = 0; k < clips.size(); k++) {
                Clip c = clips.get(k);
                long lo = k > 0 ? Math.max(c.start(), clips.get(k - 1).end()) : c.start();
                long hi = k + 1 < clips.size() ? Math.min(c.end(), clips.get(k + 1).start()) : c.end();
                List<Long> times = new ArrayList<>();
                for (double f : new double[] {0.05, 0.275, 0.5, 0.725, 0.95}) {
                    long t = rate.frameToTicks(rate.ticksToFrame(lo + (long) ((hi - lo) * f), RoundingMode.FLOOR));
                    if (t >= lo && t < hi && !times.contains(t)) {
                        times.add(t);
                    }
                }
                for (long t : times) {
                    long mediaTicks = c.in() + (t - c.start());
                    double offset = OverlayReadings.number(c.effects().get(0), "offset");
                    Frame fr = reel.frame(t);
                    Frame fs = src.frame(mediaTicks);
                    try {
                        check.check(new Sample(c, t, Ticks.toSeconds(mediaTicks) - offset, OverlayReadings.of(fr),
                                OverlayReadings.of(fs)));
                        n++;
                    } finally {
                        fr.release();
                        fs.release();
                    }
                }
            }
        }
        return n;
    }

    /** The share of the background the default panel (black, alpha 0.55) lets through. */
    static final double THROUGH_PANEL = 1 - Math.round(0.55 * 255) / 255.0;

    @Test
    void theDialNeedleOfTheExportReadsTheSpeed() throws Exception {
        double[] worst = {0, 0};
        int n = forEachSample(s -> {
            GraphNode gauge = s.effect(ReelBuilder.GAUGE);
            int[] w = OverlayReadings.widget(gauge, W, H);
            double max = OverlayReadings.number(gauge, "max_speed");
            double r = OverlayReadings.dialRadius(w[2]);
            // the needle (orange by default) against what the panel lets through of the source picture: red well
            // above blue once the background is taken away (the white digits and the grey face have neither)
            double[] read = OverlayReadings.needle(s.reel(), w[0] + w[2] / 2.0, w[1] + w[3] / 2.0, r * 0.22,
                    r * 0.52, max, (x, y, px) -> {
                        int b = s.source().at(x, y);
                        double red = OverlayReadings.red(px) - THROUGH_PANEL * OverlayReadings.red(b);
                        double blue = OverlayReadings.blue(px) - THROUGH_PANEL * OverlayReadings.blue(b);
                        return Math.max(0, red - blue - 60);
                    });
            double expected = Math.max(0, Math.min(max, OverlayReadings.speedKmh(tel, s.telemetrySeconds())));
            System.out.printf(Locale.ROOT, "[reel] needle %s: read %.2f km/h, telemetry %.2f km/h (weight %.0f)%n",
                    s.at(), read[0], expected, read[1]);
            assertTrue(read[1] > 500, "needle pixels found at " + s.at() + ": " + read[1]);
            assertEquals(expected, read[0], NEEDLE_KMH, "needle at " + s.at());
            worst[0] = Math.max(worst[0], Math.abs(expected - read[0]));
            worst[1] = Math.max(worst[1], expected);
        });
        System.out.printf(Locale.ROOT, "[reel] needle: %d frames, worst error %.2f km/h, fastest %.1f km/h%n", n,
                worst[0], worst[1]);
        assertTrue(n >= 3, "frames sampled: " + n);
        assertTrue(worst[1] > 5, "the clip moves: " + worst[1] + " km/h");
    }

    /**
     * Needle tolerance on the encoded picture: 0.25 km/h = 0.84 degrees on the 80 km/h dial (read within 0.03 km/h at
     * CRF 12 with openh264; the clip speeds up by about 0.23 km/h per frame, so a frame off shows).
     */
    static final double NEEDLE_KMH = 0.25;

    @Test
    void theDialDigitsOfTheExportReadTheSpeed() throws Exception {
        int n = forEachSample(s -> {
            GraphNode gauge = s.effect(ReelBuilder.GAUGE);
            int[] w = OverlayReadings.widget(gauge, W, H);
            int[] box = OverlayReadings.dialDigits(w[0], w[1], w[2]);
            // white ink over the panel: its coverage, once what the panel lets through of the source is taken away
            String text = OverlayReadings.dialOcr(w[2]).read((x, y) -> {
                double bg = THROUGH_PANEL * OverlayReadings.white(s.source().at(x, y));
                double v = (OverlayReadings.white(s.reel().at(x, y)) - bg) / (255 - bg) * 255;
                return v < 0 ? 0 : v > 255 ? 255 : (int) Math.round(v);
            }, box[0], box[1], box[2], box[3]);
            double expected = OverlayReadings.speedKmh(tel, s.telemetrySeconds());
            System.out.printf(Locale.ROOT, "[reel] digits %s: '%s', telemetry %.2f km/h%n", s.at(), text, expected);
            if (!text.equals(Long.toString(Math.round(expected)))) {
                OverlayReadings.dump(s.reel(), w[0], w[1], w[0] + w[2], w[1] + w[3], Path.of("target",
                        "reel-renders", "gauge-" + s.clip().id() + "-" + s.reelTicks() + ".ppm"));
            }
            assertEquals(Long.toString(Math.round(expected)), text, "dial digits at " + s.at());
        });
        assertTrue(n >= 3, "frames sampled: " + n);
    }

    @Test
    void theMinimapMarkerOfTheExportIsAtTheProjectedFix() throws Exception {
        double[] worst = {0};
        int n = forEachSample(s -> {
            GraphNode map = s.effect(ReelBuilder.MINIMAP);
            int[] w = OverlayReadings.widget(map, W, H);
            OverlayReadings.MapTruth truth = new OverlayReadings.MapTruth(tel, w[2], w[3],
                    OverlayReadings.number(map, "margin"));
            double[] e = truth.at(s.telemetrySeconds(), w[0] + w[2] / 2.0, w[1] + w[3] / 2.0);
            // the marker's white rim (the track is orange; the panel's rounded corners, where the picture shows
            // unchanged, are left out)
            double[] c = OverlayReadings.whiteCentroid(s.reel(), w[0] + 4, w[1] + 4, w[0] + w[2] - 4, w[1] + w[3] - 4,
                    WHITE);
            double err = Math.hypot(c[0] - e[0], c[1] - e[1]);
            System.out.printf(Locale.ROOT, "[reel] minimap %s: read %.2f, %.2f expected %.2f, %.2f (%.2f px)%n",
                    s.at(), c[0], c[1], e[0], e[1], err);
            assertTrue(c[2] > 0, "marker pixels at " + s.at());
            assertEquals(e[0], c[0], MARKER_PX, "minimap marker x at " + s.at());
            assertEquals(e[1], c[1], MARKER_PX, "minimap marker y at " + s.at());
            worst[0] = Math.max(worst[0], err);
        });
        System.out.printf(Locale.ROOT, "[reel] minimap: %d frames, worst error %.2f px%n", n, worst[0]);
        assertTrue(n >= 3, "frames sampled: " + n);
    }

    @Test
    void theElevationMarkerOfTheExportFollowsTheDistance() throws Exception {
        OverlayReadings.DistanceTruth along = new OverlayReadings.DistanceTruth(tel);
        double[] worst = {0};
        int n = forEachSample(s -> {
            GraphNode prof = s.effect(ReelBuilder.ELEVATION);
            int[] w = OverlayReadings.widget(prof, W, H);
            assertEquals("distance", OverlayReadings.param(prof, "axis"));
            double ex = along.markerX(s.telemetrySeconds(), w[0], w[2], w[3]);
            int m = (int) Math.max(4, w[3] * 0.08f);
            // the white marker line (the dot's rim on it may be cut by the widget's edge), below the digits
            double[] c = OverlayReadings.whiteLineX(s.reel(), w[0], w[1] + (int) (w[3] * 0.4), w[0] + w[2],
                    w[1] + w[3] - m - 1, WHITE);
            System.out.printf(Locale.ROOT, "[reel] elevation %s: read x %.2f, expected %.2f (%.2f px)%n", s.at(), c[0],
                    ex, c[0] - ex);
            assertTrue(c[1] >= 10, "marker line rows at " + s.at() + ": " + c[1]);
            assertEquals(ex, c[0], MARKER_PX, "elevation marker at " + s.at());
            worst[0] = Math.max(worst[0], Math.abs(c[0] - ex));
        });
        System.out.printf(Locale.ROOT, "[reel] elevation: %d frames, worst error %.2f px%n", n, worst[0]);
        assertTrue(n >= 3, "frames sampled: " + n);
    }

    /** White ink threshold (smallest channel) on the encoded picture; the background under a panel stays below 116. */
    static final int WHITE = 160;
    /** Marker tolerance on the encoded picture, pixels (read within 0.13 px at CRF 12). */
    static final double MARKER_PX = 0.5;

    /** Opens a file for reading its pictures at the reel's size (the default decoder choice, as the studio's). */
    static VideoSource open(Path file, FramePool pool) throws Exception {
        return media.openVideo(file, W, H, MediaService.Fit.STRETCH, pool, 2);
    }

    /** Mean absolute RGB difference in a square of half-side {@code r} px around {@code c}. */
    static double difference(Path a, long ta, Path b, long tb, Point2 c, double r) throws Exception {
        try (FramePool pool = new FramePool();
                VideoSource sa = open(a, pool);
                VideoSource sb = open(b, pool)) {
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
