package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/** {@code core.transform}: scale, rotate, move and crop an image (inverse mapping, bilinear, fixed point). */
@Component(service = NodeType.class)
public final class TransformNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.transform", "Transform", "Transform",
            "Scales and rotates the image about its anchor and places the anchor at the position. Areas outside "
                    + "the (cropped) source are transparent.",
            List.of(PortSpec.image("source", "Image to transform")), PortType.IMAGE,
            List.of(ParamSpec.number("scale", 1, 0.01, 100, "", "Uniform scale factor"),
                    ParamSpec.number("scale_x", 1, -100, 100, "", "Horizontal scale multiplier (negative flips)"),
                    ParamSpec.number("scale_y", 1, -100, 100, "", "Vertical scale multiplier (negative flips)"),
                    ParamSpec.point("position", Point2.CENTER, "Where the anchor lands in the frame"),
                    ParamSpec.number("rotation", 0, -3600, 3600, "deg", "Rotation about the anchor, clockwise"),
                    ParamSpec.point("anchor", Point2.CENTER,
                            "Pivot of rotation and scale, in source coordinates (0.5, 0.5 = centre)"),
                    ParamSpec.number("crop_left", 0, 0, 1, "", "Fraction of the source width cut at the left"),
                    ParamSpec.number("crop_right", 0, 0, 1, "", "Fraction of the source width cut at the right"),
                    ParamSpec.number("crop_top", 0, 0, 1, "", "Fraction of the source height cut at the top"),
                    ParamSpec.number("crop_bottom", 0, 0, 1, "",
                            "Fraction of the source height cut at the bottom")))
            .traits(NodeKind.NEIGHBOURHOOD, false);

    /** Smallest |scale| rendered; below it the image is invisible (and fixed point would overflow). */
    private static final double MIN_SCALE = 1e-3;

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        Frame src = ctx.input(0);
        if (src == null) {
            ctx.output().clear();
            return;
        }
        int w = ctx.width();
        int h = ctx.height();
        int sw = src.width();
        int sh = src.height();
        Pixels.checkFrame(src, sw, sh, PixelFormat.RGBA8, "source");
        Mapping m = mapping(ctx, sw, sh);
        if (m == Mapping.IDENTITY) {
            ctx.passThrough(0);
            return;
        }
        ByteBuffer out = ctx.output().buffer();
        if (m == null) {
            ctx.output().clear();
            return;
        }
        int cx0 = m.cx0();
        int cy0 = m.cy0();
        int cx1 = m.cx1();
        int cy1 = m.cy1();
        long ux = m.ux();
        long uy = m.uy();
        long u0 = m.u0();
        long vx = m.vx();
        long vy = m.vy();
        long v0 = m.v0();
        ByteBuffer in = src.buffer();
        int stride = sw * 4;
        Parallel.rows(w, h, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                long u = u0 + uy * y;
                long v = v0 + vy * y;
                int row = y * w * 4;
                for (int x = 0; x < w; x++, u += ux, v += vx) {
                    out.putInt(row + x * 4, Pixels.sample(in, stride, cx0, cy0, cx1, cy1, u >> 24, v >> 24, false));
                }
            }
        });
    }

    /**
     * The crop window (source pixels [cx0, cx1) x [cy0, cy1)) and the inverse mapping in 32.32 fixed point: output
     * pixel (x, y) samples the source at (u0 + ux x + uy y, v0 + vx x + vy y). Also used by the GPU twin.
     */
    public record Mapping(int cx0, int cy0, int cx1, int cy1, long ux, long uy, long u0, long vx, long vy, long v0) {

        /** Returned when the output is the source unchanged. */
        public static final Mapping IDENTITY = new Mapping(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * The mapping of the node's parameters for a {@code sw x sh} source: {@link Mapping#IDENTITY} to pass the source
     * through, null when nothing is visible. Also used by the GPU twin.
     */
    public static Mapping mapping(NodeContext ctx, int sw, int sh) {
        int w = ctx.width();
        int h = ctx.height();
        double s = ctx.number("scale");
        double sx = s * ctx.number("scale_x");
        double sy = s * ctx.number("scale_y");
        Point2 pos = ctx.point("position");
        Point2 anchor = ctx.point("anchor");
        double deg = ctx.number("rotation");
        int cx0 = (int) Math.round(Pixels.clamp(ctx.number("crop_left"), 0, 1) * sw);
        int cx1 = sw - (int) Math.round(Pixels.clamp(ctx.number("crop_right"), 0, 1) * sw);
        int cy0 = (int) Math.round(Pixels.clamp(ctx.number("crop_top"), 0, 1) * sh);
        int cy1 = sh - (int) Math.round(Pixels.clamp(ctx.number("crop_bottom"), 0, 1) * sh);
        double px = pos.x() * w;
        double py = pos.y() * h;
        double ax = anchor.x() * sw;
        double ay = anchor.y() * sh;
        boolean noRotation = deg % 360 == 0;
        if (sx == 1 && sy == 1 && noRotation && sw == w && sh == h && cx0 == 0 && cy0 == 0 && cx1 == sw
                && cy1 == sh && Math.abs(px - ax) < 1e-9 && Math.abs(py - ay) < 1e-9) {
            return Mapping.IDENTITY;
        }
        if (Math.abs(sx) < MIN_SCALE || Math.abs(sy) < MIN_SCALE || cx1 <= cx0 || cy1 <= cy0) {
            return null;
        }
        double rad = Math.toRadians(deg);
        double cos = noRotation ? 1 : StrictMath.cos(rad);
        double sin = noRotation ? 0 : StrictMath.sin(rad);
        // inverse mapping: src = anchor + S^-1 R^-1 (dst - position), pixel centres at +0.5; in 32.32 fixed point
        double f = 4294967296.0;
        return new Mapping(cx0, cy0, cx1, cy1, Math.round(cos / sx * f), Math.round(sin / sx * f),
                Math.round((ax - 0.5 + (cos * (0.5 - px) + sin * (0.5 - py)) / sx) * f), Math.round(-sin / sy * f),
                Math.round(cos / sy * f), Math.round((ay - 0.5 + (-sin * (0.5 - px) + cos * (0.5 - py)) / sy) * f));
    }
}
