package org.lumaflow.telemetry.internal.overlay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.RasterLayer;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.RenderResult;

/** The static-layer cache: memory and disk hits, misses, the manifest, and the nodes drawing each layer once. */
class OverlayCacheTest {

    private static RasterLayer layer(String key, int seed) {
        int[] px = new int[7 * 5];
        for (int i = 0; i < px.length; i++) {
            px[i] = i * 0x01020304 + seed;
        }
        return new RasterLayer(key, 7, 5, px);
    }

    @Test
    void memoryThenDiskThenMissWithManifest(@TempDir Path dir) throws Exception {
        AtomicInteger draws = new AtomicInteger();
        LayerCache c = new LayerCache(dir, 1 << 20, 1 << 20);
        RasterLayer a = c.get("telemetry.minimap", "300x300|track=abc", k -> {
            draws.incrementAndGet();
            return layer(k, 1);
        });
        RasterLayer again = c.get("telemetry.minimap", "300x300|track=abc", k -> layer(k, 99));
        assertSame(a, again);
        assertEquals(new LayerCache.Stats(1, 0, 1, 1, c.stats().diskBytes()), c.stats());
        assertTrue(c.stats().diskBytes() > 0);
        String manifest = Files.readString(dir.resolve("manifest.json"));
        assertTrue(manifest.contains("\"node\" : \"telemetry.minimap\"") && manifest.contains("300x300|track=abc")
                && manifest.contains("\"width\" : 7") && manifest.contains(a.key() + "\""), manifest);
        assertTrue(Files.exists(dir.resolve(a.key() + ".layer")));

        // a new cache on the same folder (next run): read from disk, not drawn
        LayerCache c2 = new LayerCache(dir, 1 << 20, 1 << 20);
        RasterLayer b = c2.get("telemetry.minimap", "300x300|track=abc", k -> {
            draws.incrementAndGet();
            return layer(k, 2);
        });
        assertNotSame(a, b);
        assertArrayEquals(a.pixels(), b.pixels());
        assertEquals(a.key(), b.key());
        assertEquals(1, c2.stats().diskHits());
        assertEquals(1, draws.get());

        // another slice of telemetry: a miss, two entries
        c2.get("telemetry.minimap", "300x300|track=def", k -> layer(k, 3));
        assertEquals(1, c2.stats().misses());
        assertEquals(2, c2.entries().size());

        // a damaged file is drawn again
        Files.write(dir.resolve(a.key() + ".layer"), new byte[] { 1, 2, 3 });
        LayerCache c3 = new LayerCache(dir, 1 << 20, 1 << 20);
        RasterLayer redrawn = c3.get("telemetry.minimap", "300x300|track=abc", k -> layer(k, 1));
        assertArrayEquals(a.pixels(), redrawn.pixels());
        assertEquals(1, c3.stats().misses());
    }

    @Test
    void diskBudgetEvictsTheLeastRecentlyUsed(@TempDir Path dir) throws Exception {
        LayerCache c = new LayerCache(dir, 1 << 20, 1);
        RasterLayer a = c.get("n", "a", k -> layer(k, 1));
        RasterLayer b = c.get("n", "b", k -> layer(k, 2));
        assertEquals(1, c.entries().size());
        assertEquals(b.key(), c.entries().get(0).key());
        assertTrue(!Files.exists(dir.resolve(a.key() + ".layer")));
    }

    @Test
    void nodesDrawTheirLayerOncePerSizeAndStyle() throws Exception {
        OverlayFixture fx = new OverlayFixture(OverlayCacheTest.class);
        fx.engine.preferBackend("cpu");
        LayerCache shared = LayerCache.shared();
        Graph g = OverlayFixture.graph(MinimapNode.ID, OverlayFixture.file("karma.mp4"));
        g.node("w").set("size", 211.0 + (System.nanoTime() % 1000) / 1000.0); // a size no earlier run cached
        CompiledGraph cg = fx.engine.compile(g, null);
        LayerCache.Stats s0 = shared.stats();
        for (int i = 0; i < 10; i++) {
            try (RenderResult r = cg.render(OverlayFixture.ticks(i), 640, 360, 1)) {
                assertTrue(r.messages().isEmpty(), r.messages().toString());
            }
        }
        LayerCache.Stats s1 = shared.stats();
        assertEquals(1, s1.misses() - s0.misses(), "drawn once for ten frames");
        // a second graph with the same parameters takes it from the cache
        CompiledGraph cg2 = fx.engine.compile(g, null);
        try (RenderResult r = cg2.render(0, 640, 360, 1)) {
            assertEquals(s1.misses(), shared.stats().misses());
            assertEquals(s1.memoryHits() + 1, shared.stats().memoryHits());
        }
        // another scale is another layer
        try (RenderResult r = cg2.render(0, 320, 180, 0.5)) {
            assertEquals(s1.misses() + 1, shared.stats().misses());
        }
        assertTrue(shared.entries().stream().anyMatch(e -> e.node().equals(MinimapNode.ID)
                && e.description().contains("track=")));
    }
}
