package org.lumaflow.extensions.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.extensions.Extension;
import org.lumaflow.extensions.ExtensionService;

/** Extensions that throw or hang in render(): frames keep coming, the extension is marked failed with the reason. */
class FaultyExtensionsTest {

    private ExtensionService ext;
    private Engine engine;
    private NodeRegistry registry;

    @BeforeEach
    void setUp() throws Exception {
        ext = Support.service(ExtensionService.class);
        engine = Support.service(Engine.class);
        registry = engine.registry();
        Support.clean(ext);
        System.setProperty("lumaflow.extension.timeout", "300");
    }

    @AfterEach
    void tearDown() throws Exception {
        System.clearProperty("lumaflow.extension.timeout");
        Support.clean(ext);
    }

    private static Graph graph(String type) {
        Graph g = new Graph();
        g.add("s", "core.solid").set("color", "#204060");
        g.add("f", type);
        return g.connect("s", "f", "source").output("f");
    }

    private Extension extension(String bsn) {
        return ext.extensions().stream().filter(e -> e.symbolicName().equals(bsn)).findFirst().orElseThrow();
    }

    @Test
    void throwingExtensionIsQuarantinedAndFramesKeepComing() throws Exception {
        Extension e = ext.install(Support.exampleJar("faulty/com.example.lumaflow.faulty.throwing"));
        assertEquals("ACTIVE", e.state(), e.toString());
        assertEquals(List.of("faulty.throwing"), e.nodeTypes(), "registered by the time install() returns");
        long outstanding = engine.pool().outstanding();
        CompiledGraph cg = engine.compile(graph("faulty.throwing"), null);
        for (int i = 0; i < 4; i++) {
            String expected = i < 3 ? "deliberate failure" : "quarantined";
            try (RenderResult r = cg.render(i, 16, 16, 1)) {
                Support.assertPixel(0xFF604020, r.frame()); // input passed through
                assertTrue(r.messages().stream().anyMatch(m -> m.text().contains(expected)), r.messages().toString());
            }
        }
        Extension after = extension("com.example.lumaflow.faulty.throwing");
        System.out.println("throwing extension: " + after);
        assertEquals(1, after.errors().size(), after.toString());
        assertTrue(after.errors().get(0).contains("faulty.throwing: quarantined: render() failed 3 times in a row"),
                after.errors().toString());
        assertTrue(registry.failures().stream().anyMatch(f -> f.subject().equals("faulty.throwing")));

        // reinstalling (uninstall, install) starts clean
        assertTrue(ext.uninstall("com.example.lumaflow.faulty.throwing"));
        assertTrue(registry.failures().isEmpty(), registry.failures().toString());
        assertTrue(!registry.snapshot().types().containsKey("faulty.throwing"));
        assertEquals(outstanding, engine.pool().outstanding(), "nothing leaked by a throwing extension");
    }

    @Test
    void hangingExtensionIsAbandonedAfterTheTimeout() throws Exception {
        Extension e = ext.install(Support.exampleJar("faulty/com.example.lumaflow.faulty.hanging"));
        assertEquals(List.of("faulty.hanging"), e.nodeTypes(), e.toString());
        long outstanding = engine.pool().outstanding();
        CompiledGraph cg = engine.compile(graph("faulty.hanging"), null);
        long t0 = System.nanoTime();
        try (RenderResult r = cg.render(0, 16, 16, 1)) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("hanging extension: frame returned after %d ms (timeout 300 ms)%n", ms);
            assertTrue(ms < 2000, ms + " ms");
            Support.assertPixel(0xFF604020, r.frame());
            assertTrue(r.messages().get(0).text().contains("did not return within 300 ms"), r.messages().toString());
        }
        t0 = System.nanoTime();
        try (RenderResult r = engine.compile(graph("faulty.hanging"), null).render(1, 16, 16, 1)) {
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 200, "quarantined: skipped at once");
            Support.assertPixel(0xFF604020, r.frame());
        }
        Extension after = extension("com.example.lumaflow.faulty.hanging");
        System.out.println("hanging extension: " + after);
        assertTrue(after.errors().get(0).contains("did not return within 300 ms")
                && after.errors().get(0).contains("2 frame(s) leaked"), after.errors().toString());
        assertEquals(outstanding + 2, engine.pool().outstanding(), "the hung call's input and output stay leased");
        // other graphs are unaffected
        Graph ok = new Graph();
        ok.add("s", "core.solid").set("color", "#102030");
        try (RenderResult r = engine.compile(ok.output("s"), null).render(2, 16, 16, 1)) {
            assertTrue(r.clean());
            Support.assertPixel(0xFF302010, r.frame());
        }
        assertTrue(ext.uninstall("com.example.lumaflow.faulty.hanging"));
        assertTrue(registry.failures().isEmpty(), registry.failures().toString());
    }
}
