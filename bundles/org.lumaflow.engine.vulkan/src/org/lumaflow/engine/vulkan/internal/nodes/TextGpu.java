package org.lumaflow.engine.vulkan.internal.nodes;


import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.internal.nodes.TextNode;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.text} on the GPU: the block is rasterized by the CPU node's own code ({@link TextNode#block}) only
 * when the text parameters change, uploaded once through a staging frame into a device frame kept in the node's
 * state, and composited per frame ({@code shaders/text.comp}) with the CPU's opacity scaling and
 * {@code Pixels.over}; opacity and position animate without touching the raster.
 */
final class TextGpu implements GpuNode {

    /** Per node instance: the current block and its device frame (null until uploaded). */
    private static final class State extends UploadedFrame {
        TextNode.Block block;
    }

    @Override
    public void record(GpuNodeContext c) {
        NodeContext ctx = c.params();
        if (TextNode.fontError() != null) {
            c.warn(TextNode.fontError());
        }
        State st = c.state() instanceof State s ? s : new State();
        if (st != c.state()) {
            c.setState(st);
        }
        TextNode.Block block = TextNode.block(ctx, st.block);
        if (block != st.block) {
            st.drop(c);
            st.block = block;
        }
        TextNode.Block b = st.block;
        int opacity = (int) Math.round(Math.min(1, Math.max(0, ctx.number("opacity"))) * 256);
        GpuFrame bg = c.input(0);
        int w = c.width();
        int h = c.height();
        if (bg != null) {
            c.checkImage(bg, "background");
        }
        boolean visible = b.pixels() != null && opacity != 0;
        int left = 0;
        int top = 0;
        int x0 = 0;
        int x1 = 0;
        int y0 = 0;
        int y1 = 0;
        if (visible) {
            Point2 pos = ctx.point("position");
            left = (int) Math.floor(pos.x() * w - b.centerX() + 0.5);
            top = (int) Math.floor(pos.y() * h - b.centerY() + 0.5);
            x0 = Math.max(0, left);
            x1 = Math.min(w, left + b.width());
            y0 = Math.max(0, top);
            y1 = Math.min(h, top + b.height());
            visible = x0 < x1 && y0 < y1;
        }
        if (!visible) {
            if (bg != null) {
                c.passThrough(0);
            } else {
                c.clear();
            }
            return;
        }
        if (st.frame == null) {
            st.frame = c.upload(b.pixels(), b.width(), b.height());
        }
        c.push().putInt(0, w).putInt(4, h).putInt(8, bg != null ? 1 : 0).putInt(12, left).putInt(16, top)
                .putInt(20, b.width()).putInt(24, x0).putInt(28, x1).putInt(32, y0).putInt(36, y1)
                .putInt(40, opacity);
        c.bind(bg != null ? bg : c.output()).bind(st.frame).bind(c.output()).dispatch(c.kernel("text", 3),
                GpuNodeContext.groups(w, 8), GpuNodeContext.groups(h, 8));
    }
}
