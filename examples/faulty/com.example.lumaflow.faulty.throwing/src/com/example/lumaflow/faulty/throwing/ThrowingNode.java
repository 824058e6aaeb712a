package com.example.lumaflow.faulty.throwing;

import java.util.List;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/** {@code faulty.throwing}: fails every render (tests that the engine contains and quarantines it). */
@Component(service = NodeType.class)
public final class ThrowingNode implements NodeType {

    @Override
    public NodeDescriptor descriptor() {
        return new NodeDescriptor("faulty.throwing", "Throwing", "Test", "Always throws",
                List.of(PortSpec.image("source", "input")), PortType.IMAGE, List.of());
    }

    @Override
    public void render(NodeContext ctx) {
        ctx.output().clear(); // half-written output the engine must not show
        throw new IllegalStateException("deliberate failure in render()");
    }
}
