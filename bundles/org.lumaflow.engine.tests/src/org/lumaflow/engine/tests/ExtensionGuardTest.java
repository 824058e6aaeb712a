package org.lumaflow.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.PoolStats;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.RenderMessage;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.tests.support.Fixture;

/** Third-party node types render on a guard thread: throwing and hanging ones are quarantined, frames keep coming. */
class ExtensionGuardTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void tearDown() {
        System.clearProperty("lumaflow.extension.timeout");
    }

    /** A plugin node: inverts, or throws, or hangs (ignoring interrupts until released), as told. */
    static final class Plugin implements NodeType {
        final String id;
        final AtomicInteger calls = new AtomicInteger();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        volatile String mode = "invert";
        final CountDownLatch release = new CountDownLatch(1);

        Plugin(String id) {
            this.id = id;
        }

        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor(id, "Plugin", "Test", "plugin node",
                    List.of(PortSpec.image("source", "input")), PortType.IMAGE, List.of());
        }

        @Override
        public void render(NodeContext ctx) throws Exception {
            calls.incrementAndGet();
            threads.add(Thread.currentThread());
            switch (mode) {
                case "throw" -> throw new IllegalStateException("plugin bug");
                case "hang" -> {
                    while (release.getCount() > 0) {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            // a badly behaved plugin: keeps hanging
                        }
                    }
                    ctx.output().clear(); // touches its (abandoned) frame after the timeout
                }
                default -> {
                    var in = ctx.input(0).buffer();
                    var out = ctx.output().buffer();
                    for (int i = 0; i < out.capacity(); i += 4) {
                        out.putInt(i, in.getInt(i) ^ 0x00FFFFFF);
                    }
                }
            }
        }
    }

    private static Graph graph(String type) {
        Graph g = new Graph();
        g.add("s", "core.solid").set("color", "#204060");
        g.add("p", type);
        return g.connect("s", "p", "source").output("p");
    }

    @Test
    void trustedPluginGuardedRendersOnOneReusedThreadWithoutAllocating() throws Exception {
        Plugin p = new Plugin("acme.good");
        fx.registry.register(p, "com.acme", 0);
        CompiledGraph cg = fx.engine.compile(graph("acme.good"), null);
        for (int i = 0; i < 20; i++) {
            cg.render(i, 32, 16, 1).close();
        }
        PoolStats warm = fx.pool.stats();
        long t0 = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            try (RenderResult r = cg.render(i, 32, 16, 1)) {
                assertTrue(r.clean(), r.messages().toString());
                assertEquals(0xFF9FBFDF, Fixture.pixel(r.frame(), 3, 3));
            }
        }
        double us = (System.nanoTime() - t0) / 1e3 / 500;
        System.out.printf("guarded node: %.1f us per frame (32x16, including the hand-off)%n", us);
        assertEquals(0, fx.pool.stats().since(warm).allocations());
        assertEquals(1, p.threads.size(), "one guard thread, reused");
        assertNotEquals(Thread.currentThread(), p.threads.iterator().next());
        fx.close();
    }

    @Test
    void throwingPluginIsQuarantinedAfterThreeFailures() throws Exception {
        Plugin p = new Plugin("acme.bad");
        p.mode = "throw";
        fx.registry.register(p, "com.acme", 0);
        AtomicInteger changes = new AtomicInteger();
        fx.registry.addListener(changes::incrementAndGet);
        CompiledGraph cg = fx.engine.compile(graph("acme.bad"), null);
        for (int i = 0; i < 3; i++) {
            try (RenderResult r = cg.render(i, 8, 8, 1)) {
                assertEquals(0xFF604020, Fixture.pixel(r.frame(), 1, 1), "input passed through");
                assertTrue(r.messages().get(0).text().contains("plugin bug"), r.messages().toString());
                assertEquals(i == 2, r.messages().stream().anyMatch(m -> m.text().startsWith("quarantined")),
                        r.messages().toString());
            }
        }
        List<NodeRegistry.Failure> f = fx.registry.failures();
        assertEquals(1, f.size(), f.toString());
        assertEquals("acme.bad", f.get(0).subject());
        assertEquals("com.acme", f.get(0).plugin());
        assertTrue(f.get(0).reason().contains("3 times in a row"), f.get(0).reason());
        assertTrue(changes.get() >= 1, "listeners hear about the quarantine");
        // quarantined: skipped at once, also by graphs compiled later
        try (RenderResult r = fx.engine.compile(graph("acme.bad"), null).render(5, 8, 8, 1)) {
            assertEquals(RenderMessage.Severity.ERROR, r.messages().get(0).severity());
            assertTrue(r.messages().get(0).text().startsWith("quarantined"), r.messages().toString());
        }
        assertEquals(3, p.calls.get());
        // clearing lifts it
        fx.registry.clearFailures("com.acme");
        assertTrue(fx.registry.failures().isEmpty());
        cg.render(6, 8, 8, 1).close();
        assertEquals(4, p.calls.get());
        // unregistering forgets it too
        cg.render(7, 8, 8, 1).close();
        cg.render(8, 8, 8, 1).close();
        assertEquals(1, fx.registry.failures().size());
        fx.registry.unregister(p);
        assertTrue(fx.registry.failures().isEmpty());
        fx.close();
    }

    @Test
    void hangingPluginIsAbandonedAndItsFramesNeverReused() throws Exception {
        System.setProperty("lumaflow.extension.timeout", "200");
        Plugin p = new Plugin("acme.hang");
        p.mode = "hang";
        fx.registry.register(p, "com.acme", 0);
        CompiledGraph cg = fx.engine.compile(graph("acme.hang"), null);
        long t0 = System.nanoTime();
        try (RenderResult r = cg.render(0, 8, 8, 1)) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 190 && ms < 1500, ms + " ms");
            assertEquals(0xFF604020, Fixture.pixel(r.frame(), 1, 1), "input passed through");
            assertTrue(r.messages().get(0).text().contains("did not return within 200 ms"), r.messages().toString());
        }
        // the hung call still holds its input and output: they stay leased so nobody else gets them
        assertEquals(2, fx.pool.outstanding());
        String reason = fx.registry.failures().get(0).reason();
        assertTrue(reason.contains("2 frame(s) leaked"), reason);
        t0 = System.nanoTime();
        for (int i = 1; i < 10; i++) {
            try (RenderResult r = cg.render(i, 8, 8, 1)) {
                assertEquals(0xFF604020, Fixture.pixel(r.frame(), 1, 1));
            }
        }
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 150, "quarantined: later frames do not wait");
        assertEquals(1, p.calls.get());
        Thread hung = p.threads.iterator().next();
        p.release.countDown();
        hung.join(2000);
        assertTrue(!hung.isAlive(), "the abandoned thread ends once the plugin returns");
        assertEquals(2, fx.pool.outstanding(), "its frames are still never reused");
        fx.pool.close(); // not fx.close(): the leak is deliberate
    }
}
