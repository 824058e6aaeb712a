package org.lumaflow.engine.tests.plugin;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;

/**
 * A node packaged at test time into a separate bundle (see DynamicPluginTest): sets green to 255. Self-contained on
 * purpose: it only uses exported engine API.
 */
public final class GlowNode implements NodeType {

    private static final NodeDescriptor D = new NodeDescriptor("acme.glow", "Glow", "Test",
            "Sets green to full (test plugin)", List.of(PortSpec.image("source", "input")), PortType.IMAGE, List.of());

    @Override
    public NodeDescriptor descriptor() {
        return D;
    }

    @Override
    public void render(NodeContext ctx) {
        ByteBuffer in = ctx.input(0).buffer();
        ByteBuffer out = ctx.output().buffer();
        for (int i = 0; i < out.capacity(); i += 4) {
            out.putInt(i, in.getInt(i) | 0x0000FF00);
        }
    }
}
