package org.lumaflow.engine.vulkan.internal.nodes;

import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * Node state holding a device frame uploaded once from CPU-side pixels (a rasterized title, a fitted image);
 * released when replaced (after the frames in flight that read it) or when the graph goes away.
 */
class UploadedFrame implements AutoCloseable {

    /** The uploaded frame, or null until the next upload. */
    GpuFrame frame;

    /** Drops the frame: frames in flight may still read it, so it is released after this frame's fence. */
    final void drop(GpuNodeContext c) {
        if (frame != null) {
            c.hold(frame);
            frame = null;
        }
    }

    @Override
    public void close() {
        if (frame != null) {
            frame.release();
            frame = null;
        }
    }
}
