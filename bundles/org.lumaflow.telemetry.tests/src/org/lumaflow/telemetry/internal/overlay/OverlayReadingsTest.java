package org.lumaflow.telemetry.internal.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TimeSeries;

/**
 * The overlays' readings against the telemetry, read back from the rendered pixels (CPU backend) on the GoPro clip's
 * own GPMF: the dial's needle angle, the digital gauge's and text field's digits, the minimap marker against an
 * independent projection of the GPS fix, the elevation marker against the distance travelled.
 */
class OverlayReadingsTest {

    static OverlayFixture fx;
    static Path karma;
    static Telemetry tel;
    static final double[] TIMES = { 0.5, 3.2, 6.0, 8.7, 11.4 };

    @BeforeAll
    static void start() throws Exception {
        fx = new OverlayFixture(OverlayReadingsTest.class);
        fx.engine.preferBackend("cpu");
        karma = OverlayFixture.file("karma.mp4");
        tel = fx.service.read(karma);
    }

    private static double speedKmh(double t) {
        return OverlayReadings.speedKmh(tel, t);
    }

    @Test
    void dialNeedlePointsAtTheSpeed() throws Exception {
        Graph g = OverlayFixture.graph(SpeedGaugeNode.ID, karma);
        g.node("w").set("size", 400.0).set("max_speed", 60.0);
        CompiledGraph cg = fx.engine.compile(g, null);
        double seen = 0;
        for (double t : TIMES) {
            try (RenderResult r = cg.render(OverlayFixture.ticks(t), 1280, 720, 1)) {
                assertTrue(r.messages().isEmpty(), r.messages().toString());
                double rad = OverlayReadings.dialRadius(400);
                // the red needle (ticks and labels lie outside the ring, the hub inside)
                double decoded = OverlayReadings.needle(OverlayReadings.of(r), 640, 360, rad * 0.2, rad * 0.55, 60,
                        (x, y, p) -> OverlayReadings.green(p) > 40 || OverlayReadings.blue(p) > 40 ? 0
                                : OverlayReadings.red(p))[0];
                double expected = Math.max(0, Math.min(60, speedKmh(t)));
                assertEquals(expected, decoded, 60 * 0.005, "needle at t=" + t + " s");
                seen = Math.max(seen, expected);
            }
        }
        assertTrue(seen > 5, "the clip moves: max speed seen " + seen + " km/h");
    }

    @Test
    void digitalDigitsReadTheSpeed() throws Exception {
        Graph g = OverlayFixture.graph(SpeedGaugeNode.ID, karma);
        g.node("w").set("size", 400.0).set("style", "digital").set("decimals", 1);
        CompiledGraph cg = fx.engine.compile(g, null);
        int h = (int) Math.round(400 * 0.42);
        OverlayOcr ocr = new OverlayOcr(h * 0.62f);
        for (double t : TIMES) {
            try (RenderResult r = cg.render(OverlayFixture.ticks(t), 1280, 720, 1)) {
                int left = 640 - 200;
                int top = (int) Math.floor(360 - h / 2.0 + 0.5);
                OverlayFixture.dump(r, "digital-" + t);
                String text = ocr.read(r, left, top, left + (int) (400 * 0.73), top + h);
                double expected = speedKmh(t);
                assertEquals(expected, Double.parseDouble(text), 0.05 + 1e-9, "digits '" + text + "' at t=" + t);
            }
        }
    }

    @Test
    void textFieldReadsAltitudeAndElapsedTime() throws Exception {
        TimeSeries gps = tel.gps();
        int alt = gps.channel(Channels.ALT);
        Graph g = OverlayFixture.graph(TextFieldNode.ID, karma);
        g.node("w").set("size", 400.0).set("field", "altitude");
        Graph g2 = OverlayFixture.graph(TextFieldNode.ID, karma);
        g2.node("w").set("size", 400.0).set("field", "time").set("time_mode", "elapsed").set("offset", -3600.0);
        int h = (int) Math.round(400 * 0.36);
        OverlayOcr ocr = new OverlayOcr(TextFieldNode.digitPx("altitude", h));
        OverlayOcr ocrTime = new OverlayOcr(TextFieldNode.digitPx("time", h));
        CompiledGraph cg = fx.engine.compile(g, null);
        CompiledGraph cg2 = fx.engine.compile(g2, null);
        int left = 440;
        int top = (int) Math.floor(360 - h / 2.0 + 0.5);
        for (double t : TIMES) {
            try (RenderResult r = cg.render(OverlayFixture.ticks(t), 1280, 720, 1);
                    RenderResult r2 = cg2.render(OverlayFixture.ticks(t), 1280, 720, 1)) {
                String text = ocr.read(r, left, top + h / 3, left + (int) (400 * 0.745), top + h);
                assertEquals(gps.interpolate(alt, t), Double.parseDouble(text), 0.5 + 1e-9, "altitude at " + t);
                OverlayFixture.dump(r2, "clock-" + t);
                OverlayFixture.dump(r, "altitude-" + t);
                String clock = ocrTime.read(r2, left, top + h / 3, left + (int) (400 * 0.745), top + h);
                long s = (long) Math.floor(t + 3600);
                assertEquals(String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60), clock);
            }
        }
    }

    @Test
    void minimapMarkerIsAtTheProjectedFix() throws Exception {
        OverlayReadings.MapTruth map = new OverlayReadings.MapTruth(tel, 400, 400, 0.08);
        Graph g = OverlayFixture.graph(MinimapNode.ID, karma);
        g.node("w").set("size", 400.0);
        CompiledGraph cg = fx.engine.compile(g, null);
        for (double t : TIMES) {
            try (RenderResult r = cg.render(OverlayFixture.ticks(t), 1280, 720, 1)) {
                double[] e = map.at(t, 640, 360);
                double[] c = whiteCentroid(r, 440, 160, 840, 560);
                assertEquals(e[0], c[0], 0.75, "marker x at " + t);
                assertEquals(e[1], c[1], 0.75, "marker y at " + t);
            }
        }
    }

    @Test
    void elevationMarkerFollowsTheDistance() throws Exception {
        OverlayReadings.DistanceTruth along = new OverlayReadings.DistanceTruth(tel);
        Graph g = OverlayFixture.graph(ElevationNode.ID, karma);
        g.node("w").set("size", 600.0);
        CompiledGraph cg = fx.engine.compile(g, null);
        int h = 180;
        double m = Math.max(4, h * 0.08f);
        for (double t : TIMES) {
            double ex = along.markerX(t, 340, 600, h);
            try (RenderResult r = cg.render(OverlayFixture.ticks(t), 1280, 720, 1)) {
                double[] c = whiteCentroid(r, 340, 270 + (int) (h * 0.4), 940, 270 + h - (int) m - 1);
                assertEquals(ex, c[0], 1.0, "elevation marker at " + t);
            }
        }
    }

    /** Centroid of the white (all channels > 200) pixels of a rectangle, pixel centres. */
    static double[] whiteCentroid(RenderResult r, int x0, int y0, int x1, int y1) {
        double[] c = OverlayReadings.whiteCentroid(OverlayReadings.of(r), x0, y0, x1, y1, 200);
        assertTrue(c[2] > 0, "white marker pixels found");
        return c;
    }
}
