package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.transform} on the GPU ({@code shaders/transform.comp}): the CPU node's 32.32 fixed-point inverse
 * mapping, computed here exactly as the CPU computes it, and its alpha-weighted bilinear sample in integers.
 */
final class TransformGpu implements GpuNode {

    private static final double MIN_SCALE = 1e-3;

    @Override
    public void record(GpuNodeContext c) {
        GpuFrame src = c.input(0);
        if (src == null) {
            c.clear();
            return;
        }
        NodeContext ctx = c.params();
        int w = c.width();
        int h = c.height();
        double s = ctx.number("scale");
        double sx = s * ctx.number("scale_x");
        double sy = s * ctx.number("scale_y");
        Point2 pos = ctx.point("position");
        Point2 anchor = ctx.point("anchor");
        double deg = ctx.number("rotation");
        int sw = src.key().width();
        int sh = src.key().height();
        if (src.key().format() != PixelFormat.RGBA8) {
            throw new IllegalArgumentException("input 'source' is " + src.key() + ", expected RGBA8");
        }
        int cx0 = (int) Math.round(clamp(ctx.number("crop_left")) * sw);
        int cx1 = sw - (int) Math.round(clamp(ctx.number("crop_right")) * sw);
        int cy0 = (int) Math.round(clamp(ctx.number("crop_top")) * sh);
        int cy1 = sh - (int) Math.round(clamp(ctx.number("crop_bottom")) * sh);
        double px = pos.x() * w;
        double py = pos.y() * h;
        double ax = anchor.x() * sw;
        double ay = anchor.y() * sh;
        boolean noRotation = deg % 360 == 0;
        if (sx == 1 && sy == 1 && noRotation && sw == w && sh == h && cx0 == 0 && cy0 == 0 && cx1 == sw
                && cy1 == sh && Math.abs(px - ax) < 1e-9 && Math.abs(py - ay) < 1e-9) {
            c.passThrough(0);
            return;
        }
        if (Math.abs(sx) < MIN_SCALE || Math.abs(sy) < MIN_SCALE || cx1 <= cx0 || cy1 <= cy0) {
            c.clear();
            return;
        }
        double rad = Math.toRadians(deg);
        double cos = noRotation ? 1 : StrictMath.cos(rad);
        double sin = noRotation ? 0 : StrictMath.sin(rad);
        double f = 4294967296.0;
        long ux = Math.round(cos / sx * f);
        long uy = Math.round(sin / sx * f);
        long u0 = Math.round((ax - 0.5 + (cos * (0.5 - px) + sin * (0.5 - py)) / sx) * f);
        long vx = Math.round(-sin / sy * f);
        long vy = Math.round(cos / sy * f);
        long v0 = Math.round((ay - 0.5 + (-sin * (0.5 - px) + cos * (0.5 - py)) / sy) * f);
        ByteBuffer p = c.push();
        p.putInt(0, w).putInt(4, h).putInt(8, sw).putInt(12, cx0).putInt(16, cy0).putInt(20, cx1).putInt(24, cy1);
        put64(p, 32, ux);
        put64(p, 40, uy);
        put64(p, 48, u0);
        put64(p, 56, vx);
        put64(p, 64, vy);
        put64(p, 72, v0);
        c.bind(src).bind(c.output()).dispatch(c.kernel("transform", 2), GpuNodeContext.groups(w, 8),
                GpuNodeContext.groups(h, 8));
    }

    /** A long as the shader's uvec2(lo, hi). */
    private static void put64(ByteBuffer p, int at, long v) {
        p.putInt(at, (int) v).putInt(at + 4, (int) (v >>> 32));
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
