package org.lumaflow.live.internal.session;

import java.util.List;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;

/**
 * {@code livetest.slow}: a deliberately slow effect for the drop-strategy tests: passes its input through after
 * sleeping {@link #millisAtFull} ms scaled by the rendered area over {@link #fullPixels} (a cost that falls when
 * the render size is lowered, as a real effect's does).
 */
public final class SlowNode implements NodeType {

    public static volatile double millisAtFull;
    public static volatile long fullPixels = 320 * 180;

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("livetest.slow", "Slow (test)", "Test",
            "Sleeps in proportion to the rendered area.", List.of(PortSpec.image("source", "input")),
            PortType.IMAGE, List.of());

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) throws InterruptedException {
        double ms = millisAtFull * ctx.width() * ctx.height() / fullPixels;
        if (ms > 0) {
            long nanos = (long) (ms * 1e6);
            long end = System.nanoTime() + nanos;
            while (System.nanoTime() < end) {
                Thread.sleep(0, 200_000);
            }
        }
        ctx.passThrough(0);
    }
}
