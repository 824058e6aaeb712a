package org.lumaflow.engine.graph;

/**
 * What a node type does to pixels, as the graph compiler sees it (declared in {@link NodeDescriptor#kind()}).
 *
 * @since 1.2
 */
public enum NodeKind {
    /**
     * Each output pixel depends only on the input pixels at the same position (and the parameters, time and
     * position). A type that also implements {@link PixelNode} joins fused passes: chains of such nodes are evaluated
     * row by row in one pass over the frame.
     */
    PER_PIXEL,
    /** An output pixel reads input pixels around it (blurs, transforms, resampling). */
    NEIGHBOURHOOD,
    /**
     * A source: no image inputs (solid colours, patterns, text, stills, decoders). One that implements
     * {@link PixelNode} (its pixel a function of position) is fused into the pass of the node that reads it.
     */
    GENERATOR
}
