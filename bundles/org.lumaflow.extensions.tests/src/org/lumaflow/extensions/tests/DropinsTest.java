package org.lumaflow.extensions.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.registry.ConverterRegistry;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.extensions.Extension;
import org.lumaflow.extensions.ExtensionService;
import org.osgi.framework.Bundle;

/** The dropins folder: jars dropped, replaced and removed at runtime; faulty jars. */
class DropinsTest {

    static final String POSTERIZE = "examples/com.example.lumaflow.posterize";
    static final String BSN = "com.example.lumaflow.posterize";

    private ExtensionService ext;
    private Engine engine;
    private NodeRegistry registry;

    @BeforeEach
    void setUp() throws Exception {
        ext = Support.service(ExtensionService.class);
        engine = Support.service(Engine.class);
        registry = engine.registry();
        Support.clean(ext);
    }

    @AfterEach
    void tearDown() throws Exception {
        Support.clean(ext);
    }

    static Graph posterized() {
        Graph g = new Graph();
        g.add("s", "core.solid").set("color", "#204060");
        g.add("p", "example.posterize").plugin(BSN).set("levels", 4);
        return g.connect("s", "p", "source").output("p");
    }

    static Graph plain() {
        Graph g = new Graph();
        g.add("s", "core.solid").set("color", "#204060");
        return g.output("s");
    }

    private Extension posterize() {
        return ext.extensions().stream().filter(e -> e.symbolicName().equals(BSN)).findFirst().orElse(null);
    }

    @Test
    void droppedJarRendersWithin500msThenUpdatesThenGoes() throws Exception {
        Path jar = Support.exampleJar(POSTERIZE.substring("examples/".length()));
        long outstanding = engine.pool().outstanding(); // a hung extension of another test may hold some for good
        AtomicInteger events = new AtomicInteger();
        ext.addListener(events::incrementAndGet);

        // drop -> in the registry and rendered
        long t0 = System.nanoTime();
        Support.drop(jar, ext.dropins(), "posterize.jar");
        Support.waitFor(() -> registry.snapshot().types().containsKey("example.posterize"), 5000);
        long registeredMs = (System.nanoTime() - t0) / 1_000_000;
        try (RenderResult r = engine.compile(posterized(), null).render(0, 16, 16, 1)) {
            long renderedMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("dropins: jar dropped -> node registered in %d ms, rendered in %d ms%n", registeredMs,
                    renderedMs);
            assertTrue(r.clean(), r.messages().toString());
            Support.assertPixel(0xFF555500, r.frame());
            assertTrue(renderedMs < 500, "renderable within 500 ms, took " + renderedMs);
        }
        Extension e = posterize();
        assertEquals("ACTIVE", e.state(), e.toString());
        assertTrue(e.version().startsWith("1.0.0"), e.version());
        assertEquals(List.of("example.posterize"), e.nodeTypes());
        assertEquals(List.of("example.nv12_to_gray"), e.converters());
        assertEquals(ext.dropins().resolve("posterize.jar"), e.source());
        assertTrue(e.healthy(), e.toString());
        ConverterRegistry converters = Support.service(ConverterRegistry.class);
        assertEquals("example.nv12_to_gray", converters.find(PixelFormat.NV12, PixelFormat.GRAY8).id());
        assertTrue(events.get() > 0, "listeners told");

        // replaced by a new version -> updated in place
        NodeType before = registry.snapshot().type("example.posterize");
        long id = e.bundleId();
        int told = events.get();
        Support.drop(Support.withManifest(jar, "Bundle-Version", "1.0.1"), ext.dropins(), "posterize.jar");
        // listeners are told once the update is complete (installed, refreshed, started)
        Support.waitFor(() -> events.get() > told && posterize() != null && posterize().version().equals("1.0.1")
                && registry.snapshot().type("example.posterize") != null
                && registry.snapshot().type("example.posterize") != before, 5000);
        assertEquals(id, posterize().bundleId(), "updated, not reinstalled");
        assertNotSame(before, registry.snapshot().type("example.posterize"));
        try (RenderResult r = engine.compile(posterized(), null).render(1, 16, 16, 1)) {
            Support.assertPixel(0xFF555500, r.frame());
        }

        // removed -> gone, renders of it fail clearly, the rest still renders, nothing held
        Files.delete(ext.dropins().resolve("posterize.jar"));
        Support.waitFor(() -> !registry.snapshot().types().containsKey("example.posterize")
                && posterize() == null, 5000);
        GraphException ge = assertThrows(GraphException.class, () -> engine.compile(posterized(), null));
        assertTrue(ge.getMessage().contains("unknown node type 'example.posterize'")
                && ge.getMessage().contains("provided by plugin '" + BSN + "', which is not installed"),
                ge.getMessage());
        try (RenderResult r = engine.compile(plain(), null).render(2, 16, 16, 1)) {
            Support.assertPixel(0xFF604020, r.frame());
        }
        assertNull(converters.find(PixelFormat.NV12, PixelFormat.GRAY8));
        for (Bundle b : Support.context().getBundles()) {
            assertTrue(!BSN.equals(b.getSymbolicName()), "bundle uninstalled: " + b);
        }
        assertEquals(outstanding, engine.pool().outstanding(), "no frame stays leased");
    }

    @Test
    void faultyJarsGetAnErrorAndAffectNothingElse() throws Exception {
        Support.drop(Support.exampleJar(POSTERIZE.substring("examples/".length())), ext.dropins(), "posterize.jar");
        Support.drop(Support.manifestOnly("Implementation-Title", "just a library"), ext.dropins(), "library.jar");
        Path garbage = Files.createTempFile("garbage", ".jar");
        Files.write(garbage, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        Support.drop(garbage, ext.dropins(), "garbage.jar");
        Support.drop(Support.manifestOnly("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "com.example.broken",
                "Bundle-Version", "1.0.0", "Import-Package", "com.example.missing;version=\"[1,2)\""),
                ext.dropins(), "broken.jar");
        Support.waitFor(() -> ext.extensions().size() == 4 && registry.snapshot().types()
                .containsKey("example.posterize"), 5000);
        for (Extension e : ext.extensions()) {
            System.out.println("extension: " + e);
        }
        assertError("library.jar", "not an OSGi bundle");
        assertError("garbage.jar", "not a valid jar");
        Extension broken = ext.extensions().stream().filter(e -> e.symbolicName().equals("com.example.broken"))
                .findFirst().orElseThrow();
        assertEquals("INSTALLED", broken.state());
        assertTrue(broken.errors().get(0).contains("com.example.missing"), broken.errors().toString());
        assertTrue(posterize().healthy(), posterize().toString());
        try (RenderResult r = engine.compile(posterized(), null).render(0, 16, 16, 1)) {
            assertTrue(r.clean(), r.messages().toString());
            Support.assertPixel(0xFF555500, r.frame());
        }
        Files.delete(ext.dropins().resolve("garbage.jar"));
        Support.waitFor(() -> ext.extensions().size() == 3, 5000);
    }

    private void assertError(String file, String text) {
        Extension e = ext.extensions().stream().filter(x -> x.symbolicName().equals(file)).findFirst().orElseThrow();
        assertEquals("FAILED", e.state());
        assertEquals(-1, e.bundleId());
        assertTrue(e.errors().get(0).contains(text), e.errors().toString());
    }
}
