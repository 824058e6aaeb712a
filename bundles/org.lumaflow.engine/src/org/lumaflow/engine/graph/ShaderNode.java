package org.lumaflow.engine.graph;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A node type that also carries the GLSL for GPU backends: register it as a {@link NodeType} service and a GPU
 * backend compiles the source (cached by content hash) into a compute kernel, with no other code. {@link #render} stays
 * the CPU implementation (used on machines without a GPU and as the fallback when the shader fails).
 * <p>
 * The source defines {@code uint shade(ivec2 xy)}, returning the output pixel at {@code xy} packed as
 * {@code 0xAABBGGRR} (IMAGE outputs) or a value 0..255 (MASK outputs). The backend declares around it:
 * <ul>
 * <li>{@code int width, height} (output size), {@code float seconds, scale} (node time and pixel scale);</li>
 * <li>one field per parameter, named as the parameter: FLOAT {@code float}, INT/BOOL/CHOICE {@code int} (CHOICE =
 * index of the choice), COLOR {@code vec4} (r, g, b, a in 0..1), POINT {@code vec2}; STRING and FILE parameters are
 * not visible to shaders. Read them as {@code p.name};</li>
 * <li>per input port {@code i}: {@code uint in<i>(ivec2 xy)} (packed pixel, or mask value; coordinates clamped to the
 * frame) and {@code bool has<i>} (whether it is connected);</li>
 * <li>helpers {@code vec4 unpack(uint)} (0..1 floats) and {@code uint pack(vec4)} (rounded, clamped).</li>
 * </ul>
 * Parameters live in a 128-byte push-constant block whose first 32 bytes are the backend's header (size, time,
 * scale, connected ports), so they must fit in <b>96 bytes</b>: COLOR takes 16, POINT 8, FLOAT, INT, BOOL and CHOICE 4
 * each (e.g. 24 floats, or 4 colours + 2 points + 4 floats); STRING and FILE take none. A type whose parameters need
 * more, or whose GLSL does not compile, renders on the CPU: every frame it renders there carries a warning saying
 * why, and a compile error is logged once with the generated source (numbered lines, the failing ones marked, the
 * lines of {@link #glsl()} named in the warning).
 */
@ConsumerType
public interface ShaderNode extends NodeType {

    /** The GLSL defining {@code uint shade(ivec2 xy)} (and any helpers it needs). */
    String glsl();
}
