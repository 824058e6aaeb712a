package org.lumaflow.extensions.tests.readme;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.parallel.Parallel;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

@Component(service = NodeType.class)
public final class InvertNode implements NodeType {
    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("acme.invert", "Invert", "Color",
            "Inverts red, green and blue.", List.of(PortSpec.image("source", "Image to invert")), PortType.IMAGE,
            List.of(ParamSpec.number("amount", 1, 0, 1, "", "Mix between the input (0) and the inverse (1)")));

    @Override public NodeDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void render(NodeContext ctx) {
        double amount = ctx.number("amount");            // evaluated at ctx.time(), keyframes applied
        if (amount == 0) { ctx.passThrough(0); return; }  // no copy
        ByteBuffer in = ctx.input(0).buffer(), out = ctx.output().buffer();
        int k = (int) Math.round(amount * 256), w = ctx.width();
        Parallel.rows(w, ctx.height(), (y0, y1) -> {         // bands on all cores (core.parallel 1.0, API)
            for (int i = y0 * w * 4; i < y1 * w * 4; i++) {
                if ((i & 3) == 3) { out.put(i, in.get(i)); continue; }   // bytes are R, G, B, A
                int v = in.get(i) & 0xFF;
                out.put(i, (byte) (v + (((255 - 2 * v) * k + 128) >> 8)));
            }
        });
    }
}
