package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/** {@code core.gradient}: a linear or radial two-colour gradient, interpolated in 16-bit fixed point. */
@Component(service = NodeType.class)
public final class GradientNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.gradient", "Gradient", "Source",
            "A two-colour gradient. Linear: spans the whole frame along the angle through the centre point. "
                    + "Radial: colour A at the centre point to colour B at half the frame diagonal.",
            List.of(), PortType.IMAGE,
            List.of(ParamSpec.color("color_a", Color.BLACK, "Colour at the start (linear) or centre (radial)"),
                    ParamSpec.color("color_b", Color.WHITE, "Colour at the end (linear) or rim (radial)"),
                    ParamSpec.choice("kind", "Gradient shape", "linear", "radial"),
                    ParamSpec.number("angle", 0, -360, 360, "deg",
                            "Direction of a linear gradient, clockwise: 0 = left to right, 90 = top to bottom"),
                    ParamSpec.point("center", Point2.CENTER, "Midpoint (linear) or centre (radial)")))
            .traits(NodeKind.GENERATOR, false);

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        int ca = ctx.color("color_a").packed();
        int cb = ctx.color("color_b").packed();
        boolean radial = "radial".equals(ctx.choice("kind"));
        Point2 c = ctx.point("center");
        int w = ctx.width();
        int h = ctx.height();
        double cx = c.x() * w;
        double cy = c.y() * h;
        ByteBuffer buf = ctx.output().buffer();
        if (radial) {
            double inv = 2 / Math.sqrt((double) w * w + (double) h * h);
            Parallel.rows(w, h, (y0, y1) -> {
                for (int y = y0; y < y1; y++) {
                    double dy = y + 0.5 - cy;
                    double dy2 = dy * dy;
                    int row = y * w * 4;
                    for (int x = 0; x < w; x++) {
                        double dx = x + 0.5 - cx;
                        double t = Math.sqrt(dx * dx + dy2) * inv;
                        int t16 = t >= 1 ? 65536 : (int) (t * 65536 + 0.5);
                        buf.putInt(row + x * 4, Pixels.lerp(ca, cb, t16));
                    }
                }
            });
            return;
        }
        long[] a = linear(ctx.number("angle"), cx, cy, w, h);
        long ax = a[0];
        long ay = a[1];
        long a0 = a[2];
        Parallel.rows(w, h, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                long t = a0 + ay * y;
                int row = y * w * 4;
                for (int x = 0; x < w; x++, t += ax) {
                    long t16 = (t + 32768) >> 16;
                    int tt = t16 <= 0 ? 0 : t16 >= 65536 ? 65536 : (int) t16;
                    buf.putInt(row + x * 4, Pixels.lerp(ca, cb, tt));
                }
            }
        });
    }

    /**
     * The linear gradient's position t(x, y) = 0.5 + ((x + 0.5 - cx) * ux + (y + 0.5 - cy) * uy) / span as 32.32
     * fixed-point coefficients {ax, ay, a0}: t = a0 + ax x + ay y. Also used by the GPU twin.
     */
    public static long[] linear(double angle, double cx, double cy, int w, int h) {
        double rad = Math.toRadians(angle);
        double ux = Math.cos(rad);
        double uy = Math.sin(rad);
        double span = Math.abs(ux) * w + Math.abs(uy) * h; // length of the frame projected on the direction
        double s = 4294967296.0 / span;
        return new long[] {Math.round(ux * s), Math.round(uy * s),
            Math.round((0.5 + ((0.5 - cx) * ux + (0.5 - cy) * uy) / span) * 4294967296.0)};
    }
}
