package org.lumaflow.engine.vulkan.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.graph.ShaderNode;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.RenderMessage;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.vulkan.internal.GpuGraph;
import org.lumaflow.engine.vulkan.tests.support.GpuFixture;

/**
 * What {@link ShaderNode}'s Javadoc and the extension guide promise, on a real device (lavapipe in CI): parameters
 * fill 96 bytes of the push-constant block after the 32-byte header (exactly 96 works, 100 renders on the CPU with a
 * warning naming the limit); GLSL that does not compile is logged once with the generated source, numbered and the
 * failing line marked, and every frame that falls back carries the warning (so a render's count and range are right).
 */
class ShaderNodeContractTest {

    private final GpuFixture fx = new GpuFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    /**
     * A source node with 4 COLOR (64 bytes), 2 POINT (16) and {@code floats} FLOAT parameters. It outputs
     * (c3.r, pt1.y, last float, c0.a): the fields at the end of each group, so a wrong offset reads another value.
     */
    static final class Params implements ShaderNode {
        private final NodeDescriptor d;
        private final String glsl;

        Params(String id, int floats, String glsl) {
            List<ParamSpec> ps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ps.add(ParamSpec.color("c" + i, new Color(0.9, 0.9, 0.9, 0.9), ""));
            }
            ps.add(ParamSpec.point("pt0", new Point2(0.9, 0.9), ""));
            ps.add(ParamSpec.point("pt1", new Point2(0.9, 0.9), ""));
            for (int i = 0; i < floats; i++) {
                ps.add(ParamSpec.number("f" + i, 0.9, 0, 1, "", ""));
            }
            d = new NodeDescriptor(id, "Params", "Test", "fills the parameter block", List.of(), PortType.IMAGE, ps);
            this.glsl = glsl != null ? glsl : """
                    uint shade(ivec2 xy) {
                        return pack(vec4(p.c3.r, p.pt1.y, p.f%d, p.c0.a));
                    }
                    """.formatted(floats - 1);
        }

        @Override
        public NodeDescriptor descriptor() {
            return d;
        }

        @Override
        public String glsl() {
            return glsl;
        }

        @Override
        public void render(NodeContext ctx) {
            float[] v = {(float) ctx.color("c3").r(), (float) ctx.point("pt1").y(),
                    (float) ctx.number("f" + (d.params().size() - 7)), (float) ctx.color("c0").a()};
            int px = 0;
            for (int ch = 0; ch < 4; ch++) {
                px |= (int) Math.floor(Math.min(255f, Math.max(0f, v[ch] * 255f + 0.5f))) << (8 * ch);
            }
            ByteBuffer out = ctx.output().buffer();
            for (int i = 0; i < out.capacity(); i += 4) {
                out.putInt(i, px);
            }
        }
    }

    /** R 64, G 153, B 102, A 255 as 0xAABBGGRR. */
    private static final int EXPECTED = 0xFF000000 | (102 << 16) | (153 << 8) | 64;

    private static Graph graph(String type, int floats) {
        Graph g = new Graph();
        var n = g.add("n", type).set("c3", new Color(0.25, 0.9, 0.9, 0.9)).set("c0", new Color(0.9, 0.9, 0.9, 1))
                .set("pt1", new Point2(0.9, 0.6));
        n.set("f" + (floats - 1), 0.4);
        return g.output("n");
    }

    private static void assertEvery(RenderResult r, int px) {
        ByteBuffer b = r.frame().buffer();
        for (int i = 0; i < b.capacity(); i += 4) {
            assertEquals(Integer.toHexString(px), Integer.toHexString(b.getInt(i)), "pixel " + i / 4);
        }
    }

    @Test
    void parametersFillingExactly96BytesRunOnTheGpu() throws Exception {
        fx.runtime();
        fx.registry.register(new Params("test.full_block", 4, null), "com.example.test", 0); // 64 + 16 + 16 = 96
        CompiledGraph g = fx.gpu.compile(graph("test.full_block", 4), null);
        try (RenderResult r = g.render(0, 16, 8, 1)) {
            assertTrue(r.clean(), r.messages().toString());
            assertTrue(((GpuGraph) g).onGpu("n"), "ran as a kernel");
            assertEvery(r, EXPECTED);
        }
        try (RenderResult ref = GpuFixture.render(fx.cpu, graph("test.full_block", 4), 0, 16, 8)) {
            assertEvery(ref, EXPECTED);
        }
    }

    @Test
    void fourBytesMoreRenderOnTheCpuWithAWarningOnEveryFrame() throws Exception {
        fx.runtime();
        fx.registry.register(new Params("test.over_block", 5, null), "com.example.test", 0); // 100 bytes
        CompiledGraph g = fx.gpu.compile(graph("test.over_block", 5), null);
        for (int f = 0; f < 3; f++) {
            try (RenderResult r = g.render(f * 1000L, 16, 8, 1)) {
                List<RenderMessage> m = r.messages();
                assertEquals(1, m.size(), m.toString());
                assertEquals(RenderMessage.Severity.WARNING, m.get(0).severity());
                assertTrue(m.get(0).text().contains("its parameters need 100 bytes of push constants, at most 96 fit")
                        && m.get(0).text().contains("rendered on the CPU"), m.get(0).text());
                assertEvery(r, EXPECTED); // the CPU fallback
            }
        }
        assertFalse(((GpuGraph) g).onGpu("n"));
    }

    @Test
    void compileErrorIsLoggedOnceWithTheNumberedSourceAndEveryFrameWarns() throws Exception {
        fx.runtime();
        String broken = """
                uint shade(ivec2 xy) {
                    vec4 c = vec4(p.c3.r, p.pt1.y, p.f3, p.c0.a);
                    return pack(c) + no_such_function(xy);
                }
                """;
        fx.registry.register(new Params("test.broken_glsl", 4, broken), "com.example.test", 0);
        List<String> log = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (log) {
                    log.add(r.getLevel() + " " + r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("org.lumaflow.engine.vulkan");
        logger.addHandler(h);
        try {
            for (int run = 0; run < 2; run++) { // a second graph (a timeline's next segment) does not log again
                CompiledGraph g = fx.gpu.compile(graph("test.broken_glsl", 4), null);
                for (int f = 0; f < 4; f++) {
                    try (RenderResult r = g.render(f * 1000L, 16, 8, 1)) {
                        List<RenderMessage> m = r.messages();
                        assertEquals(1, m.size(), "frame " + f + ": " + m);
                        String text = m.get(0).text();
                        assertTrue(text.contains("its GLSL does not compile: line 3 of glsl(): ")
                                && text.contains("no_such_function") && text.contains("rendered on the CPU"), text);
                        assertEvery(r, EXPECTED);
                    }
                }
            }
        } finally {
            logger.removeHandler(h);
        }
        List<String> about = log.stream().filter(s -> s.contains("test.broken_glsl")).toList();
        assertEquals(1, about.size(), log.toString());
        String entry = about.get(0);
        assertTrue(entry.startsWith("WARNING ") && entry.contains("generated source"), entry);
        List<String> lines = entry.lines().toList();
        List<String> marked = lines.stream().filter(l -> l.startsWith(">> ")).toList();
        assertEquals(1, marked.size(), entry);
        assertTrue(marked.get(0).matches(">> +\\d+  +return pack\\(c\\) \\+ no_such_function\\(xy\\);"), marked.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches(" {3} +1  #version 450")), "numbered from 1: " + entry);
        assertTrue(lines.stream().anyMatch(l -> l.contains("layout(push_constant) uniform Params")), entry);
    }
}
