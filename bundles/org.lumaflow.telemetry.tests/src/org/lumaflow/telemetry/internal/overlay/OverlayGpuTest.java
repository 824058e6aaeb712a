package org.lumaflow.telemetry.internal.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.RenderResult;

/**
 * Every overlay on the GPU backend (lavapipe in CI: the {@code gpu} preference takes software devices) against the
 * CPU backend: within one code value at two sizes (one odd, scaled), at several times, with no fallback to the CPU.
 */
class OverlayGpuTest {

    static OverlayFixture fx;
    static Path karma;

    @BeforeAll
    static void start() throws Exception {
        fx = new OverlayFixture(OverlayGpuTest.class);
        karma = OverlayFixture.file("karma.mp4");
    }

    @AfterAll
    static void reset() {
        fx.engine.preferBackend("auto");
    }

    static Graph graph(String variant) {
        String type = variant.startsWith("telemetry.speed_gauge") ? SpeedGaugeNode.ID : variant;
        Graph g = OverlayFixture.graph(type, karma);
        g.node("w").set("size", 300.0).set("opacity", 0.85);
        if (variant.endsWith(":digital")) {
            g.node("w").set("style", "digital").set("decimals", 1);
        }
        if (type.equals(TextFieldNode.ID)) {
            g.node("w").set("field", "distance").set("units", "imperial");
        }
        return g;
    }

    @ParameterizedTest
    @ValueSource(strings = { "telemetry.speed_gauge", "telemetry.speed_gauge:digital", MinimapNode.ID,
            ElevationNode.ID, GMeterNode.ID, TextFieldNode.ID })
    void gpuMatchesCpu(String variant) throws Exception {
        Graph g = graph(variant);
        fx.engine.preferBackend("cpu");
        CompiledGraph cpu = fx.engine.compile(g, null);
        fx.engine.preferBackend("gpu");
        CompiledGraph gpu = fx.engine.compile(g, null);
        assertNotEquals("cpu", gpu.backend(), "a Vulkan device (lavapipe) renders this graph");
        int[][] sizes = { { 640, 360 }, { 333, 201 } };
        for (int[] s : sizes) {
            double scale = s[0] / 640.0;
            for (double t : new double[] { 1.0, 5.5, 10.25 }) {
                long ticks = OverlayFixture.ticks(t);
                try (RenderResult c = cpu.render(ticks, s[0], s[1], scale)) {
                    long cpuRenders = OverlayNode.CPU_RENDERS.get();
                    RenderResult q = gpu.render(ticks, s[0], s[1], scale);
                    assertEquals(cpuRenders, OverlayNode.CPU_RENDERS.get(), "rendered by the shader, not the CPU");
                    assertTrue(q.messages().isEmpty(), "no GPU fallback: " + q.messages());
                    if (s[0] == 640 && t == 5.5) {
                        OverlayFixture.dump(q, "gpu-" + variant.replace(':', '-'));
                    }
                    int d = OverlayFixture.maxDiff(c, q);
                    assertTrue(d <= 1, variant + " at " + s[0] + "x" + s[1] + ", t=" + t + ": max difference " + d);
                    assertTrue(differsFromBackground(c), "the widget is drawn");
                    assertTrue(differsFromBackground(q), "the widget is drawn on the GPU");
                    q.close();
                }
            }
        }
    }

    static boolean differsFromBackground(RenderResult r) {
        int bg = OverlayFixture.BG.packed();
        int w = r.frame().width();
        int h = r.frame().height();
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                n += OverlayFixture.px(r, x, y) != bg ? 1 : 0;
            }
        }
        return n > 100;
    }

    static {
        assertEquals(18, Glyphs.BLOCK);
    }
}
