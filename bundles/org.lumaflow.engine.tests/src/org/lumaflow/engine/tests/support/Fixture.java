package org.lumaflow.engine.tests.support;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.internal.nodes.BuiltinNodes;
import org.lumaflow.engine.internal.registry.NodeRegistryImpl;
import org.lumaflow.engine.internal.render.CpuEngine;

/** An engine with the built-in and test node types and a leak-tracking pool, independent of DS. */
public final class Fixture implements AutoCloseable {

    /** The registry. */
    public final NodeRegistryImpl registry = new NodeRegistryImpl();
    /** The pool (leak tracking on). */
    public final FramePool pool = new FramePool(FramePool.Config.defaults().withBudget(256L << 20).withLeakTracking(true));
    /** The engine. */
    public final CpuEngine engine = new CpuEngine(registry, pool);

    /** Registers built-ins and test nodes. */
    public Fixture() {
        for (NodeType t : BuiltinNodes.all()) {
            registry.register(t, "org.lumaflow.engine", 0);
        }
        registry.register(new TestNodes.Invert(), "org.lumaflow.engine.tests", 0);
        registry.register(new TestNodes.Boom(), "org.lumaflow.engine.tests", 0);
        registry.register(new TestNodes.MaskSource(), "org.lumaflow.engine.tests", 0);
        registry.register(new TestNodes.TimeProbe(FrameRate.FPS_25), "org.lumaflow.engine.tests", 0);
    }

    /** Pixel (x, y) of an RGBA8 frame as 0xAABBGGRR. */
    public static int pixel(Frame f, int x, int y) {
        return f.buffer().getInt((y * f.width() + x) * 4);
    }

    /** Fails if any frame is still leased. */
    @Override
    public void close() {
        pool.checkNoLeaks();
        pool.close();
    }
}
