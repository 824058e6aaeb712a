package org.lumaflow.telemetry.internal.overlay;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.RenderResult;

/**
 * Per-frame overlay cost at 1080p (not a test: runs only with {@code -Dlumaflow.bench.overlay=FRAMES}, from
 * {@code releng/bench/telemetry-overlay.sh}). For each node: the median render time of a graph "background + node"
 * minus that of the background alone (interleaved), heap bytes per frame, and the engine's own title node
 * ({@code core.text}) measured the same way as the yardstick; then the same on the GPU backend for information.
 */
class OverlayBench {

    static final int W = 1920;
    static final int H = 1080;

    @Test
    @EnabledIfSystemProperty(named = "lumaflow.bench.overlay", matches = "[1-9][0-9]*")
    void bench() throws Exception {
        int frames = Integer.getInteger("lumaflow.bench.overlay", 0);
        OverlayFixture fx = new OverlayFixture(OverlayBench.class);
        String[][] cases = { { "speed_gauge dial", SpeedGaugeNode.ID, "dial" },
                { "speed_gauge digital", SpeedGaugeNode.ID, "digital" }, { "g_meter", GMeterNode.ID, null },
                { "minimap", MinimapNode.ID, null }, { "elevation", ElevationNode.ID, null },
                { "text (speed)", TextFieldNode.ID, null }, { "core.text (yardstick)", "core.text", null } };
        for (String backend : System.getProperty("lumaflow.bench.overlay.backends", "cpu,gpu").split(",")) {
            fx.engine.preferBackend(backend);
            CompiledGraph base = fx.engine.compile(background(), null);
            System.out.printf(Locale.ROOT, "%n%s backend (%s), %dx%d, %d frames each, median ms/frame:%n", backend,
                    base.backend(), W, H, frames);
            System.out.printf(Locale.ROOT, "%-24s %10s %10s %12s %14s%n", "node", "graph", "background", "overlay",
                    "heap B/frame");
            for (String[] c : cases) {
                Graph g = background();
                g.add("w", c[1]).set("position", new Point2(0.5, 0.5));
                if (c[1].equals("core.text")) {
                    g.node("w").set("text", "23 km/h").set("size", 96.0);
                } else {
                    g.node("w").set("telemetry", OverlayFixture.file("karma.mp4").toString()).set("size", 400.0);
                }
                if (c[2] != null) {
                    g.node("w").set("style", c[2]);
                }
                g.connect("bg", "w", c[1].equals("core.text") ? "background" : "background");
                g.output("w");
                CompiledGraph cg = fx.engine.compile(g, null);
                double[] withNode = new double[frames];
                double[] alone = new double[frames];
                long bytes = 0;
                int warm = backend.equals("cpu") ? 30 : 5;
                for (int i = -warm; i < frames; i++) {
                    long t = OverlayFixture.ticks(0.5 + (i + warm) * 11.0 / (frames + warm));
                    long a0 = allocated();
                    long t0 = System.nanoTime();
                    try (RenderResult r = cg.render(t, W, H, 1)) {
                        if (!r.messages().isEmpty() && i == 0) {
                            System.out.println("  " + c[0] + ": " + r.messages());
                        }
                    }
                    long t1 = System.nanoTime();
                    long a1 = allocated();
                    try (RenderResult r = base.render(t, W, H, 1)) {
                        // the background alone
                    }
                    long t2 = System.nanoTime();
                    if (i >= 0) {
                        withNode[i] = (t1 - t0) / 1e6;
                        alone[i] = (t2 - t1) / 1e6;
                        bytes += a1 - a0;
                    }
                }
                double m1 = median(withNode);
                double m0 = median(alone);
                System.out.printf(Locale.ROOT, "%-24s %10.3f %10.3f %12.3f %14d%n", c[0], m1, m0, m1 - m0,
                        bytes / frames);
            }
        }
        fx.engine.preferBackend("auto");
    }

    static Graph background() {
        Graph g = new Graph();
        g.add("bg", "core.checker").set("size", 64.0).set("color_a", new Color(0.3, 0.35, 0.4, 1))
                .set("color_b", new Color(0.5, 0.55, 0.6, 1));
        g.output("bg");
        return g;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static Method allocatedBytes;

    /** Heap bytes this thread allocated so far (the JDK's ThreadMXBean extension), or 0 where unavailable. */
    static long allocated() {
        try {
            Object bean = ManagementFactory.getThreadMXBean();
            if (allocatedBytes == null) {
                allocatedBytes = Class.forName("com.sun.management.ThreadMXBean", true,
                        ClassLoader.getSystemClassLoader()).getMethod("getCurrentThreadAllocatedBytes");
            }
            return (long) allocatedBytes.invoke(bean);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0;
        }
    }
}
