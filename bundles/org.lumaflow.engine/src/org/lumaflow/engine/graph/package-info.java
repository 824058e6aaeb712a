/**
 * The node graph and the node extension API: implement {@link NodeType} (CPU), {@link ShaderNode} (GLSL plus a
 * CPU fallback) {@link LayeredShaderNode} (GLSL fed per-frame uniforms and a static layer) or {@link PixelNode} (a per-pixel
 * function the engine fuses with its neighbours) and register it as an
 * OSGi service. Extension API: plugins import {@code [1.0,2.0)}.
 */
@Version("1.4.0")
package org.lumaflow.engine.graph;

import org.osgi.annotation.versioning.Version;
