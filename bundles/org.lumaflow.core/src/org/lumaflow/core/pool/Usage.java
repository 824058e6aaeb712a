package org.lumaflow.core.pool;

/** What a frame is used for; part of the pool key so that differently used memory is never mixed up. */
public enum Usage {
    /** Node outputs and intermediate images of a render. */
    RENDER,
    /** Short-lived scratch images inside one node (e.g. the first pass of a separable blur). */
    SCRATCH,
    /** Decoded source frames. */
    DECODE,
    /** Frames handed to an encoder. */
    ENCODE,
    /** Staging memory for GPU uploads and readbacks. */
    TRANSFER
}
