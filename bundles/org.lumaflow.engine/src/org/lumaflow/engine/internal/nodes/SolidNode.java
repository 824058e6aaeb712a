package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.PixelNode;
import org.lumaflow.engine.graph.PixelFunction;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/** {@code core.solid}: fills the frame with one colour. */
@Component(service = NodeType.class)
public final class SolidNode implements PixelNode {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.solid", "Solid Colour", "Source",
            "A frame filled with one colour (alpha included).", List.of(), PortType.IMAGE,
            List.of(ParamSpec.color("color", Color.BLACK, "Fill colour")))
            .traits(NodeKind.GENERATOR, false);

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        int packed = ctx.color("color").packed();
        int w = ctx.width();
        ByteBuffer buf = ctx.output().buffer();
        Parallel.rows(w, ctx.height(), (y0, y1) -> Pixels.fillRows(buf, w * 4, y0, y1, packed));
    }

    @Override
    public PixelFunction prepare(NodeContext ctx) {
        int packed = ctx.color("color").packed();
        return (y, w, in, out) -> java.util.Arrays.fill(out, 0, w, packed);
    }
}
