package org.lumaflow.engine.vulkan.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.PoolStats;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.internal.convert.RgbaToI420;
import org.lumaflow.engine.internal.convert.RgbaToNv12;
import org.lumaflow.engine.internal.render.Backend;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.PendingRender;
import org.lumaflow.engine.render.RenderMessage;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.vulkan.internal.GpuGraph;
import org.lumaflow.engine.vulkan.internal.GpuRuntime;
import org.lumaflow.engine.vulkan.internal.VulkanBackend;
import org.lumaflow.engine.vulkan.tests.support.GpuFixture;
import org.lumaflow.engine.vulkan.tests.support.TintNode;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The GPU backend inside the OSGi runtime, as plugins meet it: DS wires the Vulkan backend into the engine; shader
 * nodes hot-registered as services run as generated kernels, free their pipelines when unregistered, and fall back
 * to the CPU when their GLSL does not compile; frames in flight, pooled device frames, 4:2:0 before the readback,
 * preview downscale.
 */
class GpuGraphTest {

    static BundleContext bc;
    static Engine engine;
    static GpuRuntime rt;

    @BeforeAll
    static void services() throws Exception {
        bc = OsgiTests.startAll(GpuGraphTest.class);
        engine = service(Engine.class);
        Backend backend = service(Backend.class);
        rt = ((VulkanBackend) backend).runtime("gpu");
        assertNotNull(rt, "a Vulkan device (lavapipe in CI)");
    }

    @AfterEach
    void reset() {
        engine.preferBackend("auto");
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        return OsgiTests.service(bc, type);
    }

