package org.lumaflow.engine.graph;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link ShaderNode} whose shader also reads values the node computes on the CPU once per frame (a needle's angle,
 * a marker's position, the digits of a reading) and, optionally, a static raster layer that is rasterized on the CPU
 * only when it changes and kept on the device (a dial face, a map track, a glyph atlas). The per-frame work left to
 * the shader is then only what moves.
 * <p>
 * Besides what {@link ShaderNode} declares, the GLSL sees {@code float u(int i)} (uniform {@code i} of the array
 * {@link #prepare} filled; 0 past its end), {@code uint layer(ivec2 xy)} (the layer's packed {@code 0xAABBGGRR}
 * pixel, 0 outside it or when there is none) and {@code ivec2 layerSize()}. {@link #render} stays the CPU
 * implementation and should evaluate the same per-pixel arithmetic (in {@code float}) so both backends agree within one
 * code value.
 *
 * @since 1.1
 */
@ConsumerType
public interface LayeredShaderNode extends ShaderNode {

    /** Size of the uniform array {@link #prepare} fills (at most {@link #MAX_UNIFORMS}); constant per type. */
    int uniformCount();

    /** Most uniforms a node may ask for. */
    int MAX_UNIFORMS = 1024;

    /**
     * Computes one frame's uniforms and static layer, before the GPU backend runs the shader. {@code ctx} is the
     * context {@link #render} would get (parameters, time, size, scale, state, warnings); do not read or write its
     * frames. Return the same layer (or one with an equal {@link RasterLayer#key()}) while it is unchanged: a new key
     * uploads the new pixels.
     *
     * @param uniforms {@link #uniformCount()} floats to fill (zeroed before the call)
     * @return the static layer, or null for none
     */
    RasterLayer prepare(NodeContext ctx, float[] uniforms) throws Exception;
}
