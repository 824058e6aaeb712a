package org.lumaflow.telemetry.internal.overlay;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.testsupport.OsgiTests;
import org.lumaflow.testsupport.SharedData;
import org.osgi.framework.BundleContext;

/** Shared set-up of the overlay tests: the OSGi services, the test files, graphs and pixel access. */
final class OverlayFixture {

    static final long TICKS = 705_600_000L; // org.lumaflow.core.time.Ticks.PER_SECOND
    static final Color BG = new Color(0.2, 0.3, 0.4, 1);

    final BundleContext bc;
    final Engine engine;
    final TelemetryService service;

    OverlayFixture(Class<?> anchor) throws Exception {
        bc = OsgiTests.startAll(anchor);
        engine = OsgiTests.service(bc, Engine.class);
        service = OsgiTests.service(bc, TelemetryService.class);
        OsgiTests.service(bc, OverlayTelemetry.class);
    }

    /** {@code shared/testdata/telemetry/NAME}. */
    static Path file(String name) {
        return SharedData.file("telemetry/" + name);
    }

    /** A solid background with {@code type} on top (node id "w"), the decoding-friendly colours set. */
    static Graph graph(String type, Path telemetry) {
        Graph g = new Graph();
        g.add("bg", "core.solid").set("color", BG);
        GraphNode w = g.add("w", type);
        if (telemetry != null) {
            w.set("telemetry", telemetry.toString());
        }
        w.set("position", new Point2(0.5, 0.5)).set("color", Color.WHITE).set("accent", new Color(1, 0, 0, 1))
                .set("panel", Color.BLACK);
        g.connect("bg", "w", "background");
        g.output("w");
        return g;
    }

    /** Ticks of {@code seconds}. */
    static long ticks(double seconds) {
        return Math.round(seconds * TICKS);
    }

    /** The packed pixel at {@code x, y}. */
    static int px(RenderResult r, int x, int y) {
        ByteBuffer b = r.frame().buffer();
        return b.getInt(y * r.frame().stride() + x * 4);
    }

    static int red(int p) {
        return OverlayReadings.red(p);
    }

    static int green(int p) {
        return OverlayReadings.green(p);
    }

    static int blue(int p) {
        return OverlayReadings.blue(p);
    }

    /** Writes the render as a PPM under {@code target/overlay-renders/} (to look at a failure). */
    static void dump(RenderResult r, String name) {
        try {
            Path dir = Path.of("target", "overlay-renders");
            Files.createDirectories(dir);
            int w = r.frame().width();
            int h = r.frame().height();
            byte[] head = ("P6\n" + w + " " + h + "\n255\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] px = new byte[w * h * 3];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = px(r, x, y);
                    int i = (y * w + x) * 3;
                    px[i] = (byte) red(p);
                    px[i + 1] = (byte) green(p);
                    px[i + 2] = (byte) blue(p);
                }
            }
            byte[] all = new byte[head.length + px.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(px, 0, all, head.length, px.length);
            Files.write(dir.resolve(name + ".ppm"), all);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Largest channel difference between two renders of the same size. */
    static int maxDiff(RenderResult a, RenderResult b) {
        ByteBuffer x = a.frame().buffer();
        ByteBuffer y = b.frame().buffer();
        int max = 0;
        int n = a.frame().width() * a.frame().height() * 4;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs((x.get(i) & 0xFF) - (y.get(i) & 0xFF)));
        }
        return max;
    }
}
