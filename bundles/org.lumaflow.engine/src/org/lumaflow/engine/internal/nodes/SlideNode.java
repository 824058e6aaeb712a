package org.lumaflow.engine.internal.nodes;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.osgi.service.component.annotations.Component;

/** {@code core.slide}: the incoming picture slides in over the outgoing one, which stays in place. */
@Component(service = NodeType.class)
public final class SlideNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = MoveTransition.descriptor("core.slide", "Slide",
            "The incoming picture slides in over the outgoing one, which stays in place (whole pixels).");

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        MoveTransition.render(ctx, false);
    }
}
