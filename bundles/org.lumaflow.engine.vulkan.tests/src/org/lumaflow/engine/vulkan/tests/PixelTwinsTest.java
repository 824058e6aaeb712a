package org.lumaflow.engine.vulkan.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumaflow.engine.vulkan.tests.support.GpuGoldenTest;

/** GPU twins of the per-pixel nodes (transitions, mask, grade, blend, 3D LUT) vs the CPU reference. */
class PixelTwinsTest extends GpuGoldenTest {

    static Stream<Arguments> cases() {
        List<Case> c = new ArrayList<>();
        // core.dissolve: the golden case, ends and near-ends of the progress (inputs are required:
        // the graph compiler rejects a missing one), sources with alpha
        for (double p : new double[] {0.3, 0, 1, 0.5, 0.000001, 0.99999, 0.0001}) {
            c.add(mix("dissolve_" + p, "core.dissolve", g -> g.add("out", "core.dissolve").set("progress", p)));
        }
        c.add(new Case("dissolve_alpha", "core.dissolve", g -> {
            src(g, "checker");
            src(g, "gradient");
            g.add("out", "core.dissolve").set("progress", 0.77);
            g.connect("checker", "out", "from").connect("gradient", "out", "to");
        }, 0));
        // core.wipe: the golden case, every direction soft and hard, radial edges from hard to fully soft
        c.add(mix("wipe_radial", "core.wipe", g -> g.add("out", "core.wipe").set("progress", 0.4)
                .set("direction", "radial")));
        for (String dir : new String[] {"right", "left", "down", "up", "radial"}) {
            c.add(mix("wipe_" + dir + "_soft", "core.wipe", g -> g.add("out", "core.wipe").set("progress", 0.63)
                    .set("direction", dir).set("softness", 0.21)));
            c.add(mix("wipe_" + dir + "_hard", "core.wipe", g -> g.add("out", "core.wipe").set("progress", 0.5)
                    .set("direction", dir).set("softness", 0.0)));
            c.add(mix("wipe_" + dir + "_sharp", "core.wipe", g -> g.add("out", "core.wipe").set("progress", 0.27)
                    .set("direction", dir).set("softness", 0.00001)));
            c.add(mix("wipe_" + dir + "_full", "core.wipe", g -> g.add("out", "core.wipe").set("progress", 0.5)
                    .set("direction", dir).set("softness", 1.0)));
        }
        c.add(mix("wipe_start", "core.wipe", g -> g.add("out", "core.wipe").set("progress", 0.0)));
        c.add(mix("wipe_end", "core.wipe", g -> g.add("out", "core.wipe").set("progress", 1.0)));
        c.add(mix("wipe_radial_late", "core.wipe", g -> g.add("out", "core.wipe").set("progress", 0.97)
                .set("direction", "radial").set("softness", 0.6)));
        // core.pattern_wipe: every pattern soft, hard and nearly done
        for (String pattern : new String[] {"clock", "barn_h", "barn_v", "box", "diamond", "diagonal"}) {
            c.add(mix("pattern_" + pattern + "_soft", "core.pattern_wipe", g -> g.add("out", "core.pattern_wipe")
                    .set("progress", 0.45).set("pattern", pattern).set("softness", 0.2)));
            c.add(mix("pattern_" + pattern + "_hard", "core.pattern_wipe", g -> g.add("out", "core.pattern_wipe")
                    .set("progress", 0.6).set("pattern", pattern).set("softness", 0.0)));
            c.add(mix("pattern_" + pattern + "_late", "core.pattern_wipe", g -> g.add("out", "core.pattern_wipe")
                    .set("progress", 0.97).set("pattern", pattern)));
        }
        // core.push / core.slide: every direction, mid-way and near the ends
        for (String type : new String[] {"push", "slide"}) {
            for (String dir : new String[] {"left", "right", "up", "down"}) {
                for (double p : new double[] {0.001, 0.35, 0.999}) {
                    c.add(mix(type + "_" + dir + "_" + p, "core." + type, g -> g.add("out", "core." + type)
                            .set("progress", p).set("direction", dir)));
                }
            }
        }
        // core.luma_mask: the golden case, inverted, a step (high <= low), alpha-weighted on a transparent source
        c.add(filter("luma_mask", "core.luma_mask", "bars", "source", g -> g.add("out", "core.luma_mask")
                .set("low", 0.2).set("high", 0.8)));
        c.add(filter("luma_mask_default", "core.luma_mask", "zone", "source", g -> g.add("out", "core.luma_mask")));
        c.add(filter("luma_mask_invert", "core.luma_mask", "gradient", "source", g -> g.add("out", "core.luma_mask")
                .set("low", 0.1).set("high", 0.65).set("invert", true)));
        c.add(filter("luma_mask_step", "core.luma_mask", "zone", "source", g -> g.add("out", "core.luma_mask")
                .set("low", 0.5).set("high", 0.3)));
        c.add(filter("luma_mask_alpha", "core.luma_mask", "checker", "source", g -> g.add("out", "core.luma_mask")
                .set("low", 0.05).set("high", 0.9).set("use_alpha", true)));
        c.add(new Case("luma_mask_alpha_gradient", "core.luma_mask", g -> {
            g.add("src", "core.gradient").set("color_a", "#FFFFFF10").set("color_b", "#204080F0").set("angle", 60.0);
            g.add("out", "core.luma_mask").set("use_alpha", true).set("invert", true).set("high", 0.7);
            g.connect("src", "out", "source");
        }, 0));
        // core.grade: the golden case, identity (passed through), saturation only, extremes, alpha kept
        c.add(filter("grade", "core.grade", "bars", "source", g -> g.add("out", "core.grade").set("exposure", 0.5)
                .set("contrast", 1.2).set("saturation", 0.7).set("lift", new double[] {0.05, 0, 0, 1})
                .set("gamma", new double[] {1.2, 1, 0.9, 1}).set("gain", new double[] {1, 1.1, 1, 1})));
        c.add(filter("grade_identity", "core.grade", "gradient", "source", g -> g.add("out", "core.grade")));
        c.add(filter("grade_saturation_only", "core.grade", "gradient", "source", g -> g.add("out", "core.grade")
                .set("saturation", 2.7)));
        c.add(filter("grade_grey", "core.grade", "bars", "source", g -> g.add("out", "core.grade")
                .set("saturation", 0.0).set("exposure", -1.3)));
        c.add(filter("grade_extreme", "core.grade", "zone", "source", g -> g.add("out", "core.grade")
                .set("exposure", 8.0).set("contrast", 4.0).set("saturation", 4.0)
                .set("lift", new double[] {-1, 0.5, 1, 1}).set("gamma", new double[] {0.01, 4, 0.37, 1})
                .set("gain", new double[] {0, 4, 0.3, 1})));
        c.add(filter("grade_dark", "core.grade", "checker", "source", g -> g.add("out", "core.grade")
                .set("exposure", -8.0).set("contrast", 0.0).set("lift", new double[] {0.2, 0.1, -0.3, 0})));
        c.add(filter("grade_alpha", "core.grade", "checker", "source", g -> g.add("out", "core.grade")
                .set("contrast", 0.8).set("saturation", 1.6).set("gamma", new double[] {2.2, 2.2, 2.2, 1})));
        // core.blend: the golden cases (every mode at 0.7 over bars, masked over), then translucent backdrops, full
        // and zero opacity, masks with every mode
        for (String mode : new String[] {"over", "add", "multiply", "screen"}) {
            c.add(new Case("blend_" + mode, "core.blend", g -> {
                src(g, "bars");
                src(g, "checker");
                g.add("out", "core.blend").set("mode", mode).set("opacity", 0.7);
                g.connect("bars", "out", "background").connect("checker", "out", "foreground");
            }, 0));
            for (double opacity : new double[] {1, 0.43}) {
                c.add(new Case("blend_translucent_" + mode + "_" + opacity, "core.blend", g -> {
                    g.add("bg", "core.gradient").set("color_a", "#FF000000").set("color_b", "#00C0FFFF")
                            .set("angle", 20.0);
                    g.add("fg", "core.gradient").set("kind", "radial").set("color_a", "#20FF40F0")
                            .set("color_b", "#FFFF0010");
                    g.add("out", "core.blend").set("mode", mode).set("opacity", opacity);
                    g.connect("bg", "out", "background").connect("fg", "out", "foreground");
                }, 0));
            }
            c.add(new Case("blend_masked_" + mode, "core.blend", g -> {
                src(g, "checker");
                src(g, "zone");
                g.add("m", "core.luma_mask").set("low", 0.1).set("high", 0.9);
                g.add("fg", "core.gradient").set("color_a", "#FF00FF80").set("color_b", "#00FF00FF");
                g.add("out", "core.blend").set("mode", mode).set("opacity", 0.85);
                g.connect("zone", "m", "source").connect("checker", "out", "background")
                        .connect("fg", "out", "foreground").connect("m", "out", "mask");
            }, 0));
        }
        c.add(new Case("blend_mask", "core.blend", g -> {
            src(g, "bars");
            src(g, "gradient");
            g.add("mask", "core.luma_mask");
            g.add("out", "core.blend");
            g.connect("gradient", "mask", "source");
            g.connect("bars", "out", "background").connect("checker", "out", "foreground").connect("mask", "out",
                    "mask");
            src(g, "checker");
        }, 0));
        c.add(new Case("blend_plain_over", "core.blend", g -> {
            src(g, "zone");
            src(g, "checker");
            g.add("out", "core.blend");
            g.connect("zone", "out", "background").connect("checker", "out", "foreground");
        }, 0));
        c.add(new Case("blend_invisible", "core.blend", g -> {
            src(g, "zone");
            src(g, "checker");
            g.add("out", "core.blend").set("mode", "screen").set("opacity", 0.0);
            g.connect("zone", "out", "background").connect("checker", "out", "foreground");
        }, 0));
        // core.lut3d: the golden case, other strengths (0 passes through) and sources, LUTs of other sizes and domains
        c.add(filter("lut3d", "core.lut3d", "gradient", "source", g -> g.add("out", "core.lut3d")
                .set("file", media.resolve("swap.cube").toString()).set("strength", 0.8)));
        for (double strength : new double[] {1, 0.37, 0}) {
            c.add(filter("lut3d_bars_" + strength, "core.lut3d", "bars", "source", g -> g.add("out", "core.lut3d")
                    .set("file", media.resolve("swap.cube").toString()).set("strength", strength)));
        }
        c.add(filter("lut3d_domain", "core.lut3d", "zone", "source", g -> g.add("out", "core.lut3d")
                .set("file", cube("domain.cube", 3, "DOMAIN_MIN 0.1 0 -0.2\nDOMAIN_MAX 0.9 1.2 1\n", 1))));
        c.add(filter("lut3d_17", "core.lut3d", "checker", "source", g -> g.add("out", "core.lut3d")
                .set("file", cube("seventeen.cube", 17, "LUT_3D_INPUT_RANGE 0 1\n", 2)).set("strength", 0.9)));
        c.add(filter("lut3d_2", "core.lut3d", "bars", "source", g -> g.add("out", "core.lut3d")
                .set("file", cube("two.cube", 2, "", 3))));
        c.add(new Case("lut3d_gradient_33", "core.lut3d", g -> {
            g.add("src", "core.gradient").set("color_a", "#03FA7780").set("color_b", "#F0109AFF").set("angle", -70.0);
            g.add("out", "core.lut3d").set("file", cube("big.cube", 33, "", 2)).set("strength", 0.55);
            g.connect("src", "out", "source");
        }, 0));
        List<Arguments> a = new ArrayList<>(sizes(c).toList());
        // a radial soft edge spanning too many distances for a table: evaluated in float on the GPU
        a.add(Arguments.of("wipe_radial_wide 256x144", mix("wipe_radial_wide", "core.wipe", g -> g.add("out",
                "core.wipe").set("progress", 0.5).set("direction", "radial").set("softness", 0.5)), 256, 144));
        a.add(Arguments.of("wipe_radial_wide 301x173", mix("wipe_radial_wide", "core.wipe", g -> g.add("out",
                "core.wipe").set("progress", 0.31).set("direction", "radial").set("softness", 0.93)), 301, 173));
        return a.stream();
    }

