package org.lumaflow.engine.vulkan.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
        for (double r : new double[] {0.5, 2, 4, 5, 12, 40}) {
            c.add(filter("gaussian_blur_checker_" + r, "core.gaussian_blur", "checker", "source",
                    g -> g.add("out", "core.gaussian_blur").set("radius", r)));
            c.add(filter("gaussian_blur_zone_" + r, "core.gaussian_blur", "zone", "source",
                    g -> g.add("out", "core.gaussian_blur").set("radius", r)));
        }
        c.add(filter("gaussian_blur_off", "core.gaussian_blur", "bars", "source",
                g -> g.add("out", "core.gaussian_blur").set("radius", 0.0)));
        return sizes(c);
    }

    /** Larger frames, where the blurs reduce by 4 or 8 (partial blocks at the right and bottom edges). */
    static Stream<Arguments> large() {
        List<Arguments> a = new ArrayList<>();
        for (double r : new double[] {12, 40, 150}) {
            a.add(Arguments.of("gaussian_blur_" + r + " 250x161", filter("gaussian_blur_" + r, "core.gaussian_blur",
                    "checker", "source", g -> g.add("out", "core.gaussian_blur").set("radius", r)), 250, 161));
        }
        return a.stream();
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
