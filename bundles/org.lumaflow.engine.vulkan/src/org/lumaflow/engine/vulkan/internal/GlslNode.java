package org.lumaflow.engine.vulkan.internal;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.LayeredShaderNode;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.ParamType;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.graph.RasterLayer;
import org.lumaflow.engine.graph.ShaderNode;
import org.lumaflow.engine.vulkan.ComputeKernel;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuSlice;

/**
 * The GPU node of a plugin's {@link ShaderNode}: wraps its {@code shade()} function in a generated compute shader
 * (parameter block from the descriptor, input accessors, output packing) and dispatches it over the frame. A
 * {@link LayeredShaderNode} also gets its per-frame uniforms (a constants slice) and its static layer (uploaded when
 * its key changes and kept in the graph's node state) bound after the inputs.
 */
final class GlslNode implements GpuNode {

    /** Bytes of the push-constant block taken by the header (size, time, scale, connected ports, layer size). */
    static final int HEADER = 32;
    /** Bytes left for a node's parameters. */
    static final int PARAM_BYTES = GpuNodeContext.PUSH_BYTES - HEADER;
    private static final String BODY_MARK = "// ---- glsl() of the node type ----";

    private final ShaderNode type;
    private final NodeDescriptor d;
    private final String key;
    private final String source;
    /** byte offset of each parameter in the push block, -1 when not visible to shaders */
    private final int[] offsets;
    /** the type when it is a {@link LayeredShaderNode}, else null */
    private final LayeredShaderNode layered;
    private final int uniforms;
    /** 1-based line of the generated source where {@code glsl()} starts, and its number of lines */
    private final int bodyLine;
    private final int bodyLines;
    private volatile boolean retired;
    /** why the kernel cannot be used (parameters too big, GLSL does not compile), null while it can */
    private volatile String unusable;

    /** Per graph node: the uploaded layer, its key and the uniform array (no allocation per frame). */
    private static final class LayerState implements AutoCloseable {
        final float[] uniforms;
        Object key;
        GpuFrame frame;

        LayerState(int n) {
            uniforms = new float[n];
        }

        @Override
        public void close() {
            if (frame != null) {
                frame.release();
                frame = null;
            }
        }
    }

