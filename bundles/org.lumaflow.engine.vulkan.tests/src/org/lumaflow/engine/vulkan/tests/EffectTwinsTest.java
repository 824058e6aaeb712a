package org.lumaflow.engine.vulkan.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumaflow.engine.vulkan.tests.support.GpuGoldenTest;

/**
 * GPU twins of the issue 18 effects and titles (crop, sharpen, chroma key, curves, colour wheels, vignette, title) vs
 * the CPU reference: every channel within one code value (they compute the same integers, so in practice equal).
 */
class EffectTwinsTest extends GpuGoldenTest {

    static Stream<Arguments> cases() {
        List<Case> c = new ArrayList<>();
        // core.crop: feathered, hard, fill (with feather), empty, identity
        c.add(filter("crop", "core.crop", "bars", "source", g -> g.add("out", "core.crop").set("left", 0.1)
                .set("right", 0.2).set("top", 0.1).set("feather", 2.0)));
        c.add(filter("crop_hard", "core.crop", "checker", "source", g -> g.add("out", "core.crop").set("left", 0.33)
                .set("bottom", 0.4)));
        c.add(filter("crop_fill", "core.crop", "bars", "source", g -> g.add("out", "core.crop").set("left", 0.25)
                .set("bottom", 0.2).set("mode", "fill")));
        c.add(filter("crop_fill_feather", "core.crop", "checker", "source", g -> g.add("out", "core.crop")
                .set("left", 0.1).set("right", 0.3).set("top", 0.2).set("mode", "fill").set("feather", 3.0)));
        c.add(filter("crop_empty", "core.crop", "bars", "source", g -> g.add("out", "core.crop").set("left", 0.6)
                .set("right", 0.6)));
        c.add(filter("crop_identity", "core.crop", "gradient", "source", g -> g.add("out", "core.crop")));
        // core.sharpen: moderate, strong with a threshold, a wide radius, on translucent pixels
        c.add(filter("sharpen", "core.sharpen", "bars", "source", g -> g.add("out", "core.sharpen")
                .set("amount", 1.5).set("radius", 1.5)));
        c.add(filter("sharpen_threshold", "core.sharpen", "zone", "source", g -> g.add("out", "core.sharpen")
                .set("amount", 4.0).set("radius", 0.7).set("threshold", 0.05)));
        c.add(filter("sharpen_wide", "core.sharpen", "checker", "source", g -> g.add("out", "core.sharpen")
                .set("amount", 0.8).set("radius", 9.0)));
        // core.chroma_key: soft, hard, blue key with full spill, matte
        c.add(filter("chroma_key", "core.chroma_key", "gradient", "source", g -> g.add("out", "core.chroma_key")
                .set("key", "#0040FF").set("tolerance", 0.1).set("softness", 0.3)));
        c.add(filter("chroma_key_hard", "core.chroma_key", "bars", "source", g -> g.add("out", "core.chroma_key")
                .set("tolerance", 0.3).set("softness", 0.0)));
        c.add(filter("chroma_key_spill", "core.chroma_key", "zone", "source", g -> g.add("out", "core.chroma_key")
                .set("key", "#2020F0").set("spill", 1.0).set("tolerance", 0.05).set("softness", 0.5)));
        c.add(filter("chroma_key_matte", "core.chroma_key", "checker", "source", g -> g.add("out",
                "core.chroma_key").set("key", "#FFFFFF").set("output", "matte")));
        // core.curves and core.color_wheels: table-driven through the grade kernel
        c.add(filter("curves", "core.curves", "bars", "source", g -> g.add("out", "core.curves")
                .set("master", "0,0 0.3,0.2 0.7,0.85 1,1").set("green", "0,0.1 1,0.9")));
        c.add(filter("curves_identity", "core.curves", "zone", "source", g -> g.add("out", "core.curves")));
        c.add(filter("color_wheels", "core.color_wheels", "bars", "source", g -> g.add("out", "core.color_wheels")
                .set("lift_hue", 200.0).set("lift_sat", 0.5).set("gain_hue", 100.0).set("gain_sat", 0.3)
                .set("gain_luma", 0.1).set("temperature", -0.3).set("saturation", 1.3)));
        c.add(filter("color_wheels_gamma", "core.color_wheels", "gradient", "source", g -> g.add("out",
                "core.color_wheels").set("gamma_hue", 300.0).set("gamma_sat", 1.0).set("offset_luma", -0.05)
                .set("tint", 0.4)));
        // core.vignette: each roundness regime, brighten, hard edge
        for (double round : new double[] {-1, -0.4, 0, 0.6, 1}) {
            c.add(filter("vignette_" + round, "core.vignette", "gradient", "source", g -> g.add("out",
                    "core.vignette").set("amount", -0.7).set("midpoint", 0.4).set("feather", 0.6)
                    .set("roundness", round)));
        }
        c.add(filter("vignette_bright_hard", "core.vignette", "bars", "source", g -> g.add("out", "core.vignette")
                .set("amount", 0.9).set("midpoint", 0.7).set("feather", 0.0)));
        // core.title: styles, and the presets at times where they are half way
        c.add(new Case("title", "core.title", g -> g.add("out", "core.title").set("text", "Lf\ngo").set("size", 12.0)
                .set("outline", 1.0).set("shadow", true).set("shadow_blur", 1.0).set("box", true)
                .set("box_padding", 2.0).set("box_radius", 3.0), 0));
        c.add(new Case("title_fade", "core.title", g -> g.add("out", "core.title").set("text", "Fade")
                .set("size", 14.0).set("animation", "fade").set("anim_in", 1.0), 500));
        c.add(new Case("title_slide", "core.title", g -> g.add("out", "core.title").set("text", "Up")
                .set("size", 14.0).set("animation", "slide_up").set("anim_in", 1.0).set("align", "left")
                .set("margin_x", 3.0), 300));
        c.add(new Case("title_typewriter", "core.title", g -> g.add("out", "core.title").set("text", "Type it")
                .set("size", 10.0).set("animation", "typewriter").set("anim_in", 1.0).set("valign", "top")
                .set("margin_y", 2.0), 600));
        c.add(new Case("title_out", "core.title", g -> g.add("out", "core.title").set("text", "Bye")
                .set("size", 16.0).set("animation", "fade").set("duration", 2.0).set("anim_out", 1.0), 1700));
        c.add(new Case("title_offscreen", "core.title", g -> g.add("out", "core.title").set("text", "Gone")
                .set("align", "right").set("margin_x", -0.0).set("valign", "bottom").set("margin_y", 0.0)
                .set("size", 60.0), 0));
        return sizes(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gpuMatchesCpu(String label, Case c, int w, int h) throws Exception {
        check(label, c, w, h);
    }
}
