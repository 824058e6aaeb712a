package org.lumaflow.engine.vulkan.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumaflow.engine.vulkan.tests.support.GpuGoldenTest;

/** GPU twins of the pattern generators (checker, gradient, bars, zone plate) vs the CPU reference. */
class GeneratorTwinsTest extends GpuGoldenTest {

    static Stream<Arguments> cases() {
        List<Case> c = new ArrayList<>();
        // checker: the golden case, the harness source, scrolled by odd and negative offsets, tiny and huge cells
        c.add(new Case("checker", "core.checker", g -> g.add("out", "core.checker").set("size", 5.0)
                .set("offset", new double[] {0.1, 0.05}), 0));
        c.add(new Case("checker_source", "core.checker", g -> g.add("out", "core.checker").set("size", 6.0)
                .set("color_b", "#FFFFFF00"), 0));
        c.add(new Case("checker_scrolled", "core.checker", g -> g.add("out", "core.checker").set("size", 7.3)
                .set("offset", new double[] {-2.37, 13.71}).set("color_a", "#12345678"), 0));
        c.add(new Case("checker_1px", "core.checker", g -> g.add("out", "core.checker").set("size", 1.0)
                .set("offset", new double[] {0.013, -0.5}), 0));
        c.add(new Case("checker_default", "core.checker", g -> g.add("out", "core.checker"), 0));
        c.add(new Case("checker_huge", "core.checker", g -> g.add("out", "core.checker").set("size", 4096.0)
                .set("offset", new double[] {-0.25, 0.5}), 0));
        // gradient: the golden cases, the harness source, other angles and centres, radial with alpha
        c.add(new Case("gradient_linear", "core.gradient", g -> g.add("out", "core.gradient").set("angle", 30.0)
                .set("color_a", "#FF0000").set("color_b", "#00FF0080"), 0));
        c.add(new Case("gradient_radial", "core.gradient", g -> g.add("out", "core.gradient").set("kind", "radial")
                .set("center", new double[] {0.3, 0.6}), 0));
        c.add(new Case("gradient_source", "core.gradient", g -> g.add("out", "core.gradient")
                .set("color_a", "#FF8000").set("color_b", "#0040FF"), 0));
        for (double angle : new double[] {90, -135, 180, 271.3, 360}) {
            c.add(new Case("gradient_" + angle, "core.gradient", g -> g.add("out", "core.gradient")
                    .set("angle", angle).set("center", new double[] {0.37, 0.81}).set("color_a", "#10E0407F")
                    .set("color_b", "#F0209AFF"), 0));
        }
        c.add(new Case("gradient_off_frame", "core.gradient", g -> g.add("out", "core.gradient").set("angle", 45.0)
                .set("center", new double[] {-1.5, 2.25}), 0));
        c.add(new Case("gradient_radial_alpha", "core.gradient", g -> g.add("out", "core.gradient")
                .set("kind", "radial").set("color_a", "#FFFFFF00").set("color_b", "#3060C0FF")
                .set("center", new double[] {0.5, 0.5}), 0));
        c.add(new Case("gradient_radial_corner", "core.gradient", g -> g.add("out", "core.gradient")
                .set("kind", "radial").set("color_a", "#00FF00").set("color_b", "#FF00FF")
                .set("center", new double[] {1.2, -0.1}), 0));
        // bars: both golden cases
        c.add(new Case("smpte_bars", "core.smpte_bars", g -> g.add("out", "core.smpte_bars"), 0));
        c.add(new Case("smpte_bars_setup", "core.smpte_bars", g -> g.add("out", "core.smpte_bars")
                .set("setup", true), 0));
        // zone plate: the golden case (t = 0.5 s), the harness source, fast/negative phase speeds, high frequencies
        c.add(new Case("zone_plate", "core.zone_plate", g -> g.add("out", "core.zone_plate").set("frequency", 0.25),
                500));
        c.add(new Case("zone_source", "core.zone_plate", g -> g.add("out", "core.zone_plate").set("frequency", 0.3),
                0));
        c.add(new Case("zone_fast", "core.zone_plate", g -> g.add("out", "core.zone_plate").set("frequency", 0.5)
                .set("speed", 37.3), 12_345));
        c.add(new Case("zone_backwards", "core.zone_plate", g -> g.add("out", "core.zone_plate")
                .set("frequency", 4.0).set("speed", -99.7), 3_600_007));
        c.add(new Case("zone_flat", "core.zone_plate", g -> g.add("out", "core.zone_plate").set("frequency", 0.0)
                .set("speed", 0.35), 1_000));
        return sizes(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gpuMatchesCpu(String label, Case c, int w, int h) throws Exception {
        check(label, c, w, h);
    }
}
