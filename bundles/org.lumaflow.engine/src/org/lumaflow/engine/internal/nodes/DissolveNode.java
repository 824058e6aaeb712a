package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.PixelNode;
import org.lumaflow.engine.graph.PixelFunction;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/** {@code core.dissolve}: cross-dissolve, {@code from * (1 - p) + to * p} per channel including alpha. */
@Component(service = NodeType.class)
public final class DissolveNode implements PixelNode {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.dissolve", "Dissolve", "Transition",
            "Cross-dissolve from one image to the other; every channel, alpha included, is mixed linearly.",
            List.of(PortSpec.image("from", "Outgoing image"), PortSpec.image("to", "Incoming image")),
            PortType.IMAGE,
            List.of(ParamSpec.number("progress", 0, 0, 1, "",
                    "0 = all 'from', 1 = all 'to' (driven by the timeline for transitions)")))
            .traits(NodeKind.PER_PIXEL, false);

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        int t = (int) Math.round(Pixels.clamp(ctx.number("progress"), 0, 1) * 65536);
        Frame from = ctx.input(0);
        Frame to = ctx.input(1);
        if (Transitions.trivial(ctx, from, to, t)) {
            return;
        }
        int w = ctx.width();
        ByteBuffer a = from.buffer();
        ByteBuffer b = to.buffer();
        ByteBuffer out = ctx.output().buffer();
        Parallel.rows(w, ctx.height(), (y0, y1) -> {
            for (int i = y0 * w * 4, end = y1 * w * 4; i < end; i += 4) {
                out.putInt(i, Pixels.lerp(a.getInt(i), b.getInt(i), t));
            }
        });
    }

    @Override
    public PixelFunction prepare(NodeContext ctx) {
        int t = (int) Math.round(Pixels.clamp(ctx.number("progress"), 0, 1) * 65536);
        PixelFunction settled = Transitions.settled(ctx, t);
        if (settled != null) {
            return settled;
        }
        return (y, w, in, out) -> {
            int[] a = in[0];
            int[] b = in[1];
            for (int x = 0; x < w; x++) {
                out[x] = Pixels.lerp(a[x], b[x], t);
            }
        };
    }
}