    GlslNode(ShaderNode type) {
        this.type = type;
        this.d = type.descriptor();
        this.layered = type instanceof LayeredShaderNode l ? l : null;
        this.uniforms = layered == null ? 0 : layered.uniformCount();
        if (uniforms < 0 || uniforms > LayeredShaderNode.MAX_UNIFORMS) {
            unusable = uniforms + " uniforms, at most " + LayeredShaderNode.MAX_UNIFORMS;
        }
        this.offsets = new int[d.params().size()];
        StringBuilder fields = new StringBuilder();
        int at = HEADER;
        // std430 push block: vec4 fields first, then vec2, then scalars, so no padding is needed
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < offsets.length; i++) {
                ParamSpec p = d.params().get(i);
                int size = switch (p.type()) {
                    case COLOR -> 16;
                    case POINT -> 8;
                    case FLOAT, INT, BOOL, CHOICE -> 4;
                    default -> 0;
                };
                if ((pass == 0 && size == 16) || (pass == 1 && size == 8) || (pass == 2 && size == 4)) {
                    offsets[i] = at;
                    at += size;
                    String glslType = switch (p.type()) {
                        case COLOR -> "vec4";
                        case POINT -> "vec2";
                        case FLOAT -> "float";
                        default -> "int";
                    };
                    fields.append("    ").append(glslType).append(' ').append(p.name()).append(";\n");
                } else if (size == 0 && pass == 0) {
                    offsets[i] = -1;
                }
            }
        }
        if (at > GpuNodeContext.PUSH_BYTES) {
            unusable = "its parameters need " + (at - HEADER) + " bytes of push constants, at most " + PARAM_BYTES
                    + " fit (COLOR 16, POINT 8, FLOAT/INT/BOOL/CHOICE 4 bytes each)";
        }
        String body = type.glsl();
        this.source = generate(d, fields.toString(), body, layered != null);
        this.bodyLine = (int) source.substring(0, source.indexOf(BODY_MARK) + BODY_MARK.length()).lines().count() + 1;
        this.bodyLines = (int) body.lines().count();
        this.key = "plugin:" + d.id() + "@" + Integer.toHexString(System.identityHashCode(type));
    }

    String key() {
        return key;
    }

    void retire() {
        retired = true;
    }

    /** The full shader source (for error messages and tests). */
    String source() {
        return source;
    }

    @Override
    public void record(GpuNodeContext c) {
        if (retired) {
            throw new IllegalStateException("node type " + d.id() + " was unregistered");
        }
        String why = unusable;
        if (why != null) {
            throw new Unusable(why);
        }
        List<PortSpec> ports = d.inputs();
        ComputeKernel k;
        try {
            k = c.kernel(key, source, ports.size() + 1 + (layered != null ? 2 : 0));
        } catch (IllegalArgumentException e) {
            if (!String.valueOf(e.getMessage()).contains("does not compile")) {
                throw e;
            }
            throw new Unusable(compileFailed(e.getMessage()));
        }
        NodeContext p = c.params();
        LayerState ls = null;
        RasterLayer layer = null;
        if (layered != null) {
            ls = c.state() instanceof LayerState s ? s : null;
            if (ls == null) {
                ls = new LayerState(Math.max(1, uniforms));
                c.setState(ls);
            }
            java.util.Arrays.fill(ls.uniforms, 0f);
            layer = prepare(p, ls.uniforms);
            if (layer == null || !layer.key().equals(ls.key)) {
                if (ls.frame != null) {
                    c.hold(ls.frame); // frames in flight may still read it
                    ls.frame = null;
                }
                ls.key = null;
                if (layer != null) {
                    ls.frame = c.upload(layer.pixels(), layer.width(), layer.height());
                    ls.key = layer.key();
                }
            }
        }
        ByteBuffer push = c.push();
        int connected = 0;
        for (int i = 0; i < ports.size(); i++) {
            if (c.input(i) != null) {
                connected |= 1 << i;
            }
        }
        push.putInt(0, c.width()).putInt(4, c.height()).putFloat(8, (float) p.seconds())
                .putFloat(12, (float) p.scale()).putInt(16, connected);
        if (layer != null) {
            push.putInt(20, layer.width()).putInt(24, layer.height());
        }
        for (int i = 0; i < offsets.length; i++) {
            int o = offsets[i];
            if (o < 0) {
                continue;
            }
            ParamSpec s = d.params().get(i);
            switch (s.type()) {
                case COLOR -> {
                    Color col = p.color(s.name());
                    push.putFloat(o, (float) col.r()).putFloat(o + 4, (float) col.g()).putFloat(o + 8, (float) col.b())
                            .putFloat(o + 12, (float) col.a());
                }
                case POINT -> {
                    Point2 pt = p.point(s.name());
                    push.putFloat(o, (float) pt.x()).putFloat(o + 4, (float) pt.y());
                }
                case FLOAT -> push.putFloat(o, (float) p.number(s.name()));
                case CHOICE -> push.putInt(o, s.choices().indexOf(p.choice(s.name())));
                case BOOL -> push.putInt(o, p.bool(s.name()) ? 1 : 0);
                default -> push.putInt(o, p.integer(s.name()));
            }
        }
        GpuFrame out = c.output();
        c.bind(out);
        for (int i = 0; i < ports.size(); i++) {
            GpuFrame in = c.input(i);
            c.bind(in != null ? in : out);
        }
        if (layered != null) {
            GpuSlice u = c.constants(ls.uniforms.length * 4);
            java.nio.ByteBuffer b = u.bytes();
            for (int i = 0; i < ls.uniforms.length; i++) {
                b.putFloat(i * 4, ls.uniforms[i]);
            }
            c.bind(u);
            c.bind(ls.frame != null ? ls.frame : out);
        }
        if (d.output() == PortType.MASK) {
            int words = (c.width() * c.height() + 3) / 4;
            c.dispatch(k, GpuNodeContext.groups(words, 64), 1);
        } else {
            c.dispatch(k, GpuNodeContext.groups(c.width(), 16), GpuNodeContext.groups(c.height(), 16));
        }
    }

    /**
     * The kernel cannot be used, for good (parameters do not fit, GLSL does not compile): the graph renders the node
     * on the CPU from then on and says so on every frame.
     */
    static final class Unusable extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Unusable(String reason) {
            super(reason);
        }
    }

    /**
     * Remembers a compile failure (so other graphs do not compile it again) and logs it once with the generated
     * source, numbered, the failing lines marked. Returns the one-line reason.
     */
    private synchronized String compileFailed(String shaderc) {
        if (unusable != null) {
            return unusable;
        }
        ShaderErrors e = new ShaderErrors(shaderc, bodyLine, bodyLines);
        String reason = "its GLSL does not compile: " + e.summary();
        System.getLogger("org.lumaflow.engine.vulkan").log(System.Logger.Level.WARNING, "shader node " + d.id()
                + " (" + type.getClass().getName() + ") renders on the CPU: " + reason + "\ngenerated source ("
                + "glsl() starts at line " + bodyLine + "; >> marks the failing lines):\n" + e.listing(source));
        unusable = reason;
        return reason;
    }

    private RasterLayer prepare(NodeContext p, float[] u) {
        try {
            return layered.prepare(p, u);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(d.id() + ": " + e.getMessage(), e);
        }
    }

    private static String generate(NodeDescriptor d, String fields, String body, boolean layered) {
        boolean mask = d.output() == PortType.MASK;
        StringBuilder s = new StringBuilder();
        s.append("#version 450\n// generated for node type ").append(d.id()).append('\n');
        s.append(mask ? "layout(local_size_x = 64) in;\n" : "layout(local_size_x = 16, local_size_y = 16) in;\n");
        s.append("layout(std430, binding = 0) writeonly buffer Out { uint out_px[]; };\n");
        for (int i = 0; i < d.inputs().size(); i++) {
            s.append("layout(std430, binding = ").append(i + 1).append(") readonly buffer In").append(i)
                    .append(" { uint in").append(i).append("_px[]; };\n");
        }
        int n = d.inputs().size();
        if (layered) {
            s.append("layout(std430, binding = ").append(n + 1).append(") readonly buffer Uniforms_ { float u_[]; };\n");
            s.append("layout(std430, binding = ").append(n + 2).append(") readonly buffer Layer_ { uint layer_px[]; };\n");
        }
        s.append("layout(push_constant) uniform Params {\n    int width;\n    int height;\n    float seconds;\n"
                + "    float scale;\n    int connected;\n    int layerW_;\n    int layerH_;\n    int pad2_;\n")
                .append(fields).append("} p;\n");
        s.append("""
                vec4 unpack(uint c) {
                    return vec4(float(c & 255u), float((c >> 8) & 255u), float((c >> 16) & 255u), float(c >> 24)) / 255.0;
                }
                uint pack(vec4 v) {
                    uvec4 u = uvec4(clamp(floor(v * 255.0 + 0.5), 0.0, 255.0));
                    return u.r | (u.g << 8) | (u.b << 16) | (u.a << 24);
                }
                """);
        if (layered) {
            s.append("""
                    float u(int i) {
                        return i >= 0 && i < u_.length() ? u_[i] : 0.0;
                    }
                    ivec2 layerSize() {
                        return ivec2(p.layerW_, p.layerH_);
                    }
                    uint layer(ivec2 xy) {
                        if (xy.x < 0 || xy.y < 0 || xy.x >= p.layerW_ || xy.y >= p.layerH_) {
                            return 0u;
                        }
                        return layer_px[xy.y * p.layerW_ + xy.x];
                    }
                    """);
        }
        for (int i = 0; i < d.inputs().size(); i++) {
            boolean inMask = d.inputs().get(i).type() == PortType.MASK;
            s.append("bool has").append(i).append(" = (p.connected & ").append(1 << i).append(") != 0;\n");
            s.append("uint in").append(i).append("(ivec2 xy) {\n    if (!has").append(i)
                    .append(") {\n        return 0u;\n    }\n    xy = clamp(xy, ivec2(0), ivec2(p.width - 1, "
                    + "p.height - 1));\n");
            if (inMask) {
                s.append("    int i = xy.y * p.width + xy.x;\n    return (in").append(i)
                        .append("_px[i >> 2] >> ((i & 3) * 8)) & 255u;\n}\n");
            } else {
                s.append("    return in").append(i).append("_px[xy.y * p.width + xy.x];\n}\n");
            }
        }
        s.append(BODY_MARK).append('\n').append(body).append('\n');
        if (mask) {
            s.append("""
                    void main() {
                        int w = int(gl_GlobalInvocationID.x);
                        int n = p.width * p.height;
                        if (w * 4 >= n) {
                            return;
                        }
                        uint word = 0u;
                        for (int k = 0; k < 4; k++) {
                            int i = w * 4 + k;
                            if (i < n) {
                                word |= (shade(ivec2(i % p.width, i / p.width)) & 255u) << (8 * k);
                            }
                        }
                        out_px[w] = word;
                    }
                    """);
        } else {
            s.append("""
                    void main() {
                        ivec2 xy = ivec2(gl_GlobalInvocationID.xy);
                        if (xy.x < p.width && xy.y < p.height) {
                            out_px[xy.y * p.width + xy.x] = shade(xy);
                        }
                    }
                    """);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "GLSL node " + d.id() + " (" + type.getClass().getName() + ")";
    }
}
