package org.lumaflow.engine.vulkan.tests;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumaflow.engine.vulkan.tests.support.GpuGoldenTest;

/** GPU twins of the generator nodes vs the CPU reference. */
class SourceTwinsTest extends GpuGoldenTest {

    static Stream<Arguments> cases() {
        return sizes(List.of(
                new Case("solid", "core.solid", g -> g.add("out", "core.solid").set("color", "#336699CC"), 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gpuMatchesCpu(String label, Case c, int w, int h) throws Exception {
        check(label, c, w, h);
    }
}
