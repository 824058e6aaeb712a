package org.lumaflow.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumaflow.core.concurrent.TaskType;
import org.lumaflow.core.concurrent.WorkerPools;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.tests.support.Fixture;
import org.lumaflow.engine.tests.support.Golden;

/** Every built-in node rendered at 48x27 and compared exactly with a committed reference. */
class GoldenTest {

    private static final int W = 48;
    private static final int H = 27;
    private static Fixture fx;
    private static Path media;

    @BeforeAll
    static void setup() throws Exception {
        fx = new Fixture();
        media = Files.createTempDirectory("lumaflow-golden-media");
        // an input image for core.image: the bars at 40x30, written as PNG
        Graph g = new Graph();
        g.add("bars", "core.smpte_bars");
        try (RenderResult r = fx.engine.compile(g.output("bars"), null).render(0, 40, 30, 1)) {
            ImageIO.write(Golden.toImage(r.frame()), "png", media.resolve("bars.png").toFile());
        }
        // a 5-point LUT: swaps red and blue and applies a square-root curve
        StringBuilder cube = new StringBuilder("TITLE \"golden\"\n# comment\nLUT_3D_SIZE 5\n");
        for (int b = 0; b < 5; b++) {
            for (int gg = 0; gg < 5; gg++) {
                for (int r = 0; r < 5; r++) {
                    cube.append(String.format(Locale.ROOT, "%.6f %.6f %.6f%n", Math.sqrt(b / 4.0), Math.sqrt(gg / 4.0),
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

    private static Graph src(Graph g, String id) {
        switch (id) {
            case "bars" -> g.add("bars", "core.smpte_bars");
            case "checker" -> g.add("checker", "core.checker").set("size", 6.0).set("color_b", "#FFFFFF00");
            case "gradient" -> g.add("gradient", "core.gradient").set("color_a", "#FF8000").set("color_b", "#0040FF");
            default -> throw new IllegalArgumentException(id);
        }
        return g;
    }

    /** A case: golden name, node type under test, graph builder (output = "out"), time in ms. */
    private record Case(String name, String type, Consumer<Graph> build, long ms) {
    }

    private static Case single(String name, String type, Consumer<Graph> params) {
        return new Case(name, type, params, 0);
    }

    private static Case filter(String name, String type, String input, String port, Consumer<Graph> params) {
        return new Case(name, type, g -> {
            src(g, input);
            params.accept(g);
            g.connect(input, "out", port);
        }, 0);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(single("solid", "core.solid", g -> g.add("out", "core.solid").set("color", "#336699CC")));
        c.add(single("smpte_bars", "core.smpte_bars", g -> g.add("out", "core.smpte_bars")));
        c.add(single("smpte_bars_setup", "core.smpte_bars", g -> g.add("out", "core.smpte_bars").set("setup", true)));
        c.add(single("gradient_linear", "core.gradient", g -> g.add("out", "core.gradient").set("angle", 30.0)
                .set("color_a", "#FF0000").set("color_b", "#00FF0080")));
        c.add(single("gradient_radial", "core.gradient", g -> g.add("out", "core.gradient").set("kind", "radial")
                .set("center", new double[] {0.3, 0.6})));
        c.add(single("checker", "core.checker", g -> g.add("out", "core.checker").set("size", 5.0)
                .set("offset", new double[] {0.1, 0.05})));
        c.add(new Case("zone_plate", "core.zone_plate", g -> g.add("out", "core.zone_plate").set("frequency", 0.25),
                500));
        c.add(single("image_fit", "core.image", g -> g.add("out", "core.image")
                .set("file", media.resolve("bars.png").toString()).set("fit", "fit")));
        c.add(single("image_fill", "core.image", g -> g.add("out", "core.image")
                .set("file", media.resolve("bars.png").toString()).set("fit", "fill")));
        c.add(filter("grade", "core.grade", "bars", "source", g -> g.add("out", "core.grade").set("exposure", 0.5)
                .set("contrast", 1.2).set("saturation", 0.7).set("lift", new double[] {0.05, 0, 0, 1})
                .set("gamma", new double[] {1.2, 1, 0.9, 1}).set("gain", new double[] {1, 1.1, 1, 1})));
        c.add(filter("lut3d", "core.lut3d", "gradient", "source", g -> g.add("out", "core.lut3d")
                .set("file", media.resolve("swap.cube").toString()).set("strength", 0.8)));
        for (String mode : new String[] {"over", "add", "multiply", "screen"}) {
            c.add(new Case("blend_" + mode, "core.blend", g -> {
                src(g, "bars");
                src(g, "checker");
                g.add("out", "core.blend").set("mode", mode).set("opacity", 0.7);
                g.connect("bars", "out", "background").connect("checker", "out", "foreground");
            }, 0));
        }
        c.add(new Case("blend_mask", "core.blend", g -> {
            src(g, "bars");
            src(g, "gradient");
            g.add("mask", "core.luma_mask");
            g.add("out", "core.blend");
            g.connect("gradient", "mask", "source");
            g.connect("bars", "out", "background").connect("checker", "out", "foreground").connect("mask", "out", "mask");
            src(g, "checker");
        }, 0));
        c.add(filter("transform", "core.transform", "bars", "source", g -> g.add("out", "core.transform")
                .set("scale", 0.6).set("rotation", 20.0).set("position", new double[] {0.45, 0.55})
                .set("crop_left", 0.1).set("crop_bottom", 0.2)));
        c.add(filter("gaussian_blur", "core.gaussian_blur", "checker", "source",
                g -> g.add("out", "core.gaussian_blur").set("radius", 2.0)));
        c.add(filter("gaussian_blur_large", "core.gaussian_blur", "bars", "source",
                g -> g.add("out", "core.gaussian_blur").set("radius", 40.0)));
        c.add(filter("bokeh_blur", "core.bokeh_blur", "bars", "source",
                g -> g.add("out", "core.bokeh_blur").set("radius", 4.0)));
        c.add(filter("bokeh_blur_large", "core.bokeh_blur", "bars", "source",
                g -> g.add("out", "core.bokeh_blur").set("radius", 30.0)));
        c.add(filter("text", "core.text", "gradient", "background", g -> g.add("out", "core.text").set("text", "Lf")
                .set("size", 20.0).set("outline", 1.0).set("shadow", true)));
        c.add(new Case("dissolve", "core.dissolve", g -> {
            src(g, "bars");
            src(g, "gradient");
            g.add("out", "core.dissolve").set("progress", 0.3);
            g.connect("bars", "out", "from").connect("gradient", "out", "to");
        }, 0));
        c.add(new Case("wipe_radial", "core.wipe", g -> {
            src(g, "bars");
            src(g, "gradient");
            g.add("out", "core.wipe").set("progress", 0.4).set("direction", "radial");
            g.connect("bars", "out", "from").connect("gradient", "out", "to");
        }, 0));
        c.add(new Case("pattern_wipe_clock", "core.pattern_wipe", g -> {
            src(g, "bars");
            src(g, "gradient");
            g.add("out", "core.pattern_wipe").set("progress", 0.4).set("pattern", "clock");
            g.connect("bars", "out", "from").connect("gradient", "out", "to");
        }, 0));
        for (String[] m : new String[][] {{"push", "left"}, {"slide", "up"}}) {
            c.add(new Case(m[0], "core." + m[0], g -> {
                src(g, "bars");
                src(g, "gradient");
                g.add("out", "core." + m[0]).set("progress", 0.35).set("direction", m[1]);
                g.connect("bars", "out", "from").connect("gradient", "out", "to");
            }, 0));
        }
        c.add(filter("luma_mask", "core.luma_mask", "bars", "source", g -> g.add("out", "core.luma_mask")
                .set("low", 0.2).set("high", 0.8)));
        // issue 18: editing effects and title clips
        c.add(filter("crop", "core.crop", "bars", "source", g -> g.add("out", "core.crop").set("left", 0.1)
                .set("right", 0.2).set("top", 0.1).set("feather", 2.0)));
        c.add(filter("crop_fill", "core.crop", "bars", "source", g -> g.add("out", "core.crop").set("left", 0.25)
                .set("bottom", 0.2).set("mode", "fill")));
        c.add(filter("sharpen", "core.sharpen", "checker", "source", g -> g.add("out", "core.sharpen")
                .set("amount", 1.5).set("radius", 1.5)));
        c.add(filter("chroma_key", "core.chroma_key", "gradient", "source", g -> g.add("out", "core.chroma_key")
                .set("key", "#0040FF").set("tolerance", 0.1).set("softness", 0.3)));
        c.add(filter("curves", "core.curves", "bars", "source", g -> g.add("out", "core.curves")
                .set("master", "0,0 0.3,0.2 0.7,0.85 1,1").set("green", "0,0.1 1,0.9")));
        c.add(filter("color_wheels", "core.color_wheels", "bars", "source", g -> g.add("out", "core.color_wheels")
                .set("lift_hue", 200.0).set("lift_sat", 0.5).set("gain_hue", 100.0).set("gain_sat", 0.3)
                .set("gain_luma", 0.1).set("temperature", -0.3).set("saturation", 1.3)));
        c.add(filter("vignette", "core.vignette", "gradient", "source", g -> g.add("out", "core.vignette")
                .set("amount", -0.7).set("midpoint", 0.4).set("feather", 0.6).set("roundness", 0.5)));
        c.add(single("title", "core.title", g -> g.add("out", "core.title").set("text", "Lf").set("size", 14.0)
                .set("outline", 1.0).set("shadow", true).set("shadow_blur", 1.0).set("box", true)
                .set("box_padding", 2.0).set("box_radius", 3.0)));
        return c;
    }

    static Stream<Arguments> caseArgs() {
        return cases().stream().map(c -> Arguments.of(c.name, c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseArgs")
    void matchesReference(String name, Case c) throws Exception {
        Graph g = new Graph();
        c.build.accept(g);
        g.output("out");
        try (RenderResult r = fx.engine.compile(g, null).render(Ticks.ofMillis(c.ms), W, H, 1.0)) {
            assertTrue(r.clean(), name + ": " + r.messages());
            Golden.assertMatches(name, r.frame());
        }
    }

    @Test
    void resultsDoNotDependOnHowRowsAreSplit() throws Exception {
        int before = WorkerPools.threads(TaskType.PIXEL);
        try {
            for (Case c : cases()) {
                Graph g = new Graph();
                c.build.accept(g);
                g.output("out");
                var cg = fx.engine.compile(g, null);
                byte[][] results = new byte[2][];
                int[] threads = {1, 3};
                for (int i = 0; i < 2; i++) {
                    WorkerPools.setThreads(TaskType.PIXEL, threads[i]);
                    try (RenderResult r = cg.render(Ticks.ofMillis(c.ms), 480, 270, 1.0)) {
                        results[i] = new byte[r.frame().buffer().capacity()];
                        r.frame().buffer().get(0, results[i]);
                    }
                }
                assertTrue(java.util.Arrays.equals(results[0], results[1]), c.name + " differs between 1 and 3 workers");
            }
        } finally {
            WorkerPools.setThreads(TaskType.PIXEL, before);
        }
    }

    @Test
    void everyBuiltInNodeHasAGoldenCase() {
        List<String> covered = cases().stream().map(Case::type).distinct().sorted().toList();
        List<String> builtIn = fx.registry.descriptors().stream().map(NodeDescriptor::id)
                .filter(id -> id.startsWith("core.")).sorted().toList();
        assertEquals(builtIn, covered);
    }

    @Test
    void unreadableImageRendersBlackWithAWarning() throws Exception {
        Graph g = new Graph();
        g.add("out", "core.image").set("file", "/no/such/picture.png");
        try (RenderResult r = fx.engine.compile(g.output("out"), null).render(0, W, H, 1.0)) {
            assertEquals(0xFF000000, Fixture.pixel(r.frame(), 5, 5));
            assertTrue(r.messages().get(0).text().contains("/no/such/picture.png"), r.messages().toString());
        }
    }
}
