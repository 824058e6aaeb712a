package org.lumaflow.engine.render;

import org.osgi.annotation.versioning.ProviderType;

/** A render that was started with {@link CompiledGraph#submit}; await it exactly once. */
@FunctionalInterface
@ProviderType
public interface PendingRender {

    /** Waits for the frame; the caller owns the result (close it). */
    RenderResult await();
}
