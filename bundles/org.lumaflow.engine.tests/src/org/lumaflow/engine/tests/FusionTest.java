package org.lumaflow.engine.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PixelFunction;
import org.lumaflow.engine.graph.PixelNode;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.internal.convert.RgbaToI420;
import org.lumaflow.engine.internal.convert.RgbaToNv12;
import org.lumaflow.engine.internal.registry.Containment;
import org.lumaflow.engine.internal.render.CompiledGraphImpl;
import org.lumaflow.engine.internal.render.GraphCompiler;
import org.lumaflow.engine.render.RenderMessage;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.tests.support.Fixture;

/**
 * Fused per-pixel passes and static outputs against the plain plan (every node through its own render(), every
 * frame): bytes must be identical, for RGBA, masks and the encoder's 4:2:0, over animated parameters and odd sizes.
 */
class FusionTest {

    private final Fixture fx = new Fixture();
    private final AtomicInteger staticRenders = new AtomicInteger();

    FusionTest() {
        fx.registry.register(new CountingStatic(staticRenders), "org.lumaflow.engine.tests", 0);
        fx.registry.register(new Swap(), "org.lumaflow.engine.tests", 0);
        fx.registry.register(new Thrower(), "org.lumaflow.engine.tests", 0);
        fx.registry.register(new Band(), "org.lumaflow.engine.tests", 0);
        fx.registry.register(new CountingCut(cutRows), "org.lumaflow.engine.tests", 0);
    }

    /** Rows computed by test.counting_cut's function. */
    private final AtomicInteger cutRows = new AtomicInteger();

    /** Set by a test that leaks on purpose (an abandoned pass) and closes the pool itself. */
    private boolean deliberateLeak;

    @AfterEach
    void close() {
        if (!deliberateLeak) {
            fx.close();
        }
    }

    private static final long SECOND = Ticks.PER_SECOND;

    private static Animation ramp() {
        return new Animation(List.of(Keyframe.of(0, 0, Interpolation.LINEAR),
                Keyframe.of(2 * SECOND, 1, Interpolation.LINEAR)));
    }

    /** The timeline's shape: black, graded + blurred picture over it, a title over that. */
    static Graph timeline() {
        Graph g = new Graph();
        g.add("bg", "core.solid").set("color", "#000000");
        g.add("src", "core.zone_plate");
        g.add("grade", "core.grade").set("contrast", 1.1).set("saturation", 0.8);
        g.add("blur", "core.gaussian_blur").set("radius", 2);
        g.add("v1", "core.blend");
        g.add("title", "core.text").set("text", "Fused").set("size", 12);
        g.add("v2", "core.blend");
        g.connect("src", "grade", "source").connect("grade", "blur", "source");
        g.connect("bg", "v1", "background").connect("blur", "v1", "foreground");
        g.connect("v1", "v2", "background").connect("title", "v2", "foreground");
        return g.output("v2");
    }

    /** Every fusable built-in: masks, transitions with animated progress, a per-pixel plug-in with default render. */
    static Graph everything() {
        Graph g = new Graph();
        g.add("checker", "core.checker").set("size", 5);
        g.add("zone", "core.zone_plate");
        g.add("grade", "core.grade").set("gamma", "#c0a0ffff").set("saturation", 1.7);
        g.add("gradient", "core.gradient").set("kind", "radial");
        g.add("mask", "core.luma_mask").set("low", 0.2).set("high", 0.7).set("use_alpha", true);
        g.add("blend", "core.blend").set("mode", "screen").set("opacity", 0.6);
        g.add("solid", "core.solid").set("color", "#3366aa80");
        g.add("dissolve", "core.dissolve").set("progress", ramp());
        g.add("bars", "core.smpte_bars");
        g.add("swap", "test.swap");
        g.add("wipe", "core.wipe").set("direction", "radial").set("progress", ramp());
        g.add("last", "core.blend").set("mode", "multiply");
        g.connect("zone", "grade", "source");
        g.connect("checker", "blend", "background").connect("grade", "blend", "foreground")
                .connect("mask", "blend", "mask").connect("gradient", "mask", "source");
        g.connect("blend", "dissolve", "from").connect("solid", "dissolve", "to");
        g.connect("bars", "swap", "source");
        g.connect("dissolve", "wipe", "from").connect("swap", "wipe", "to");
        g.connect("wipe", "last", "background").connect("gradient", "last", "foreground");
        return g.output("last");
    }

