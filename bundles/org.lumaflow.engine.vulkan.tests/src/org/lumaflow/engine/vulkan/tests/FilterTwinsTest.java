package org.lumaflow.engine.vulkan.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.vulkan.internal.GpuGraph;
import org.lumaflow.engine.vulkan.tests.support.GpuFixture;
import org.lumaflow.engine.vulkan.tests.support.GpuGoldenTest;

/** GPU twins of the transform, blur and text nodes vs the CPU reference. */
class FilterTwinsTest extends GpuGoldenTest {

    static Stream<Arguments> cases() {
        List<Case> c = new ArrayList<>();
        // core.transform: the golden case, then rotation / crop / scale > 1 / flips / identity / empty crop
        c.add(filter("transform", "core.transform", "bars", "source", g -> g.add("out", "core.transform")
                .set("scale", 0.6).set("rotation", 20.0).set("position", new double[] {0.45, 0.55})
                .set("crop_left", 0.1).set("crop_bottom", 0.2)));
        c.add(filter("transform_zoom_rotate", "core.transform", "checker", "source", g -> g.add("out",
                "core.transform").set("scale", 1.7).set("rotation", -35.5).set("anchor", new double[] {0.3, 0.6})
                .set("position", new double[] {0.6, 0.4}).set("crop_top", 0.15).set("crop_right", 0.25)));
        c.add(filter("transform_flip", "core.transform", "gradient", "source", g -> g.add("out", "core.transform")
                .set("scale_x", -1.0).set("scale_y", 1.3).set("rotation", 90.0)));
        c.add(filter("transform_stretch", "core.transform", "zone", "source", g -> g.add("out", "core.transform")
                .set("scale", 2.5).set("scale_x", 0.4).set("rotation", 725.0)
                .set("position", new double[] {0.123, 0.877})));
        c.add(filter("transform_move", "core.transform", "checker", "source", g -> g.add("out", "core.transform")
                .set("position", new double[] {0.3, 0.7})));
        c.add(filter("transform_identity", "core.transform", "bars", "source", g -> g.add("out", "core.transform")));
        c.add(filter("transform_cropped_away", "core.transform", "bars", "source", g -> g.add("out",
                "core.transform").set("crop_left", 0.6).set("crop_right", 0.5)));
        // core.gaussian_blur: the golden cases, then more radii on a source with transparency and on opaque bars
        c.add(filter("gaussian_blur", "core.gaussian_blur", "checker", "source",
                g -> g.add("out", "core.gaussian_blur").set("radius", 2.0)));
        c.add(filter("gaussian_blur_large", "core.gaussian_blur", "bars", "source",
                g -> g.add("out", "core.gaussian_blur").set("radius", 40.0)));
        for (double r : new double[] {0.5, 1, 2, 4, 5, 12, 40, 100}) {
            c.add(filter("gaussian_blur_checker_" + r, "core.gaussian_blur", "checker", "source",
                    g -> g.add("out", "core.gaussian_blur").set("radius", r)));
            c.add(filter("gaussian_blur_zone_" + r, "core.gaussian_blur", "zone", "source",
                    g -> g.add("out", "core.gaussian_blur").set("radius", r)));
        }
        c.add(filter("gaussian_blur_off", "core.gaussian_blur", "bars", "source",
                g -> g.add("out", "core.gaussian_blur").set("radius", 0.0)));
        // core.bokeh_blur: the golden cases, then a transparent source, sample densities, large radii, off
        c.add(filter("bokeh_blur", "core.bokeh_blur", "bars", "source",
                g -> g.add("out", "core.bokeh_blur").set("radius", 4.0)));
        c.add(filter("bokeh_blur_large", "core.bokeh_blur", "bars", "source",
                g -> g.add("out", "core.bokeh_blur").set("radius", 30.0)));
        for (double r : new double[] {4, 30}) {
            c.add(filter("bokeh_blur_checker_" + r, "core.bokeh_blur", "checker", "source",
                    g -> g.add("out", "core.bokeh_blur").set("radius", r)));
        }
        c.add(filter("bokeh_blur_sparse", "core.bokeh_blur", "checker", "source",
                g -> g.add("out", "core.bokeh_blur").set("radius", 9.3).set("quality", 0.25)));
        c.add(filter("bokeh_blur_dense", "core.bokeh_blur", "zone", "source",
                g -> g.add("out", "core.bokeh_blur").set("radius", 24.0).set("quality", 4.0)));
        c.add(filter("bokeh_blur_huge", "core.bokeh_blur", "checker", "source",
                g -> g.add("out", "core.bokeh_blur").set("radius", 75.0).set("quality", 2.0)));
        c.add(filter("bokeh_blur_tiny", "core.bokeh_blur", "checker", "source",
                g -> g.add("out", "core.bokeh_blur").set("radius", 0.5)));
        c.add(filter("bokeh_blur_off", "core.bokeh_blur", "bars", "source",
                g -> g.add("out", "core.bokeh_blur").set("radius", 0.4)));
        // core.text: the golden case, then no background, opacity, alignment, clipping, translucent colours
        c.add(filter("text", "core.text", "gradient", "background", g -> g.add("out", "core.text").set("text", "Lf")
                .set("size", 20.0).set("outline", 1.0).set("shadow", true)));
        c.add(new Case("text_no_background", "core.text", g -> g.add("out", "core.text").set("text", "Hello\nworld")
                .set("size", 11.0).set("align", "left").set("color", "#FF336699").set("opacity", 0.5), 0));
        c.add(filter("text_translucent", "core.text", "checker", "background", g -> g.add("out", "core.text")
                .set("text", "Ag\n\nlonger line").set("size", 13.0).set("align", "right")
                .set("color", "#40C0FF80").set("outline", 2.0).set("outline_color", "#FF000080").set("opacity", 0.77)
                .set("position", new double[] {0.4, 0.6})));
        c.add(filter("text_clipped", "core.text", "bars", "background", g -> g.add("out", "core.text")
                .set("text", "Clip").set("size", 30.0).set("position", new double[] {0.95, 0.05})
                .set("shadow", true)));
        c.add(filter("text_outside", "core.text", "bars", "background", g -> g.add("out", "core.text")
                .set("text", "Gone").set("size", 10.0).set("position", new double[] {1.0, 1.0})));
        c.add(filter("text_transparent", "core.text", "bars", "background", g -> g.add("out", "core.text")
                .set("text", "Zero").set("opacity", 0.0)));
        c.add(new Case("text_transparent_alone", "core.text", g -> g.add("out", "core.text").set("text", "Zero")
                .set("opacity", 0.001), 0));
        c.add(filter("text_empty", "core.text", "gradient", "background", g -> g.add("out", "core.text")
                .set("text", " \n ")));
        c.add(filter("text_opaque_block", "core.text", "zone", "background", g -> g.add("out", "core.text")
                .set("text", "WM").set("size", 60.0).set("outline", 3.5).set("opacity", 1.0)));
        return sizes(c);
    }

