package org.lumaflow.engine.graph;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of node, registered as an OSGi service (whiteboard): the engine's registry picks up every {@code NodeType}
 * service and drops it when it goes away.
 * <p>
 * Implementations are stateless and thread-safe: per-instance caches live in {@link NodeContext#state()}.
 * {@link #render} writes every pixel of {@link NodeContext#output()} (or calls {@link NodeContext#passThrough}).
 * An exception is contained by the engine: the frame still renders (the node's first input passed through, or opaque
 * black for a source) and the render result carries the error.
 * <p>
 * Node types of plugins outside the product's namespace ({@code org.lumaflow.*}) render on a guard thread: a call
 * that does not return within {@code -Dlumaflow.extension.timeout} ms (default 2000), or three failures in a row,
 * quarantine the type until its plugin is updated or reinstalled (see {@code NodeRegistry.failures()}).
 */
@ConsumerType
public interface NodeType {

    /** The node's metadata; must return the same value on every call. */
    NodeDescriptor descriptor();

    /** Renders one frame. */
    void render(NodeContext ctx) throws Exception;
}
