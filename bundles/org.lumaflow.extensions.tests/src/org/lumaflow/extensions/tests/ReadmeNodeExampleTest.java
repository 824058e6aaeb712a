package org.lumaflow.extensions.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.extensions.tests.readme.InvertNode;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The README's "Adding a node" example is {@code readme/InvertNode.java} (compiled here, so it compiles), imports
 * only API packages (exported at 1.0 or later, not internal), and renders on all cores: every channel inverted.
 */
class ReadmeNodeExampleTest {

    /** The repository root (the surefire configuration passes the examples folder in it). */
    private static final Path ROOT = Path.of(System.getProperty("lumaflow.examples.dir", "../../examples"))
            .toAbsolutePath().normalize().getParent();
    private static final Path SOURCE = ROOT.resolve(
            "bundles/org.lumaflow.extensions.tests/src/org/lumaflow/extensions/tests/readme/InvertNode.java");

    @Test
    void readmeExampleIsThisCompiledClass() throws Exception {
        Path readme = ROOT.resolve("README.md");
        String md = Files.readString(readme);
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(md);
        String block = null;
        while (m.find()) {
            if (m.group(1).contains("class InvertNode")) {
                block = m.group(1);
            }
        }
        assertNotNull(block, "README.md has the InvertNode example");
        String src = Files.readString(SOURCE);
        String body = src.substring(src.indexOf('\n', src.indexOf("package ")) + 1).strip();
        assertEquals(body, block.strip(), "README.md's example and " + SOURCE + " differ: keep them the same");
    }

    @Test
    void itImportsOnlyApiPackages() throws Exception {
        String src = Files.readString(SOURCE);
        Matcher m = Pattern.compile("^import ([\\w.]+)\\.([A-Z]\\w*);$", Pattern.MULTILINE).matcher(src);
        int checked = 0;
        while (m.find()) {
            String pkg = m.group(1);
            if (pkg.startsWith("java.") || pkg.startsWith("org.osgi.")) {
                continue;
            }
            Bundle b = FrameworkUtil.getBundle(Class.forName(pkg + "." + m.group(2)));
            BundleCapability export = b.adapt(BundleWiring.class).getCapabilities("osgi.wiring.package").stream()
                    .filter(c -> pkg.equals(c.getAttributes().get("osgi.wiring.package"))).findFirst().orElse(null);
            assertNotNull(export, pkg + " is exported by " + b.getSymbolicName());
            Version v = (Version) export.getAttributes().get("version");
            assertTrue(v.getMajor() >= 1 && !pkg.contains(".internal"), pkg + " " + v + " is not an API package");
            assertTrue(!export.getDirectives().containsKey("x-internal"), pkg + " is x-internal");
            checked++;
        }
        assertTrue(checked >= 2, "imports checked: " + checked);
    }

    @Test
    void itInvertsEveryPixelOnAllCores() throws Exception {
        Engine engine = Support.service(Engine.class);
        BundleContext bc = Support.context();
        ServiceRegistration<NodeType> reg = null;
        if (!engine.registry().snapshot().types().containsKey("acme.invert")) {
            reg = bc.registerService(NodeType.class, new InvertNode(), null);
        }
        try {
            Support.waitFor(() -> engine.registry().snapshot().types().containsKey("acme.invert"), 5000);
            Graph src = new Graph();
            src.add("bars", "core.smpte_bars");
            src.output("bars");
            Graph inv = new Graph();
            inv.add("bars", "core.smpte_bars");
            inv.add("inv", "acme.invert");
            inv.connect("bars", "inv", "source").output("inv");
            int w = 640;
            int h = 360; // 230 Ki pixels: several bands
            try (RenderResult a = engine.compile(src, null).render(0, w, h, 1);
                    RenderResult b = engine.compile(inv, null).render(0, w, h, 1)) {
                assertTrue(b.clean(), b.messages().toString());
                ByteBuffer x = a.frame().buffer();
                ByteBuffer y = b.frame().buffer();
                for (int i = 0; i < w * h * 4; i++) {
                    int expect = (i & 3) == 3 ? x.get(i) & 0xFF : 255 - (x.get(i) & 0xFF);
                    assertEquals(expect, y.get(i) & 0xFF, "byte " + i);
                }
            }
        } finally {
            if (reg != null) {
                reg.unregister();
            }
        }
    }
}
