package org.lumaflow.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.PoolStats;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.RenderMessage;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.tests.support.Fixture;
import org.lumaflow.engine.tests.support.TestNodes;

class RenderTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private static Graph chain(String... types) {
        Graph g = new Graph();
        g.add("n0", "core.solid").set("color", "#204060");
        for (int i = 0; i < types.length; i++) {
            g.add("n" + (i + 1), types[i]);
            g.connect("n" + i, "n" + (i + 1), "source");
        }
        return g.output("n" + types.length);
    }

    @Test
    void intermediatesAreReleasedAsSoonAsConsumed() throws GraphException {
        CompiledGraph cg = fx.engine.compile(chain("test.invert", "test.invert", "test.invert"), null);
        long before = fx.pool.stats().allocations();
        try (RenderResult r = cg.render(0, 32, 16, 1)) {
            assertEquals(1, fx.pool.outstanding(), "only the result is still leased");
            // n0 = #204060 -> inverted three times
            assertEquals(0xFF9FBFDF, Fixture.pixel(r.frame(), 5, 5));
            assertTrue(r.clean());
        }
        // a chain needs at most two frames at once: input and output
        assertTrue(fx.pool.stats().allocations() - before <= 2, "allocations " + fx.pool.stats());
    }

    /** A source that hands the engine a frame it prepared itself (as decoders do) instead of writing the output. */
    static final class Adopter implements org.lumaflow.engine.graph.NodeType {
        final boolean wrongSize;

        Adopter(boolean wrongSize) {
            this.wrongSize = wrongSize;
        }

        @Override
        public org.lumaflow.engine.graph.NodeDescriptor descriptor() {
            return new org.lumaflow.engine.graph.NodeDescriptor(wrongSize ? "test.adopt_bad" : "test.adopt", "Adopt",
                    "Test", "Adopts its own frame", List.of(), org.lumaflow.engine.graph.PortType.IMAGE, List.of());
        }

        @Override
        public void render(org.lumaflow.engine.graph.NodeContext ctx) {
            var f = ctx.pool().lease(org.lumaflow.core.pool.FrameKey.rgba(ctx.width() + (wrongSize ? 1 : 0),
                    ctx.height()));
            for (int i = 0; i < f.width() * f.height(); i++) {
                f.buffer().putInt(i * 4, 0xFF112233);
            }
            ctx.adopt(f);
        }
    }

    @Test
    void adoptedFramesBecomeTheOutputWithoutCopyOrLeak() throws GraphException {
        fx.registry.register(new Adopter(false), "org.lumaflow.engine.tests", 0);
        fx.registry.register(new Adopter(true), "org.lumaflow.engine.tests", 0);
        try (RenderResult r = fx.engine.compile(adoptChain(), null).render(0, 16, 8, 1)) {
            assertTrue(r.clean(), r.messages().toString());
            assertEquals(0xFFEEDDCC, Fixture.pixel(r.frame(), 3, 3), "inverted adopted pixels");
        }
        assertEquals(0, fx.pool.outstanding(), "the adopted frame went back to the pool");
        Graph bad = new Graph();
        bad.add("a", "test.adopt_bad");
        try (RenderResult r = fx.engine.compile(bad.output("a"), null).render(0, 16, 8, 1)) {
            assertTrue(r.hasErrors());
            assertTrue(r.messages().get(0).text().contains("adopted a 17x8"), r.messages().toString());
        }
        assertEquals(0, fx.pool.outstanding(), "the refused frame went back to the pool");
    }

    private static Graph adoptChain() {
        Graph g = new Graph();
        g.add("a", "test.adopt");
        g.add("i", "test.invert");
        g.connect("a", "i", "source");
        return g.output("i");
    }

    @Test
    void fanOutKeepsFrameUntilLastConsumer() throws GraphException {
        Graph g = new Graph();
        g.add("s", "core.solid").set("color", "#FF000080");
        g.add("i", "test.invert");
        g.add("b", "core.blend").set("mode", "add");
        g.connect("s", "i", "source").connect("s", "b", "background").connect("i", "b", "foreground").output("b");
        try (RenderResult r = fx.engine.compile(g, null).render(0, 8, 8, 1)) {
            assertTrue(r.clean(), r.messages().toString());
            assertEquals(1, fx.pool.outstanding());
        }
    }

    @Test
    void throwingFilterIsPassedThroughAndReported() throws GraphException {
        CompiledGraph cg = fx.engine.compile(chain("test.boom"), null);
        try (RenderResult r = cg.render(0, 8, 8, 1)) {
            assertEquals(0xFF604020, Fixture.pixel(r.frame(), 3, 3), "input passed through");
            assertTrue(r.hasErrors());
            RenderMessage m = r.messages().get(0);
            assertEquals("n1", m.nodeId());
            assertEquals("test.boom", m.nodeType());
            assertTrue(m.text().contains("kaboom") && m.text().contains("passed through"), m.text());
        }
    }

    @Test
    void throwingSourceRendersOpaqueBlack() throws GraphException {
        Graph g = new Graph();
        g.add("b", "test.boom");
        g.add("i", "test.invert");
        g.connect("b", "i", "source").output("i");
        try (RenderResult r = fx.engine.compile(g, null).render(0, 8, 8, 1)) {
            assertEquals(0xFFFFFFFF, Fixture.pixel(r.frame(), 0, 0), "black, then inverted");
            assertTrue(r.messages().get(0).text().contains("rendered black"));
        }
    }

    @Test
    void thousandRendersLeakNothingAndReuseFrames() throws GraphException {
        Graph g = new Graph();
        g.add("bars", "core.smpte_bars");
        g.add("grade", "core.grade").set("exposure", 0.5);
        g.add("chk", "core.checker");
        g.add("mix", "core.blend").set("opacity", 0.5);
        g.connect("bars", "grade", "source").connect("grade", "mix", "background").connect("chk", "mix", "foreground");
        g.output("mix");
        CompiledGraph cg = fx.engine.compile(g, null);
        for (int i = 0; i < 30; i++) {
            cg.render(i, 64, 36, 1).close();
        }
        PoolStats warm = fx.pool.stats();
        for (int i = 0; i < 1000; i++) {
            try (RenderResult r = cg.render(i, 64, 36, 1)) {
                assertTrue(r.clean());
            }
            assertEquals(0, fx.pool.outstanding(), "frame " + i);
        }
        PoolStats s = fx.pool.stats().since(warm);
        assertEquals(0, s.allocations(), "no allocations after warm-up: " + s);
        assertEquals(1.0, s.hitRate(), 1e-12);
    }

    @Test
    void compiledGraphKeepsItsTypesWhenUnregistered() throws GraphException {
        TestNodes.Invert inv = new TestNodes.Invert();
        fx.registry.unregister(fx.registry.snapshot().type("test.invert"));
        fx.registry.register(inv, "org.lumaflow.engine.tests", 0);
        CompiledGraph cg = fx.engine.compile(chain("test.invert"), null);
        fx.registry.unregister(inv);
        try (RenderResult r = cg.render(0, 4, 4, 1)) {
            assertTrue(r.clean(), "in-flight graph keeps what it started with");
        }
        GraphException e = assertThrows(GraphException.class, () -> fx.engine.compile(chain("test.invert"), null));
        assertTrue(e.getMessage().contains("unknown node type 'test.invert'"), e.getMessage());
        assertFalse(fx.registry.snapshot().types().containsKey("test.invert"));
    }

    @Test
    void registeringWhileRenderingIsSafe() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger churns = new java.util.concurrent.atomic.AtomicInteger();
        Thread churn = new Thread(() -> {
            while (!stop.get()) {
                TestNodes.Invert extra = new TestNodes.Invert();
                fx.registry.register(extra, "churn", 100);
                fx.registry.unregister(extra);
                churns.incrementAndGet();
            }
        });
        churn.start();
        int rendered = 0;
        int unknown = 0;
        try {
            for (int i = 0; i < 300; i++) {
                CompiledGraph cg;
                try {
                    cg = fx.engine.compile(chain("test.invert", "core.grade"), null);
                } catch (GraphException e) {
                    unknown++;
                    continue;
                }
                try (RenderResult r = cg.render(i, 16, 16, 1)) {
                    assertTrue(r.clean(), r.messages().toString());
                    assertEquals(0xFF9FBFDF, Fixture.pixel(r.frame(), 1, 1));
                    rendered++;
                }
            }
        } finally {
            stop.set(true);
            churn.join();
        }
        assertEquals(300, rendered + unknown);
        assertEquals(0, unknown, "the base registration of test.invert is never lost");
        assertTrue(churns.get() > 0);
    }

    @Test
    void higherRankingReplacesAndUnregisterRestores() {
        TestNodes.Invert a = new TestNodes.Invert();
        TestNodes.Invert b = new TestNodes.Invert();
        fx.registry.register(a, "one", 5);
        fx.registry.register(b, "two", 10);
        assertSame(b, fx.registry.snapshot().type("test.invert"));
        assertEquals("two", fx.registry.snapshot().plugins().get("test.invert"));
        fx.registry.unregister(b);
        assertSame(a, fx.registry.snapshot().type("test.invert"));
    }

    @Test
    void brokenDescriptorIsSkipped() {
        long gen = fx.registry.snapshot().generation();
        boolean ok = fx.registry.register(new org.lumaflow.engine.graph.NodeType() {
            @Override
            public org.lumaflow.engine.graph.NodeDescriptor descriptor() {
                throw new IllegalStateException("bad plugin");
            }

            @Override
            public void render(org.lumaflow.engine.graph.NodeContext ctx) {
            }
        }, "bad.plugin", 0);
        assertFalse(ok);
        assertEquals(gen, fx.registry.snapshot().generation());
        var failures = fx.registry.failures();
        assertEquals(1, failures.size(), failures.toString());
        assertEquals("bad.plugin", failures.get(0).plugin());
        assertTrue(failures.get(0).reason().contains("bad plugin"), failures.toString());
    }
}