    /** Pass-throughs resolved inside a pass: identity grade, zero opacity, transitions at their ends. */
    static Graph passThroughs(double progress) {
        Graph g = new Graph();
        g.add("zone", "core.zone_plate");
        g.add("identity", "core.grade");
        g.add("off", "core.blend").set("opacity", 0);
        g.add("solid", "core.solid").set("color", "#ff000080");
        g.add("d", "core.dissolve").set("progress", progress);
        g.connect("zone", "identity", "source");
        g.connect("identity", "off", "background").connect("solid", "off", "foreground");
        g.connect("off", "d", "from").connect("solid", "d", "to");
        return g.output("d");
    }

    private CompiledGraphImpl compile(Graph g, boolean optimise) throws GraphException {
        return GraphCompiler.compile(g, fx.registry.snapshot(), fx.pool, null, Containment.SHARED, optimise);
    }

    private static byte[] bytes(Frame f) {
        ByteBuffer b = f.buffer();
        byte[] a = new byte[b.capacity()];
        b.get(0, a);
        return a;
    }

    private void assertSame(Graph g, int w, int h, long... times) throws GraphException {
        CompiledGraphImpl fused = compile(g, true);
        CompiledGraphImpl plain = compile(g, false);
        for (long t : times) {
            try (RenderResult a = fused.render(t, w, h, 1); RenderResult b = plain.render(t, w, h, 1)) {
                assertEquals(b.messages(), a.messages(), "messages at " + t);
                assertArrayEquals(bytes(b.frame()), bytes(a.frame()), w + "x" + h + " at " + t);
            }
        }
    }

    @Test
    void fusedPassesGiveTheBytesOfTheNodeByNodePlan() throws GraphException {
        long[] times = {0, SECOND / 3, SECOND, 2 * SECOND};
        for (int[] size : new int[][] {{1, 1}, {3, 7}, {64, 36}, {333, 101}}) {
            assertSame(timeline(), size[0], size[1], times);
            assertSame(everything(), size[0], size[1], times);
            for (double p : new double[] {0, 0.25, 1}) {
                assertSame(passThroughs(p), size[0], size[1], 0);
            }
        }
        Graph mask = everything();
        mask.output("mask");
        assertSame(mask, 65, 33, 0);
    }

    @Test
    void encoderFormatsAreWrittenByTheLastPassExactlyAsTheConverterWould() throws GraphException {
        RgbaToNv12 nv12 = new RgbaToNv12();
        RgbaToI420 i420 = new RgbaToI420();
        for (Graph g : List.of(timeline(), everything(), passThroughs(1))) {
            CompiledGraphImpl fused = compile(g, true);
            CompiledGraphImpl plain = compile(g, false);
            for (int[] size : new int[][] {{2, 2}, {64, 36}, {642, 360}}) {
                int w = size[0];
                int h = size[1];
                for (PixelFormat format : List.of(PixelFormat.NV12, PixelFormat.I420)) {
                    assertTrue(fused.delivers(format));
                    try (RenderResult a = fused.render(SECOND / 2, w, h, 1, format);
                            RenderResult b = plain.render(SECOND / 2, w, h, 1)) {
                        assertEquals(format, a.frame().format());
                        Frame expected = fx.pool.lease(new FrameKey(w, h, format, Usage.RENDER));
                        try {
                            org.lumaflow.engine.registry.PixelConverter c = format == PixelFormat.NV12 ? nv12 : i420;
                            c.convert(b.frame(), expected);
                            assertArrayEquals(bytes(expected), bytes(a.frame()), format + " " + w + "x" + h);
                        } finally {
                            expected.release();
                        }
                    }
                }
            }
        }
    }

