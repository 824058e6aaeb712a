package org.lumaflow.engine.vulkan.tests.support;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.graph.ShaderNode;

/**
 * A plugin-style shader node: multiplies RGB by a colour, mixed in by 'amount'. The CPU and the GLSL do the same
 * float math and round the same way.
 */
public class TintNode implements ShaderNode {

    private final String id;
    private final String glsl;

    public TintNode(String id) {
        this(id, """
                uint shade(ivec2 xy) {
                    vec4 c = unpack(in0(xy));
                    vec3 t = mix(c.rgb, c.rgb * p.tint.rgb, p.amount);
                    return pack(vec4(t, c.a));
                }
                """);
    }

    public TintNode(String id, String glsl) {
        this.id = id;
        this.glsl = glsl;
    }

    @Override
    public NodeDescriptor descriptor() {
        return new NodeDescriptor(id, "Tint", "Test", "Multiplies RGB by a colour",
                List.of(PortSpec.image("source", "input")), PortType.IMAGE,
                List.of(ParamSpec.color("tint", new Color(1, 0.5, 0.25, 1), "colour"),
                        ParamSpec.number("amount", 1, 0, 1, "", "mix")));
    }

    @Override
    public String glsl() {
        return glsl;
    }

    @Override
    public void render(NodeContext ctx) {
        Color t = ctx.color("tint");
        float a = (float) ctx.number("amount");
        float[] tint = {(float) t.r(), (float) t.g(), (float) t.b()};
        ByteBuffer in = ctx.input(0).buffer();
        ByteBuffer out = ctx.output().buffer();
        for (int i = 0; i < out.capacity(); i += 4) {
            int px = in.getInt(i);
            int o = px & 0xFF000000;
            for (int ch = 0; ch < 3; ch++) {
                float c = ((px >> (8 * ch)) & 0xFF) / 255f;
                float v = c + (c * tint[ch] - c) * a;
                int q = (int) Math.floor(Math.min(255f, Math.max(0f, v * 255f)) + 0.5f);
                o |= Math.min(255, q) << (8 * ch);
            }
            out.putInt(i, o);
        }
    }
}
