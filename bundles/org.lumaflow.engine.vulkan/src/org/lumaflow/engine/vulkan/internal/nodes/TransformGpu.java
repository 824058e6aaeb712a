package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.internal.nodes.TransformNode;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.transform} on the GPU ({@code shaders/transform.comp}): the CPU node's 32.32 fixed-point inverse
 * mapping, computed by its own code ({@link TransformNode#mapping}), and its alpha-weighted bilinear sample in
 * integers.
 */
final class TransformGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        GpuFrame src = c.input(0);
        if (src == null) {
            c.clear();
            return;
        }
        int w = c.width();
        int h = c.height();
        int sw = src.key().width();
        if (src.key().format() != PixelFormat.RGBA8) {
            throw new IllegalArgumentException("input 'source' is " + src.key() + ", expected RGBA8");
        }
        TransformNode.Mapping m = TransformNode.mapping(c.params(), sw, src.key().height());
        if (m == TransformNode.Mapping.IDENTITY) {
            c.passThrough(0);
            return;
        }
        if (m == null) {
            c.clear();
            return;
        }
        ByteBuffer p = c.push();
        p.putInt(0, w).putInt(4, h).putInt(8, sw).putInt(12, m.cx0()).putInt(16, m.cy0()).putInt(20, m.cx1())
                .putInt(24, m.cy1());
        put64(p, 32, m.ux());
        put64(p, 40, m.uy());
        put64(p, 48, m.u0());
        put64(p, 56, m.vx());
        put64(p, 64, m.vy());
        put64(p, 72, m.v0());
        c.bind(src).bind(c.output()).dispatch(c.kernel("transform", 2), GpuNodeContext.groups(w, 8),
                GpuNodeContext.groups(h, 8));
    }

    /** A long as the shader's uvec2(lo, hi). */
    private static void put64(ByteBuffer p, int at, long v) {
        p.putInt(at, (int) v).putInt(at + 4, (int) (v >>> 32));
    }
}