    @Test
    void aChainOfPerPixelNodesLeasesOneFrame() throws GraphException {
        Graph g = new Graph();
        g.add("zone", "core.zone_plate");
        g.add("a", "core.grade").set("contrast", 1.2);
        g.add("b", "core.grade").set("saturation", 0.5);
        g.add("c", "test.swap");
        g.add("d", "core.blend").set("opacity", 0.5);
        g.add("solid", "core.solid").set("color", "#102030");
        g.connect("zone", "a", "source").connect("a", "b", "source").connect("b", "c", "source");
        g.connect("solid", "d", "background").connect("c", "d", "foreground");
        g.output("d");
        for (boolean optimise : new boolean[] {true, false}) {
            CompiledGraphImpl cg = compile(g, optimise);
            cg.render(0, 64, 64, 1).close(); // warm
            var before = fx.pool.stats();
            cg.render(SECOND, 64, 64, 1).close();
            var after = fx.pool.stats();
            long leases = after.hits() + after.misses() - before.hits() - before.misses();
            // optimised: the zone plate and the pass's output; plain: one per node
            assertEquals(optimise ? 2 : 6, leases, "leases per frame, optimise=" + optimise);
        }
    }

    /**
     * A static overlay (a title, a still) is composited only inside its rows with alpha: outside them the compositing
     * node's function is not called (its background row is used as it is), with the plain plan's bytes, in RGBA and in
     * the encoder's 4:2:0; and built-in blends over a static title likewise.
     */
    @Test
    void aStaticOverlayIsCompositedOnlyInsideItsBoundingRows() throws GraphException {
        Graph g = new Graph();
        g.add("zone", "core.zone_plate");
        g.add("band", "test.band");
        g.add("cut", "test.counting_cut");
        g.connect("zone", "cut", "background").connect("band", "cut", "foreground");
        g.output("cut");
        CompiledGraphImpl fused = compile(g, true);
        for (int k = 0; k < 3; k++) {
            fused.render(k * SECOND / 3, 48, 32, 1).close();
        }
        // frame 0 renders the static band (and keeps it); then only its rows 10..14 are composited
        cutRows.set(0);
        fused.render(SECOND, 48, 32, 1).close();
        assertEquals(Band.LAST - Band.FIRST + 1, cutRows.get(), "rows composited for one frame");
        fused.render(SECOND, 48, 32, 1, PixelFormat.NV12).close();
        cutRows.set(0);
        compile(g, false).render(SECOND, 48, 32, 1).close();
        assertEquals(32, cutRows.get(), "the plain plan composites every row");
        assertSame(g, 48, 32, 0, SECOND / 4, SECOND);
        assertSame(g, 7, 3, 0, SECOND);
        Graph title = timeline();
        title.node("title").set("size", 40).set("position", new org.lumaflow.engine.graph.Point2(0.5, 0.3));
        assertSame(title, 320, 180, 0, SECOND / 3, SECOND);
        CompiledGraphImpl f = compile(title, true);
        CompiledGraphImpl plain = compile(title, false);
        for (PixelFormat fmt : new PixelFormat[] {PixelFormat.NV12, PixelFormat.I420}) {
            for (long t : new long[] {0, SECOND}) {
                try (RenderResult a = f.render(t, 320, 180, 1, fmt); RenderResult b = plain.render(t, 320, 180, 1, fmt)) {
                    assertArrayEquals(bytes(b.frame()), bytes(a.frame()), fmt + " at " + t);
                }
            }
        }
    }

    @Test
    void staticBranchesAreRenderedOncePerSize() throws GraphException {
        Graph g = new Graph();
        g.add("zone", "core.zone_plate");
        g.add("overlay", "test.counting_static");
        g.add("graded", "core.grade").set("gain", "#ff8080ff");
        g.add("over", "core.blend");
        g.connect("overlay", "graded", "source");
        g.connect("zone", "over", "background").connect("graded", "over", "foreground");
        g.output("over");
        CompiledGraphImpl cached = compile(g, true);
        CompiledGraphImpl plain = compile(g, false);
        for (int k = 0; k < 5; k++) {
            try (RenderResult a = cached.render(k * SECOND / 7, 48, 32, 1)) {
                assertFalse(a.frame().isDetached());
            }
        }
        assertEquals(1, staticRenders.get(), "rendered once for five frames");
        cached.render(0, 50, 30, 1).close();
        assertEquals(2, staticRenders.get(), "rendered again for a new size");
        assertSame(g, 48, 32, 0, SECOND / 5, SECOND);
        assertEquals(0, fx.pool.outstanding(), "kept outputs are not pool leases");
        staticRenders.set(0);
        g.node("overlay").set("value", ramp());
        CompiledGraphImpl animated = compile(g, true);
        for (int k = 0; k < 3; k++) {
            animated.render(k * SECOND, 48, 32, 1).close();
        }
        assertEquals(3, staticRenders.get(), "an animated parameter is rendered every frame");
        plain.render(0, 48, 32, 1).close();
    }

