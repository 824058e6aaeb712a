package org.lumaflow.engine.vulkan.tests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.provider.Arguments;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.vulkan.internal.GpuGraph;

/**
 * Every built-in node rendered by the CPU reference and by its GPU twin (lavapipe in CI), at two sizes (one odd):
 * every channel of every pixel within one code value, and the node really ran as GPU kernels.
 */
public abstract class GpuGoldenTest {

    private static GpuFixture fx;
    /** A folder with test media: {@code swap.cube} (5-point LUT swapping red and blue, square-root curve). */
    protected static Path media;

    @BeforeAll
    static void setup() throws Exception {
        fx = new GpuFixture();
        fx.runtime();
        media = Files.createTempDirectory("lumaflow-gpu-golden");
        StringBuilder cube = new StringBuilder("LUT_3D_SIZE 5\n");
        for (int b = 0; b < 5; b++) {
            for (int g = 0; g < 5; g++) {
                for (int r = 0; r < 5; r++) {
                    cube.append(String.format(Locale.ROOT, "%.6f %.6f %.6f%n", Math.sqrt(b / 4.0), Math.sqrt(g / 4.0),
                            Math.sqrt(r / 4.0)));
                }
            }
        }
        Files.writeString(media.resolve("swap.cube"), cube);
    }

    @AfterAll
    static void teardown() {
        fx.close();
    }

    /** A case: label, node type under test (its node id must be "out"), graph builder, time in ms. */
    public record Case(String name, String type, Consumer<Graph> build, long ms) {
    }

    /** Adds the named source node ("bars", "checker", "gradient", "zone") to {@code g}. */
    protected static void src(Graph g, String id) {
        switch (id) {
            case "bars" -> g.add("bars", "core.smpte_bars");
            case "checker" -> g.add("checker", "core.checker").set("size", 6.0).set("color_b", "#FFFFFF00");
            case "gradient" -> g.add("gradient", "core.gradient").set("color_a", "#FF8000").set("color_b", "#0040FF");
            case "zone" -> g.add("zone", "core.zone_plate").set("frequency", 0.3);
            default -> throw new IllegalArgumentException(id);
        }
    }

    /** {@code type} as "out" fed by source {@code input} on {@code port}. */
    protected static Case filter(String name, String type, String input, String port, Consumer<Graph> params) {
        return new Case(name, type, g -> {
            src(g, input);
            params.accept(g);
            g.connect(input, "out", port);
        }, 0);
    }

    /** A transition "out" from bars to gradient. */
    protected static Case mix(String name, String type, Consumer<Graph> params) {
        return new Case(name, type, g -> {
            src(g, "bars");
            src(g, "gradient");
            params.accept(g);
            g.connect("bars", "out", "from").connect("gradient", "out", "to");
        }, 0);
    }

    /** Both sizes of every case: one even, one odd. */
    protected static Stream<Arguments> sizes(List<Case> cases) {
        List<Arguments> a = new ArrayList<>();
        for (Case c : cases) {
            a.add(Arguments.of(c.name + " 64x36", c, 64, 36));
            a.add(Arguments.of(c.name + " 50x27", c, 50, 27));
        }
        return a.stream();
    }

    /** Renders the case on both backends and compares. */
    protected static void check(String label, Case c, int w, int h) throws Exception {
        Graph g = new Graph();
        c.build.accept(g);
        g.output("out");
        long t = Ticks.ofMillis(c.ms);
        CompiledGraph gg = fx.gpu.compile(g, null);
        assertTrue(gg instanceof GpuGraph, "compiled for the GPU: " + gg.backend());
        assertTrue(((GpuGraph) gg).onGpu("out"), c.type + " has a GPU twin");
        try (RenderResult ref = fx.cpu.compile(g, null).render(t, w, h, 1.0);
                RenderResult got = gg.render(t, w, h, 1.0)) {
            assertTrue(got.clean(), label + ": " + got.messages());
            assertEquals(ref.messages(), got.messages());
            int diff = GpuFixture.maxDiff(ref.frame(), got.frame());
            assertTrue(diff <= 1, label + ": GPU differs from the CPU by " + diff + " code values");
        }
    }
}
