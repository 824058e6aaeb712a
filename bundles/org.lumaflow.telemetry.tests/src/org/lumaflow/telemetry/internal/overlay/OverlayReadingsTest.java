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
        TimeSeries s = tel.streamWith(Channels.SPEED_2D);
        assertNotNull(s, "karma.mp4 has a ground speed");
        return s.interpolate(s.channel(Channels.SPEED_2D), t) * 3.6;
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
                double r0 = 199 * 0.2;
                double r1 = 199 * 0.55;
                double sx = 0;
                double sy = 0;
                for (int y = 360 - 120; y < 360 + 120; y++) {
                    for (int x = 640 - 120; x < 640 + 120; x++) {
                        int p = OverlayFixture.px(r, x, y);
                        double dx = x + 0.5 - 640;
                        double dy = y + 0.5 - 360;
                        double d = Math.hypot(dx, dy);
                        if (d < r0 || d > r1 || OverlayFixture.green(p) > 40 || OverlayFixture.blue(p) > 40) {
                            continue;
                        }
                        double wgt = OverlayFixture.red(p);
                        sx += wgt * dx / d;
                        sy += wgt * dy / d;
                    }
                }
                double a = Math.atan2(sy, sx);
                while (a < SpeedGaugeNode.START - 0.3) {
                    a += 2 * Math.PI;
                }
                double decoded = (a - SpeedGaugeNode.START) / SpeedGaugeNode.SWEEP * 60;
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
        TimeSeries gps = tel.gps();
        int la = gps.channel(Channels.LAT);
        int lo = gps.channel(Channels.LON);
        double minLa = 90, maxLa = -90, minLo = 180, maxLo = -180;
        for (int i = 0; i < gps.size(); i++) {
            if (!Double.isNaN(gps.value(la, i)) && !Double.isNaN(gps.value(lo, i))) {
                minLa = Math.min(minLa, gps.value(la, i));
                maxLa = Math.max(maxLa, gps.value(la, i));
                minLo = Math.min(minLo, gps.value(lo, i));
                maxLo = Math.max(maxLo, gps.value(lo, i));
            }
        }
        double lat0 = (minLa + maxLa) / 2;
        double lon0 = (minLo + maxLo) / 2;
        double mPerDegLat = Math.PI / 180 * 6_371_008.8;
        double mPerDegLon = mPerDegLat * Math.cos(Math.toRadians(lat0));
        double scale = Math.min(400 * 0.84 / Math.max(1, (maxLo - minLo) * mPerDegLon),
                400 * 0.84 / Math.max(1, (maxLa - minLa) * mPerDegLat));
        Graph g = OverlayFixture.graph(MinimapNode.ID, karma);
        g.node("w").set("size", 400.0);
        CompiledGraph cg = fx.engine.compile(g, null);
        for (double t : TIMES) {
            try (RenderResult r = cg.render(OverlayFixture.ticks(t), 1280, 720, 1)) {
                double ex = 640 + (gps.interpolate(lo, t) - lon0) * mPerDegLon * scale;
                double ey = 360 - (gps.interpolate(la, t) - lat0) * mPerDegLat * scale;
                double[] c = whiteCentroid(r, 440, 160, 840, 560);
                assertEquals(ex, c[0], 0.75, "marker x at " + t);
                assertEquals(ey, c[1], 0.75, "marker y at " + t);
            }
        }
    }

    @Test
    void elevationMarkerFollowsTheDistance() throws Exception {
        TimeSeries gps = tel.gps();
        int la = gps.channel(Channels.LAT);
        int lo = gps.channel(Channels.LON);
        int n = gps.size();
        double[] cum = new double[n];
        double pl = Double.NaN, po = Double.NaN, d = 0;
        for (int i = 0; i < n; i++) {
            double a = gps.value(la, i), b = gps.value(lo, i);
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                if (!Double.isNaN(pl)) {
                    d += Track.haversine(pl, po, a, b);
                }
                pl = a;
                po = b;
            }
            cum[i] = d;
        }
        Graph g = OverlayFixture.graph(ElevationNode.ID, karma);
        g.node("w").set("size", 600.0);
        CompiledGraph cg = fx.engine.compile(g, null);
        int h = 180;
        double m = Math.max(4, h * 0.08f);
        for (double t : TIMES) {
            int i = gps.indexAt(t);
            double dt = i < 0 ? cum[0] : i >= n - 1 ? cum[n - 1]
                    : cum[i] + (cum[i + 1] - cum[i]) * (t - gps.time(i)) / (gps.time(i + 1) - gps.time(i));
            double ex = 340 + m + (600 - 2 * m) * dt / d;
            try (RenderResult r = cg.render(OverlayFixture.ticks(t), 1280, 720, 1)) {
                double[] c = whiteCentroid(r, 340, 270 + (int) (h * 0.4), 940, 270 + h - (int) m - 1);
                assertEquals(ex, c[0], 1.0, "elevation marker at " + t);
            }
        }
    }

    /** Centroid of the white (all channels > 200) pixels of a rectangle, pixel centres. */
    static double[] whiteCentroid(RenderResult r, int x0, int y0, int x1, int y1) {
        double sx = 0, sy = 0, sw = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = OverlayFixture.px(r, x, y);
                int v = Math.min(OverlayFixture.red(p), Math.min(OverlayFixture.green(p), OverlayFixture.blue(p)));
                if (v > 200) {
                    sx += v * (x + 0.5);
                    sy += v * (y + 0.5);
                    sw += v;
                }
            }
        }
        assertTrue(sw > 0, "white marker pixels found");
        return new double[] { sx / sw, sy / sw };
    }
}
