package org.lumaflow.engine.internal.nodes;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.osgi.service.component.annotations.Component;

/** {@code core.push}: the incoming picture pushes the outgoing one out of the frame. */
@Component(service = NodeType.class)
public final class PushNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = MoveTransition.descriptor("core.push", "Push",
            "The incoming picture pushes the outgoing one out of the frame in the chosen direction (whole pixels).");

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        MoveTransition.render(ctx, true);
    }
}