    /**
     * Writes {@code media/NAME}: a .cube LUT of {@code n} points per axis after {@code header}, of one of three
     * curves (1: outside 0..1 on both sides, 2: smooth cross-talk, 3: inverted), and returns its path.
     */
    private static String cube(String name, int n, String header, int curve) {
        StringBuilder sb = new StringBuilder("# test LUT\nTITLE \"" + name + "\"\n").append(header)
                .append("LUT_3D_SIZE ").append(n).append('\n');
        for (int b = 0; b < n; b++) {
            for (int g = 0; g < n; g++) {
                for (int r = 0; r < n; r++) {
                    double x = r / (n - 1.0);
                    double y = g / (n - 1.0);
                    double z = b / (n - 1.0);
                    double[] v = switch (curve) {
                        case 1 -> new double[] {1.3 * x - 0.2, y * y * 1.4, 1 - z + 0.5 * x - 0.3};
                        case 2 -> new double[] {0.5 + 0.5 * Math.sin(3 * x + y), 0.2 * x + 0.7 * y + 0.1 * z,
                            Math.sqrt(z) * 0.8 + 0.2 * y * x};
                        default -> new double[] {1 - x, 1 - y, 1 - z};
                    };
                    sb.append(String.format(Locale.ROOT, "%.6f %.6f %.6f%n", v[0], v[1], v[2]));
                }
            }
        }
        Path f = media.resolve(name);
        try {
            Files.writeString(f, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gpuMatchesCpu(String label, Case c, int w, int h) throws Exception {
        check(label, c, w, h);
    }
}