    private static void waitFor(BooleanSupplier c) throws InterruptedException {
        long t0 = System.nanoTime();
        while (!c.getAsBoolean()) {
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "timed out");
            Thread.sleep(1);
        }
    }

    private static ServiceRegistration<NodeType> register(NodeType t) throws InterruptedException {
        ServiceRegistration<NodeType> reg = bc.registerService(NodeType.class, t, null);
        String id = t.descriptor().id();
        waitFor(() -> engine.registry().snapshot().types().containsKey(id));
        return reg;
    }

    private static Graph tinted(String type) {
        Graph g = new Graph();
        g.add("bars", "core.smpte_bars");
        g.add("tint", type).set("amount", 0.75);
        return g.connect("bars", "tint", "source").output("tint");
    }

    private static RenderResult cpu(Graph g, int w, int h) throws Exception {
        engine.preferBackend("cpu");
        try {
            return engine.compile(g, null).render(0, w, h, 1);
        } finally {
            engine.preferBackend("gpu");
        }
    }

    @Test
    void autoSkipsSoftwareDevicesAndGpuTakesThem() {
        engine.preferBackend("gpu");
        assertTrue(engine.backend().startsWith("gpu ("), engine.backend());
        engine.preferBackend("auto");
        boolean software = rt.context().gpu().type() == org.lumaflow.engine.vulkan.GpuDevice.Type.CPU;
        assertEquals(software, engine.backend().equals("cpu"), engine.backend());
    }

    @Test
    void hotRegisteredShaderNodeRunsAsKernelAndFreesItOnUnregister() throws Exception {
        ServiceRegistration<NodeType> reg = register(new TintNode("test.tint"));
        int kernelsBefore = rt.kernelCount();
        engine.preferBackend("gpu");
        CompiledGraph g = engine.compile(tinted("test.tint"), null);
        assertTrue(g instanceof GpuGraph && ((GpuGraph) g).onGpu("tint"), g.toString());
        RenderResult ref = cpu(tinted("test.tint"), 64, 36);
        try (ref; RenderResult got = g.render(0, 64, 36, 1)) {
            assertTrue(got.clean(), got.messages().toString());
            assertTrue(GpuFixture.maxDiff(ref.frame(), got.frame()) <= 1);
            assertTrue(rt.kernelCount() > kernelsBefore, "the plugin's kernel was compiled");
            int withPlugin = rt.kernelCount();
            reg.unregister();
            waitFor(() -> rt.kernelCount() == withPlugin - 1);
            // a graph compiled before still renders: the node goes to the CPU, with a warning
            try (RenderResult r = g.render(0, 64, 36, 1)) {
                assertTrue(r.messages().stream().anyMatch(m -> m.text().contains("unregistered")),
                        r.messages().toString());
                assertEquals(0, GpuFixture.maxDiff(ref.frame(), r.frame()));
            }
        }
        assertFalse(((GpuGraph) g).onGpu("tint"));
    }

    @Test
    void shaderThatDoesNotCompileFallsBackToTheCpu() throws Exception {
        ServiceRegistration<NodeType> reg = register(new TintNode("test.broken_tint",
                "uint shade(ivec2 xy) { return no_such_function(xy); }"));
        try {
            engine.preferBackend("gpu");
            CompiledGraph g = engine.compile(tinted("test.broken_tint"), null);
            try (RenderResult got = g.render(0, 64, 36, 1);
                    RenderResult ref = cpu(tinted("test.broken_tint"), 64, 36)) {
                List<RenderMessage> m = got.messages();
                assertEquals(1, m.size(), m.toString());
                assertEquals(RenderMessage.Severity.WARNING, m.get(0).severity());
                assertTrue(m.get(0).text().contains("does not compile") && m.get(0).text().contains("rendered on the CPU"),
                        m.get(0).text());
                assertEquals(0, GpuFixture.maxDiff(ref.frame(), got.frame()));
            }
            assertFalse(((GpuGraph) g).onGpu("tint"), "the node stays on the CPU");
            try (RenderResult again = g.render(1, 64, 36, 1)) {
                // every frame that falls back says so: a render counts the frames it concerns
                assertEquals(1, again.messages().size(), again.messages().toString());
                assertTrue(again.messages().get(0).text().contains("does not compile"), again.messages().toString());
            }
        } finally {
            reg.unregister();
        }
    }

    /** A CPU-only node between GPU nodes: the frame so far is read back, the node runs, its output goes up. */
    @Test
    void cpuNodeBetweenGpuNodes() throws Exception {
        NodeType invert = new NodeType() {
            final NodeDescriptor d = new NodeDescriptor("test.gpu_invert", "Invert", "Test", "Inverts RGB",
                    List.of(PortSpec.image("source", "input")), PortType.IMAGE, List.of());

            @Override
            public NodeDescriptor descriptor() {
                return d;
            }

            @Override
            public void render(NodeContext ctx) {
                ByteBuffer in = ctx.input(0).buffer();
                ByteBuffer out = ctx.output().buffer();
                for (int i = 0; i < out.capacity(); i += 4) {
                    out.putInt(i, in.getInt(i) ^ 0x00FFFFFF);
                }
            }
        };
        ServiceRegistration<NodeType> r1 = register(invert);
        ServiceRegistration<NodeType> r2 = register(new TintNode("test.tint2"));
        try {
            Graph g = new Graph();
            g.add("bars", "core.smpte_bars");
            g.add("inv", "test.gpu_invert");
            g.add("tint", "test.tint2");
            g.connect("bars", "inv", "source").connect("inv", "tint", "source").output("tint");
            engine.preferBackend("gpu");
            CompiledGraph cg = engine.compile(g, null);
            assertFalse(((GpuGraph) cg).onGpu("inv"));
            assertTrue(((GpuGraph) cg).onGpu("tint"));
            try (RenderResult got = cg.render(0, 50, 27, 1); RenderResult ref = cpu(g, 50, 27)) {
                assertTrue(got.clean(), got.messages().toString());
                assertTrue(GpuFixture.maxDiff(ref.frame(), got.frame()) <= 1);
            }
        } finally {
            r1.unregister();
            r2.unregister();
        }
    }

    /** 1000 frames, three in flight: device frames come from the pool, nothing leaks. */
    @Test
    void thousandFramesInFlightReusePooledFrames() throws Exception {
        ServiceRegistration<NodeType> reg = register(new TintNode("test.tint3"));
        try {
            engine.preferBackend("gpu");
            CompiledGraph g = engine.compile(tinted("test.tint3"), null);
            assertEquals(GpuRuntime.IN_FLIGHT, g.inFlight());
            PoolStats before = rt.pool().stats();
            long cpuOut = engine.pool().outstanding();
            ArrayDeque<PendingRender> flying = new ArrayDeque<>();
            int first = -1;
            int checked = 0;
            for (int k = 0; k < 1000; k++) {
                if (flying.size() == g.inFlight()) {
                    try (RenderResult r = flying.poll().await()) {
                        int px = r.frame().buffer().getInt(0);
                        first = first < 0 ? px : first;
                        assertEquals(first, px, "every frame complete");
                        checked++;
                    }
                }
                flying.add(g.submit(k, 64, 36, 1, PixelFormat.RGBA8));
            }
            while (!flying.isEmpty()) {
                flying.poll().await().close();
                checked++;
            }
            assertEquals(1000, checked);
            PoolStats after = rt.pool().stats();
            long leases = (after.hits() + after.misses()) - (before.hits() + before.misses());
            long allocated = after.allocations() - before.allocations();
            assertTrue(leases >= 3000, "leases " + leases); // bars, tint, readback per frame
            assertTrue(allocated <= 16, "device frames allocated for 1000 frames: " + allocated + " (" + after + ")");
            assertTrue(after.hitRate() > 0.99, after.toString());
            assertEquals(before.outstanding(), after.outstanding(), "no device frame leaked");
            assertEquals(cpuOut, engine.pool().outstanding(), "no CPU frame leaked");
        } finally {
            reg.unregister();
        }
    }

    @Test
    void yuvConvertedBeforeReadbackMatchesTheCpuConverter() throws Exception {
        Graph g = new Graph();
        g.add("bars", "core.smpte_bars");
        g.output("bars");
        engine.preferBackend("gpu");
        CompiledGraph cg = engine.compile(g, null);
        assertTrue(cg.delivers(PixelFormat.NV12) && cg.delivers(PixelFormat.I420));
        long devBefore = rt.pool().stats().outstanding();
        // 64 wide: packed on the GPU; 50 and 52 wide (not a multiple of 4 / 8): RGBA read back, converted on the CPU
        for (PixelFormat f : new PixelFormat[] {PixelFormat.NV12, PixelFormat.I420}) {
            for (int[] size : new int[][] {{64, 36}, {50, 28}, {52, 30}}) {
                try (RenderResult got = cg.render(0, size[0], size[1], 1, f); RenderResult rgba = cpu(g, size[0], size[1])) {
                    Frame ref = engine.pool().lease(new FrameKey(size[0], size[1], f, Usage.ENCODE));
                    try {
                        org.lumaflow.engine.registry.PixelConverter conv = f == PixelFormat.NV12 ? new RgbaToNv12()
                                : new RgbaToI420();
                        conv.convert(rgba.frame(), ref);
                        assertEquals(f, got.frame().format());
                        assertTrue(GpuFixture.maxDiff(ref, got.frame()) <= 1, f + " " + size[0] + "x" + size[1]);
                    } finally {
                        ref.release();
                    }
                }
            }
        }
        assertEquals(devBefore, rt.pool().stats().outstanding(), "no device frame leaked");
    }

    @Test
    void previewIsDownscaledOnTheGpu() throws Exception {
        Graph g = new Graph();
        g.add("bars", "core.smpte_bars");
        g.output("bars");
        engine.preferBackend("gpu");
        CompiledGraph cg = engine.compile(g, null);
        try (RenderResult full = cpu(g, 168, 96); RenderResult small = cg.preview(0, 168, 96, 1, 42, 24)) {
            assertEquals(42, small.frame().width());
            assertEquals(24, small.frame().height());
            int max = 0;
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 42; x++) {
                    for (int ch = 0; ch < 4; ch++) {
                        double sum = 0;
                        for (int dy = 0; dy < 4; dy++) {
                            for (int dx = 0; dx < 4; dx++) {
                                int px = full.frame().buffer().getInt(((y * 4 + dy) * 168 + x * 4 + dx) * 4);
                                sum += (px >>> (8 * ch)) & 0xFF;
                            }
                        }
                        int want = (int) Math.floor(sum / 16 + 0.5);
                        int got = (small.frame().buffer().getInt((y * 42 + x) * 4) >>> (8 * ch)) & 0xFF;
                        max = Math.max(max, Math.abs(want - got));
                    }
                }
            }
            assertTrue(max <= 1, "box average within one code value, max " + max);
        }
    }

    /** The reduction primitive: exact sums, squares and luma histogram, read back as about 1 KB. */
    @Test
    void statisticsReducedOnTheGpuEqualTheCpu() throws Exception {
        Graph g = new Graph();
        g.add("zone", "core.zone_plate").set("frequency", 0.4);
        g.add("tint", "core.checker").set("size", 7.0).set("color_b", "#20406080");
        g.add("mix", "core.dissolve").set("progress", 0.35);
        g.connect("zone", "mix", "from").connect("tint", "mix", "to").output("mix");
        engine.preferBackend("gpu");
        CompiledGraph cg = engine.compile(g, null);
        for (int[] size : new int[][] {{64, 36}, {333, 211}, {512, 288}}) {
            org.lumaflow.engine.render.FrameStats got = cg.stats(0, size[0], size[1], 1);
            org.lumaflow.engine.render.FrameStats want;
            try (RenderResult r = cg.render(0, size[0], size[1], 1)) {
                want = org.lumaflow.engine.render.FrameStats.of(r.frame());
            }
            assertEquals(want.pixels(), got.pixels());
            assertEquals(java.util.Arrays.toString(want.sum()), java.util.Arrays.toString(got.sum()));
            assertEquals(java.util.Arrays.toString(want.sumSquares()), java.util.Arrays.toString(got.sumSquares()));
            assertEquals(java.util.Arrays.toString(want.luma()), java.util.Arrays.toString(got.luma()));
        }
    }
}
