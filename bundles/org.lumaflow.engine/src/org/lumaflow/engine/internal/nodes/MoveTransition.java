package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;

/**
 * The moving transitions: {@code core.push} ('to' pushes 'from' out of the frame) and {@code core.slide} ('to' slides
 * in over 'from', which stays). Whole-pixel offsets: at progress p the incoming picture has travelled
 * {@code d = round(p * extent)} pixels (extent = width, or height for up/down), so every output pixel is a copy of one
 * input pixel; the GPU twin computes the same offsets ({@link #offsets}).
 */
public final class MoveTransition {

    private MoveTransition() {
    }

    static NodeDescriptor descriptor(String id, String name, String what) {
        return new NodeDescriptor(id, name, "Transition", what,
                List.of(PortSpec.image("from", "Outgoing image"), PortSpec.image("to", "Incoming image")),
                PortType.IMAGE,
                List.of(ParamSpec.number("progress", 0, 0, 1, "",
                        "0 = all 'from', 1 = all 'to' (driven by the timeline for transitions)"),
                        ParamSpec.choice("direction", "Direction the pictures move", "left", "right", "up",
                                "down")))
                .traits(NodeKind.NEIGHBOURHOOD, false);
    }

    /**
     * Where the pictures are at progress {@code p}: {@code {toX, toY, fromX, fromY}}, the offsets (output minus input
     * position) of the incoming and the outgoing picture.
     */
    public static int[] offsets(String direction, double p, int w, int h, boolean push) {
        int ux = switch (direction) {
            case "left" -> -1;
            case "right" -> 1;
            default -> 0;
        };
        int uy = switch (direction) {
            case "up" -> -1;
            case "down" -> 1;
            default -> 0;
        };
        int extent = ux != 0 ? w : h;
        int d = (int) Math.round(Math.max(0, Math.min(1, p)) * extent);
        int k = push ? d : 0;
        return new int[] {ux * (d - extent), uy * (d - extent), ux * k, uy * k};
    }

    static void render(NodeContext ctx, boolean push) {
        double p = Pixels.clamp(ctx.number("progress"), 0, 1);
        Frame from = ctx.input(0);
        Frame to = ctx.input(1);
        if (Transitions.trivial(ctx, from, to, (int) Math.round(p * 65536))) {
            return;
        }
        int w = ctx.width();
        int h = ctx.height();
        int[] o = offsets(ctx.choice("direction"), p, w, h, push);
        ByteBuffer a = from.buffer();
        ByteBuffer b = to.buffer();
        ByteBuffer out = ctx.output().buffer();
        Parallel.rows(w, h, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                for (int x = 0; x < w; x++) {
                    int tx = x - o[0];
                    int ty = y - o[1];
                    int v;
                    if (tx >= 0 && tx < w && ty >= 0 && ty < h) {
                        v = b.getInt((ty * w + tx) * 4);
                    } else {
                        int fx = x - o[2];
                        int fy = y - o[3];
                        v = fx >= 0 && fx < w && fy >= 0 && fy < h ? a.getInt((fy * w + fx) * 4) : 0;
                    }
                    out.putInt((y * w + x) * 4, v);
                }
            }
        });
    }
}
