package org.lumaflow.engine.vulkan.tests.support;

import java.nio.file.Path;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.internal.nodes.BuiltinNodes;
import org.lumaflow.engine.internal.registry.NodeRegistryImpl;
import org.lumaflow.engine.internal.render.CpuEngine;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.vulkan.internal.GpuRuntime;
import org.lumaflow.engine.vulkan.internal.VulkanBackend;

/**
 * Two engines over one registry and one leak-tracking pool: the CPU reference, and the same engine with the Vulkan
 * backend preferring any device (lavapipe in CI), independent of DS.
 */
public final class GpuFixture implements AutoCloseable {

    public final NodeRegistryImpl registry = new NodeRegistryImpl();
    public final FramePool pool = new FramePool(FramePool.Config.defaults().withBudget(512L << 20)
            .withLeakTracking(true));
    public final CpuEngine cpu = new CpuEngine(registry, pool);
    public final CpuEngine gpu = new CpuEngine(registry, pool);
    public final VulkanBackend backend = new VulkanBackend();

    public GpuFixture() {
        for (NodeType t : BuiltinNodes.all()) {
            registry.register(t, "org.lumaflow.engine", 0);
        }
        cpu.preferBackend("cpu");
        gpu.useBackend(backend);
        gpu.preferBackend("gpu");
    }

    /** The opened device (fails the test with the reason when there is none). */
    public GpuRuntime runtime() {
        GpuRuntime rt = backend.runtime("gpu");
        if (rt == null) {
            throw new AssertionError("no Vulkan device: " + org.lumaflow.engine.vulkan.Gpus.select().reason());
        }
        return rt;
    }

    /** Largest per-channel difference between two frames of the same key. */
    public static int maxDiff(Frame a, Frame b) {
        if (a.width() != b.width() || a.height() != b.height() || a.format() != b.format()) {
            throw new AssertionError("frames differ in kind: " + a.key() + " vs " + b.key());
        }
        int n = (int) a.format().bytes(a.width(), a.height());
        int max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs((a.buffer().get(i) & 0xFF) - (b.buffer().get(i) & 0xFF)));
        }
        return max;
    }

    /** Renders {@code g} on the engine. */
    public static RenderResult render(CpuEngine e, Graph g, long time, int w, int h) throws Exception {
        CompiledGraph c = e.compile(g, (Path) null);
        return c.render(time, w, h, 1.0);
    }

    @Override
    public void close() {
        backend.close();
        pool.checkNoLeaks();
        pool.close();
    }
}
