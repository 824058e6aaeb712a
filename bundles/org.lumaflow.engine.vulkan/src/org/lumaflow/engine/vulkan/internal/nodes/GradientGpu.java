package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.internal.nodes.GradientNode;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.gradient} on the GPU ({@code shaders/gradient.comp}): the linear gradient's 32.32 fixed-point
 * coefficients are computed by the CPU node's own code ({@link GradientNode#linear}) and evaluated in 64-bit
 * integer arithmetic on the GPU; the radial gradient is evaluated in float.
 */
final class GradientGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        NodeContext p = c.params();
        int w = c.width();
        int h = c.height();
        boolean radial = "radial".equals(p.choice("kind"));
        Point2 ctr = p.point("center");
        double cx = ctr.x() * w;
        double cy = ctr.y() * h;
        ByteBuffer push = c.push().putInt(0, w).putInt(4, h).putInt(8, radial ? 1 : 0)
                .putInt(12, p.color("color_a").packed()).putInt(16, p.color("color_b").packed());
        if (radial) {
            double inv = 2 / Math.sqrt((double) w * w + (double) h * h);
            push.putFloat(44, (float) cx).putFloat(48, (float) cy).putFloat(52, (float) inv);
        } else {
            long[] a = GradientNode.linear(p.number("angle"), cx, cy, w, h);
            long ax = a[0];
            long ay = a[1];
            long a0 = a[2];
            push.putInt(20, (int) a0).putInt(24, (int) (a0 >>> 32)).putInt(28, (int) ay).putInt(32, (int) (ay >>> 32))
                    .putInt(36, (int) ax).putInt(40, (int) (ax >>> 32));
        }
        c.bind(c.output()).dispatch(c.kernel("gradient", 1), GpuNodeContext.groups(w, 8),
                GpuNodeContext.groups(h, 8));
    }
}
