package org.lumaflow.engine.internal.nodes;

import java.util.List;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PixelFunction;
import org.lumaflow.engine.graph.PixelNode;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/**
 * {@code core.pattern_wipe}: a wipe by pattern. Each pixel has a position t in 0..1 along the pattern ({@link #t});
 * 'to' shows where t is below the edge, with {@link WipeNode.Ramp}'s soft ramp (the same mix as {@code core.wipe}).
 */
@Component(service = NodeType.class)
public final class PatternWipeNode implements PixelNode {

    /** The patterns, in the order of the parameter's choices. */
    public static final List<String> PATTERNS = List.of("clock", "barn_h", "barn_v", "box", "diamond", "diagonal");

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.pattern_wipe", "Pattern wipe", "Transition",
            "'to' replaces 'from' along a pattern: a clock hand sweeping from twelve o'clock, barn doors opening "
                    + "sideways (barn_h) or up and down (barn_v), a box or a diamond growing from the centre, or a "
                    + "diagonal from the top-left corner.",
            List.of(PortSpec.image("from", "Outgoing image"), PortSpec.image("to", "Incoming image")),
            PortType.IMAGE,
            List.of(ParamSpec.number("progress", 0, 0, 1, "",
                    "0 = all 'from', 1 = all 'to' (driven by the timeline for transitions)"),
                    ParamSpec.choice("pattern", "Shape of the edge", PATTERNS.toArray(String[]::new)),
                    ParamSpec.number("softness", 0.05, 0, 1, "",
                            "Width of the soft edge (fraction of the pattern; at least 1/1024, hard to the eye)")))
            .traits(NodeKind.PER_PIXEL, false);

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Position of pixel (x, y) along {@code pattern} in a w x h frame, 0..1 (pixel centres; also the GPU twin's
     * formula, evaluated there in float).
     */
    public static double t(int pattern, int x, int y, int w, int h) {
        double dx = (x + 0.5 - w * 0.5) / (w * 0.5);
        double dy = (y + 0.5 - h * 0.5) / (h * 0.5);
        return switch (pattern) {
            case 0 -> {
                double a = Math.atan2(dx, -dy); // 0 at twelve o'clock, clockwise
                yield (a < 0 ? a + 2 * Math.PI : a) / (2 * Math.PI);
            }
            case 1 -> Math.abs(dx);
            case 2 -> Math.abs(dy);
            case 3 -> Math.max(Math.abs(dx), Math.abs(dy));
            case 4 -> (Math.abs(dx) + Math.abs(dy)) * 0.5;
            default -> ((x + 0.5) / w + (y + 0.5) / h) * 0.5;
        };
    }

    /** Narrowest soft edge: 1/1024 of the pattern (hard to the eye; keeps the GPU's float within one code value). */
    public static final double MIN_SOFTNESS = 1.0 / 1024;

    /**
     * The ramp at {@code progress} and {@code softness} (clamped to {@link #MIN_SOFTNESS}..1): {@code core.wipe}'s
     * mix.
     */
    public static WipeNode.Ramp ramp(double progress, double softness) {
        double p = Pixels.clamp(progress, 0, 1);
        double soft = Pixels.clamp(softness, MIN_SOFTNESS, 1);
        return new WipeNode.Ramp(false, 0, 0, 0, 0, p, p * (1 + soft), 1 / soft);
    }

    @Override
    public PixelFunction prepare(NodeContext ctx) {
        double p = Pixels.clamp(ctx.number("progress"), 0, 1);
        PixelFunction settled = Transitions.settled(ctx, (int) Math.round(p * 65536));
        if (settled != null) {
            return settled;
        }
        WipeNode.Ramp ramp = ramp(p, ctx.number("softness"));
        int pattern = Math.max(0, PATTERNS.indexOf(ctx.choice("pattern")));
        int h = ctx.height();
        return (y, w, in, out) -> {
            int[] a = in[0];
            int[] b = in[1];
            for (int x = 0; x < w; x++) {
                out[x] = Pixels.lerp(a[x], b[x], ramp.mix(t(pattern, x, y, w, h)));
            }
        };
    }
}
