package org.lumaflow.engine.vulkan.internal;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.ParamType;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.graph.ShaderNode;
import org.lumaflow.engine.vulkan.ComputeKernel;
import org.lumaflow.engine.vulkan.GpuFrame;

/**
 * The GPU node of a plugin's {@link ShaderNode}: wraps its {@code shade()} function in a generated compute shader
 * (parameter block from the descriptor, input accessors, output packing) and dispatches it over the frame.
 */
final class GlslNode implements GpuNode {

    private static final int HEADER = 32;

    private final ShaderNode type;
    private final NodeDescriptor d;
    private final String key;
    private final String source;
    /** byte offset of each parameter in the push block, -1 when not visible to shaders */
    private final int[] offsets;
    private volatile boolean retired;

    GlslNode(ShaderNode type) {
        this.type = type;
        this.d = type.descriptor();
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
            throw new IllegalArgumentException("node type " + d.id() + ": its parameters need " + (at - HEADER)
                    + " bytes of push constants, at most " + (GpuNodeContext.PUSH_BYTES - HEADER) + " fit");
        }
        this.source = generate(d, fields.toString(), type.glsl());
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
        List<PortSpec> ports = d.inputs();
        ComputeKernel k = c.kernel(key, source, ports.size() + 1);
        NodeContext p = c.params();
        ByteBuffer push = c.push();
        int connected = 0;
        for (int i = 0; i < ports.size(); i++) {
            if (c.input(i) != null) {
                connected |= 1 << i;
            }
        }
        push.putInt(0, c.width()).putInt(4, c.height()).putFloat(8, (float) p.seconds())
                .putFloat(12, (float) p.scale()).putInt(16, connected);
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
        if (d.output() == PortType.MASK) {
            int words = (c.width() * c.height() + 3) / 4;
            c.dispatch(k, GpuNodeContext.groups(words, 64), 1);
        } else {
            c.dispatch(k, GpuNodeContext.groups(c.width(), 16), GpuNodeContext.groups(c.height(), 16));
        }
    }

    private static String generate(NodeDescriptor d, String fields, String body) {
        boolean mask = d.output() == PortType.MASK;
        StringBuilder s = new StringBuilder();
        s.append("#version 450\n// generated for node type ").append(d.id()).append('\n');
        s.append(mask ? "layout(local_size_x = 64) in;\n" : "layout(local_size_x = 16, local_size_y = 16) in;\n");
        s.append("layout(std430, binding = 0) writeonly buffer Out { uint out_px[]; };\n");
        for (int i = 0; i < d.inputs().size(); i++) {
            s.append("layout(std430, binding = ").append(i + 1).append(") readonly buffer In").append(i)
                    .append(" { uint in").append(i).append("_px[]; };\n");
        }
        s.append("layout(push_constant) uniform Params {\n    int width;\n    int height;\n    float seconds;\n"
                + "    float scale;\n    int connected;\n    int pad0_;\n    int pad1_;\n    int pad2_;\n")
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
        s.append("#line 1\n").append(body).append('\n');
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
