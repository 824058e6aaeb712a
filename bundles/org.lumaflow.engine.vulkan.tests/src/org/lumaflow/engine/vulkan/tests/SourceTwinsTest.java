package org.lumaflow.engine.vulkan.tests;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumaflow.engine.vulkan.tests.support.GpuGoldenTest;

/** GPU twins of the generator nodes vs the CPU reference. */
class SourceTwinsTest extends GpuGoldenTest {

    /** A 40x30 picture with transparent and translucent parts, written as PNG for core.image. */
    @BeforeAll
    static void picture() throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                int a = x < 5 ? 0 : x < 10 ? 128 : 255;
                img.setRGB(x, y, (a << 24) | ((x * 6) << 16) | ((y * 8) << 8) | ((x + y) * 3));
            }
        }
        ImageIO.write(img, "png", media.resolve("pic.png").toFile());
    }

    static Stream<Arguments> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("solid", "core.solid", g -> g.add("out", "core.solid").set("color", "#336699CC"), 0));
        for (String fit : new String[] {"fit", "fill", "stretch", "none"}) {
            c.add(new Case("image_" + fit, "core.image", g -> g.add("out", "core.image")
                    .set("file", media.resolve("pic.png").toString()).set("fit", fit).set("background", "#20406080"),
                    0));
        }
        return sizes(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gpuMatchesCpu(String label, Case c, int w, int h) throws Exception {
        check(label, c, w, h);
    }
}
