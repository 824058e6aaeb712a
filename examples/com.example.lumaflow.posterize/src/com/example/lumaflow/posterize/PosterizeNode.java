package com.example.lumaflow.posterize;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.graph.ShaderNode;
import org.osgi.service.component.annotations.Component;

/**
 * {@code example.posterize}: rounds each of R, G, B to {@code levels} steps, mixed with the source by {@code mix}.
 * The GLSL runs on the GPU backend; {@link #render} is the CPU fallback and does the same float math.
 */
@Component(service = NodeType.class)
public final class PosterizeNode implements ShaderNode {

    private static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("example.posterize", "Posterize", "Stylize",
            "Reduces each colour channel to a few levels",
            List.of(PortSpec.image("source", "picture to posterize")), PortType.IMAGE,
            List.of(ParamSpec.integer("levels", 4, 2, 64, "", "steps per channel"),
                    ParamSpec.number("mix", 1, 0, 1, "", "0 = source, 1 = fully posterized")));

    private static final String GLSL = """
            uint shade(ivec2 xy) {
                vec4 c = unpack(in0(xy));
                float n = float(max(p.levels, 2) - 1);
                vec3 q = floor(c.rgb * n + 0.5) / n;
                return pack(vec4(c.rgb + (q - c.rgb) * p.mix, c.a));
            }
            """;

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public String glsl() {
        return GLSL;
    }

    @Override
    public void render(NodeContext ctx) {
        float n = Math.max(ctx.integer("levels"), 2) - 1;
        float mix = (float) ctx.number("mix");
        ByteBuffer in = ctx.input(0).buffer();
        ByteBuffer out = ctx.output().buffer();
        for (int i = 0, end = out.capacity(); i < end; i += 4) {
            int px = in.getInt(i);
            int o = px & 0xFF000000;
            for (int shift = 0; shift < 24; shift += 8) {
                float c = ((px >>> shift) & 0xFF) / 255f;
                float q = (float) Math.floor(c * n + 0.5f) / n;
                float v = c + (q - c) * mix;
                int b = (int) Math.floor(Math.min(255f, Math.max(0f, v * 255f)) + 0.5f);
                o |= Math.min(255, b) << shift;
            }
            out.putInt(i, o);
        }
    }
}
