package com.example.lumaflow.faulty.hanging;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/** {@code faulty.hanging}: waits forever in render, like a deadlocked plugin (ends only when interrupted). */
@Component(service = NodeType.class)
public final class HangingNode implements NodeType {

    private final CountDownLatch never = new CountDownLatch(1);

    @Override
    public NodeDescriptor descriptor() {
        return new NodeDescriptor("faulty.hanging", "Hanging", "Test", "Never returns",
                List.of(PortSpec.image("source", "input")), PortType.IMAGE, List.of());
    }

    @Override
    public void render(NodeContext ctx) throws InterruptedException {
        never.await();
    }
}
