package org.lumaflow.engine.render;

/** A render that was started with {@link CompiledGraph#submit}; await it exactly once. */
@FunctionalInterface
public interface PendingRender {

    /** Waits for the frame; the caller owns the result (close it). */
    RenderResult await();
}