    @Test
    void aFailingFunctionIsContainedAndTheGroupRendersNodeByNode() throws GraphException {
        Graph g = new Graph();
        g.add("zone", "core.zone_plate");
        g.add("grade", "core.grade").set("contrast", 1.3);
        g.add("boom", "test.pixel_boom");
        g.add("swap", "test.swap");
        g.connect("zone", "grade", "source").connect("grade", "boom", "source").connect("boom", "swap", "source");
        g.output("swap");
        CompiledGraphImpl cg = compile(g, true);
        try (RenderResult r = cg.render(0, 40, 20, 1)) {
            List<RenderMessage> m = r.messages();
            assertEquals(1, m.size(), m.toString());
            assertEquals("boom", m.get(0).nodeId());
            assertTrue(m.get(0).text().contains("row 7 exploded"), m.get(0).text());
        }
        assertSame(g, 40, 20, 0);
    }

    @Test
    void thirdPartyPixelNodesJoinPassesUnderTheGuardAndAHungPassIsAbandoned() throws Exception {
        Guest guest = new Guest();
        fx.registry.register(guest, "com.acme", 0);
        Graph g = new Graph();
        g.add("zone", "core.zone_plate");
        g.add("grade", "core.grade").set("contrast", 1.3);
        g.add("guest", "acme.guest");
        g.add("swap", "test.swap");
        g.connect("zone", "grade", "source").connect("grade", "guest", "source").connect("guest", "swap", "source");
        g.output("swap");
        assertSame(g, 64, 36, 0, SECOND); // fused, guarded, same bytes as node by node
        long before = fx.pool.stats().hits() + fx.pool.stats().misses();
        CompiledGraphImpl cg = compile(g, true);
        cg.render(0, 64, 36, 1).close();
        assertEquals(2, fx.pool.stats().hits() + fx.pool.stats().misses() - before, "zone plate + one pass");
        System.setProperty("lumaflow.extension.timeout", "200");
        try {
            CompiledGraphImpl hanging = compile(g, true);
            guest.hang = true;
            long t0 = System.nanoTime();
            try (RenderResult r = hanging.render(SECOND, 40, 20, 1)) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(ms >= 190 && ms < 1500, ms + " ms");
                assertTrue(r.messages().toString().contains("did not return within 200 ms"), r.messages().toString());
            }
            assertEquals(2, fx.pool.outstanding(), "the hung pass keeps its input copy and output");
            t0 = System.nanoTime();
            hanging.render(2 * SECOND, 40, 20, 1).close();
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 150, "quarantined: later frames do not wait");
        } finally {
            System.clearProperty("lumaflow.extension.timeout");
            guest.hang = false;
        }
        deliberateLeak = true;
        fx.pool.close(); // not fx.close(): the leak is deliberate
    }

    /** A third-party per-pixel node (inverts colour), which spins on a row while {@code hang} is set. */
    static final class Guest implements PixelNode {
        volatile boolean hang;

        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("acme.guest", "Guest", "Test", "Inverts, or hangs",
                    List.of(PortSpec.image("source", "in")), PortType.IMAGE, List.of())
                    .traits(NodeKind.PER_PIXEL, false);
        }

        @Override
        public PixelFunction prepare(NodeContext ctx) {
            return (y, w, in, out) -> {
                while (hang && y == 3) {
                    Thread.onSpinWait();
                }
                for (int x = 0; x < w; x++) {
                    out[x] = in[0][x] ^ 0x00FFFFFF;
                }
            };
        }
    }

    /** A static generator that counts its renders: opaque stripes on transparent. */
    static final class CountingStatic implements NodeType {
        private final AtomicInteger renders;

        CountingStatic(AtomicInteger renders) {
            this.renders = renders;
        }

        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.counting_static", "Counting", "Test", "Counts renders", List.of(),
                    PortType.IMAGE, List.of(ParamSpec.number("value", 0, 0, 1, "", "animatable")))
                    .traits(NodeKind.GENERATOR, false);
        }

        @Override
        public void render(NodeContext ctx) {
            renders.incrementAndGet();
            Frame out = ctx.output();
            int w = ctx.width();
            for (int y = 0; y < ctx.height(); y++) {
                for (int x = 0; x < w; x++) {
                    out.buffer().putInt((y * w + x) * 4, (x / 3) % 2 == 0 ? 0xFF20C040 : 0);
                }
            }
        }
    }

    /**
     * A static generator: rows FIRST..LAST hold opaque and half-transparent pixels, every other row is clear (alpha 0)
     * but not black, so only alpha may decide what is clear.
     */
    static final class Band implements NodeType {
        static final int FIRST = 10;
        static final int LAST = 14;

        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.band", "Band", "Test", "Rows 10..14 drawn", List.of(), PortType.IMAGE,
                    List.of()).traits(NodeKind.GENERATOR, false);
        }

        @Override
        public void render(NodeContext ctx) {
            Frame out = ctx.output();
            int w = ctx.width();
            for (int y = 0; y < ctx.height(); y++) {
                for (int x = 0; x < w; x++) {
                    int p = y >= FIRST && y <= LAST ? (x % 2 == 0 ? 0xFF2040C0 : 0x80C08020) : 0x00FFFFFF;
                    out.buffer().putInt((y * w + x) * 4, p);
                }
            }
        }
    }

    /**
     * A per-pixel node: the foreground where it has alpha, else the background, declaring that a clear foreground row
     * is the background's row; counts the rows its function computes.
     */
    static final class CountingCut implements PixelNode {
        private final AtomicInteger rows;

        CountingCut(AtomicInteger rows) {
            this.rows = rows;
        }

        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.counting_cut", "Cut", "Test", "Foreground where it has alpha",
                    List.of(PortSpec.image("background", "bg"), PortSpec.image("foreground", "fg")), PortType.IMAGE,
                    List.of()).traits(NodeKind.PER_PIXEL, false);
        }

        @Override
        public PixelFunction prepare(NodeContext ctx) {
            return new PixelFunction() {
                @Override
                public void apply(int y, int w, int[][] in, int[] out) {
                    rows.incrementAndGet();
                    for (int x = 0; x < w; x++) {
                        out[x] = (in[1][x] >>> 24) != 0 ? in[1][x] : in[0][x];
                    }
                }

                @Override
                public int clearRowPassesThrough(int port) {
                    return port == 1 ? 0 : -1;
                }
            };
        }
    }

    /** A plug-in style per-pixel node (swaps red and blue) relying on PixelNode's default render. */
    static final class Swap implements PixelNode {
        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.swap", "Swap", "Test", "Swaps red and blue",
                    List.of(PortSpec.image("source", "in")), PortType.IMAGE, List.of())
                    .traits(NodeKind.PER_PIXEL, false);
        }

        @Override
        public PixelFunction prepare(NodeContext ctx) {
            return (y, w, in, out) -> {
                int[] s = in[0];
                for (int x = 0; x < w; x++) {
                    int p = s[x];
                    out[x] = (p & 0xFF00FF00) | ((p >> 16) & 0xFF) | ((p & 0xFF) << 16);
                }
            };
        }
    }

    /** A per-pixel node whose function throws on row 7. */
    static final class Thrower implements PixelNode {
        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.pixel_boom", "Boom", "Test", "Throws on row 7",
                    List.of(PortSpec.image("source", "in")), PortType.IMAGE, List.of())
                    .traits(NodeKind.PER_PIXEL, false);
        }

        @Override
        public PixelFunction prepare(NodeContext ctx) {
            return (y, w, in, out) -> {
                if (y == 7) {
                    throw new IllegalStateException("row 7 exploded");
                }
                System.arraycopy(in[0], 0, out, 0, w);
            };
        }
    }
}
