package org.lumaflow.engine.tests.plugin;

import org.lumaflow.engine.graph.NodeType;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Activator of the test plugin bundle: registers {@link GlowNode} as a NodeType service. */
public final class GlowActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        context.registerService(NodeType.class, new GlowNode(), null);
    }

    @Override
    public void stop(BundleContext context) {
        // services are unregistered by the framework
    }
}