    /** Larger frames, where the blurs reduce by 4 or 8 (partial blocks at the right and bottom edges). */
    static Stream<Arguments> large() {
        List<Arguments> a = new ArrayList<>();
        for (double r : new double[] {12, 40, 150}) {
            a.add(Arguments.of("gaussian_blur_" + r + " 250x161", filter("gaussian_blur_" + r, "core.gaussian_blur",
                    "checker", "source", g -> g.add("out", "core.gaussian_blur").set("radius", r)), 250, 161));
        }
        for (double r : new double[] {30, 200}) {
            a.add(Arguments.of("bokeh_blur_" + r + " 250x161", filter("bokeh_blur_" + r, "core.bokeh_blur",
                    "checker", "source", g -> g.add("out", "core.bokeh_blur").set("radius", r)), 250, 161));
        }
        return a.stream();
    }

    /**
     * One compiled graph per node rendered again and again at changing sizes and scales (radius, text size and
     * placement change with them): the twins' cached state (kernels, sample offsets, uploaded text raster, replaced
     * rasters released) must keep matching the CPU frame after frame.
     */
    @Test
    void stateFollowsChangingFrames() throws Exception {
        List<Consumer<Graph>> graphs = List.of(g -> {
            src(g, "checker");
            g.add("out", "core.gaussian_blur").set("radius", 6.0);
            g.connect("checker", "out", "source");
        }, g -> {
            src(g, "checker");
            g.add("out", "core.bokeh_blur").set("radius", 20.0);
            g.connect("checker", "out", "source");
        }, g -> {
            src(g, "gradient");
            g.add("out", "core.text").set("text", "Seq").set("size", 14.0).set("outline", 1.5)
                    .set("opacity", 0.6).set("position", new double[] {0.3, 0.4});
            g.connect("gradient", "out", "background");
        }, g -> {
            src(g, "bars");
            g.add("out", "core.transform").set("scale", 1.3).set("rotation", 33.0);
            g.connect("bars", "out", "source");
        });
        int[][] sizes = {{64, 36}, {64, 36}, {50, 27}, {96, 54}, {50, 27}, {64, 36}, {64, 36}, {33, 70}, {64, 36}};
        double[] scales = {1, 1, 1, 1.5, 0.5, 1, 2, 1, 1};
        try (GpuFixture f = new GpuFixture()) {
            for (Consumer<Graph> build : graphs) {
                Graph g = new Graph();
                build.accept(g);
                g.output("out");
                CompiledGraph cpu = f.cpu.compile(g, null);
                CompiledGraph gpu = f.gpu.compile(g, null);
                assertTrue(gpu instanceof GpuGraph && ((GpuGraph) gpu).onGpu("out"), gpu.backend());
                for (int i = 0; i < sizes.length; i++) {
                    int w = sizes[i][0];
                    int h = sizes[i][1];
                    long t = Ticks.ofMillis(40L * i);
                    try (RenderResult ref = cpu.render(t, w, h, scales[i]);
                            RenderResult got = gpu.render(t, w, h, scales[i])) {
                        String label = g.node("out").type() + " frame " + i + " " + w + "x" + h + " @" + scales[i];
                        assertTrue(got.clean(), label + ": " + got.messages());
                        assertEquals(ref.messages(), got.messages(), label);
                        int diff = GpuFixture.maxDiff(ref.frame(), got.frame());
                        assertTrue(diff <= 1, label + ": GPU differs from the CPU by " + diff + " code values");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("large")
    void gpuMatchesCpuLarge(String label, Case c, int w, int h) throws Exception {
        check(label, c, w, h);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gpuMatchesCpu(String label, Case c, int w, int h) throws Exception {
        check(label, c, w, h);
    }
}
