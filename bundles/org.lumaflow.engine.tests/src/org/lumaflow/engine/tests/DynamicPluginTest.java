package org.lumaflow.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.tests.support.Fixture;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Installs a bundle at runtime that contributes a node, renders with it, uninstalls it and renders again. */
class DynamicPluginTest {

    private static final String PKG = "org/lumaflow/engine/tests/plugin/";

    private static Path buildPluginJar() throws Exception {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "com.acme.glow");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Activator", "org.lumaflow.engine.tests.plugin.GlowActivator");
        a.putValue("Import-Package", "org.lumaflow.engine.graph,org.lumaflow.core.pool,org.osgi.framework");
        Path jar = Files.createTempFile("com.acme.glow", ".jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os, mf)) {
            for (String cls : new String[] {"GlowNode.class", "GlowActivator.class"}) {
                jos.putNextEntry(new JarEntry(PKG + cls));
                try (InputStream in = DynamicPluginTest.class.getResourceAsStream("/" + PKG + cls)) {
                    assertNotNull(in, "compiled test plugin class " + cls);
                    in.transferTo(jos);
                }
                jos.closeEntry();
            }
        }
        return jar;
    }

    private static <T> T service(BundleContext bc, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> t = new ServiceTracker<>(bc, type, null);
        t.open();
        T s = t.waitForService(10_000);
        assertNotNull(s, type.getSimpleName() + " service (is DS running?)");
        return s;
    }

    private static long waitFor(BooleanSupplier cond) throws InterruptedException {
        long t0 = System.nanoTime();
        while (!cond.getAsBoolean()) {
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "timed out");
            Thread.sleep(1);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static Graph graph() {
        Graph g = new Graph();
        g.add("s", "core.solid").set("color", "#400000");
        g.add("glow", "acme.glow").plugin("com.acme.glow");
        return g.connect("s", "glow", "source").output("glow");
    }

    @Test
    void installRenderUninstallRender() throws Exception {
        Bundle self = FrameworkUtil.getBundle(DynamicPluginTest.class);
        if (self.getState() != Bundle.ACTIVE) {
            self.start();
        }
        BundleContext bc = self.getBundleContext();
        Engine engine = service(bc, Engine.class);
        NodeRegistry registry = engine.registry();
        assertTrue(registry.snapshot().types().containsKey("core.grade"), "built-in nodes registered through DS");
        assertThrows(GraphException.class, () -> engine.compile(graph(), null));

        Bundle plugin = bc.installBundle(buildPluginJar().toUri().toString());
        plugin.start();
        long ms = waitFor(() -> registry.snapshot().types().containsKey("acme.glow"));
        assertTrue(ms < 500, "node visible within 500 ms, took " + ms);
        assertEquals("com.acme.glow", registry.snapshot().plugins().get("acme.glow"));
        CompiledGraph cg = engine.compile(graph(), null);
        try (RenderResult r = cg.render(0, 16, 16, 1)) {
            assertTrue(r.clean(), r.messages().toString());
            assertEquals(0xFF00FF40, Fixture.pixel(r.frame(), 3, 3));
        }

        plugin.uninstall();
        waitFor(() -> !registry.snapshot().types().containsKey("acme.glow"));
        GraphException e = assertThrows(GraphException.class, () -> engine.compile(graph(), null));
        assertTrue(e.getMessage().contains("plugin 'com.acme.glow', which is not installed"), e.getMessage());
        // the graph compiled before the uninstall still renders (it keeps what it started with)
        try (RenderResult r = cg.render(1, 16, 16, 1)) {
            assertEquals(0xFF00FF40, Fixture.pixel(r.frame(), 3, 3));
        }
        // and the engine renders without the plugin
        Graph plain = new Graph();
        plain.add("s", "core.solid").set("color", "#400000");
        try (RenderResult r = engine.compile(plain.output("s"), null).render(0, 16, 16, 1)) {
            assertEquals(0xFF000040, Fixture.pixel(r.frame(), 3, 3));
        }
        assertEquals(0, engine.pool().outstanding());
    }
}
