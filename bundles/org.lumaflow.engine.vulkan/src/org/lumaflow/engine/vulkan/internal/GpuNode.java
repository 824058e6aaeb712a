package org.lumaflow.engine.vulkan.internal;

/**
 * The GPU twin of a node type: records the node's kernels for one frame. Reads parameters through
 * {@link GpuNodeContext#params()} (the same values the CPU node sees) and must produce the CPU node's output to
 * within one code value. Stateless; per-instance data lives in {@link GpuNodeContext#state()}.
 */
public interface GpuNode {

    /** Records the node's work into the frame being recorded. */
    void record(GpuNodeContext ctx) throws Exception;
}
