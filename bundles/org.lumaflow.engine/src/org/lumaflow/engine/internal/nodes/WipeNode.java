package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.PixelNode;
import org.lumaflow.engine.graph.PixelFunction;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/** {@code core.wipe}: an edge sweeps across the frame revealing {@code to}, with a linear soft ramp. */
@Component(service = NodeType.class)
public final class WipeNode implements PixelNode {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.wipe", "Wipe", "Transition",
            "An edge sweeps across the frame, replacing 'from' with 'to'. The direction is where the edge moves "
                    + "(right: 'to' appears at the left edge first); radial grows a circle from the centre.",
            List.of(PortSpec.image("from", "Outgoing image"), PortSpec.image("to", "Incoming image")),
            PortType.IMAGE,
            List.of(ParamSpec.number("progress", 0, 0, 1, "",
                    "0 = all 'from', 1 = all 'to' (driven by the timeline for transitions)"),
                    ParamSpec.choice("direction", "Direction the edge travels", "right", "left", "down", "up",
                            "radial"),
                    ParamSpec.number("softness", 0.05, 0, 1, "",
                            "Width of the soft edge as a fraction of the frame (of the half diagonal for radial)")))
            .traits(NodeKind.PER_PIXEL, false);

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        double p = Pixels.clamp(ctx.number("progress"), 0, 1);
        Frame from = ctx.input(0);
        Frame to = ctx.input(1);
        if (Transitions.trivial(ctx, from, to, (int) Math.round(p * 65536))) {
            return;
        }
        double soft = Pixels.clamp(ctx.number("softness"), 0, 1);
        int w = ctx.width();
        int h = ctx.height();
        Ramp ramp = ramp(ctx.choice("direction"), p, soft, w, h);
        boolean radial = ramp.radial();
        double tx = ramp.tx();
        double ty = ramp.ty();
        double t0 = ramp.t0();
        double invDiag = ramp.invDiag();
        ByteBuffer a = from.buffer();
        ByteBuffer b = to.buffer();
        ByteBuffer out = ctx.output().buffer();
        Parallel.rows(w, h, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                double dy = y + 0.5 - h * 0.5;
                int row = y * w * 4;
                for (int x = 0; x < w; x++) {
                    double t;
                    if (radial) {
                        double dx = x + 0.5 - w * 0.5;
                        t = Math.sqrt(dx * dx + dy * dy) * invDiag;
                    } else {
                        t = tx * x + ty * y + t0;
                    }
                    int o = row + x * 4;
                    out.putInt(o, Pixels.lerp(a.getInt(o), b.getInt(o), ramp.mix(t)));
                }
            }
        });
    }

    @Override
    public PixelFunction prepare(NodeContext ctx) {
        double p = Pixels.clamp(ctx.number("progress"), 0, 1);
        PixelFunction settled = Transitions.settled(ctx, (int) Math.round(p * 65536));
        if (settled != null) {
            return settled;
        }
        double soft = Pixels.clamp(ctx.number("softness"), 0, 1);
        int h = ctx.height();
        Ramp ramp = ramp(ctx.choice("direction"), p, soft, ctx.width(), h);
        return (y, w, in, out) -> {
            int[] a = in[0];
            int[] b = in[1];
            double dy = y + 0.5 - h * 0.5;
            for (int x = 0; x < w; x++) {
                double t;
                if (ramp.radial()) {
                    double dx = x + 0.5 - w * 0.5;
                    t = Math.sqrt(dx * dx + dy * dy) * ramp.invDiag();
                } else {
                    t = ramp.tx() * x + ramp.ty() * y + ramp.t0();
                }
                out[x] = Pixels.lerp(a[x], b[x], ramp.mix(t));
            }
        };
    }

    /**
     * The wipe's ramp: position t along the wipe (0 where it starts, 1 where it ends) = tx * x + ty * y + t0, or the
     * distance from the centre times {@code invDiag} (over the half diagonal) for radial; mix = clamp((edge - t) /
     * soft, 0, 1). Also used by the GPU twin.
     */
    public record Ramp(boolean radial, double tx, double ty, double t0, double invDiag, double p, double edge,
            double invSoft) {

        /** The mix of 'to' (x 65536) at wipe position {@code t}. */
        public int mix(double t) {
            if (invSoft == 0) {
                return t < p ? 65536 : 0;
            }
            double v = (edge - t) * invSoft;
            return v <= 0 ? 0 : v >= 1 ? 65536 : (int) (v * 65536 + 0.5);
        }
    }

    /** The ramp for a direction, progress and softness (both clamped to 0..1); also used by the GPU twin. */
    public static Ramp ramp(String dir, double p, double soft, int w, int h) {
        double tx = switch (dir) {
            case "right" -> 1.0 / w;
            case "left" -> -1.0 / w;
            default -> 0;
        };
        double ty = switch (dir) {
            case "down" -> 1.0 / h;
            case "up" -> -1.0 / h;
            default -> 0;
        };
        double t0 = (tx < 0 ? 1 : 0) + (ty < 0 ? 1 : 0) + 0.5 * (tx + ty);
        double invDiag = 2 / Math.sqrt((double) w * w + (double) h * h);
        return new Ramp("radial".equals(dir), tx, ty, t0, invDiag, p, p * (1 + soft), soft > 1e-9 ? 1 / soft : 0);
    }
}
