package org.lumaflow.engine.vulkan.internal.nodes;

import org.lumaflow.engine.internal.nodes.TitleNode;
import org.lumaflow.engine.internal.nodes.TitleRaster;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.title} on the GPU: a documented CPU path uploaded as a texture. The block is rasterized by the CPU node's
 * own code ({@link TitleNode#place}: Java2D, once per distinct style) and uploaded once per raster into a device frame
 * kept in the node's state; each frame {@code shaders/title.comp} writes the clipped box with the preset's opacity and
 * transparency elsewhere, so fades and slides never touch the raster or the bus.
 */
final class TitleGpu implements GpuNode {

    /** Per node instance: the raster cache, and the raster uploaded into {@link UploadedFrame#frame}. */
    private static final class State extends UploadedFrame {
        final TitleNode.Cache cache = new TitleNode.Cache();
        TitleRaster uploaded;
    }

    @Override
    public void record(GpuNodeContext c) {
        State st = c.state() instanceof State s ? s : new State();
        if (st != c.state()) {
            c.setState(st);
        }
        TitleNode.Placement pl = TitleNode.place(c.params(), st.cache);
        if (pl.raster() != st.uploaded) {
            st.drop(c);
            st.uploaded = pl.raster();
        }
        int w = c.width();
        int hh = c.height();
        TitleRaster r = pl.raster();
        int x0 = Math.max(0, pl.left());
        int x1 = Math.min(w, pl.left() + r.width());
        int y0 = Math.max(0, pl.top());
        int y1 = Math.min(hh, pl.top() + r.height());
        if (pl.empty() || x0 >= x1 || y0 >= y1) {
            c.clear();
            return;
        }
        if (st.frame == null) {
            st.frame = c.upload(r.pixels(), r.width(), r.height());
        }
        c.push().putInt(0, w).putInt(4, hh).putInt(8, pl.left()).putInt(12, pl.top()).putInt(16, r.width())
                .putInt(20, x0).putInt(24, x1).putInt(28, y0).putInt(32, y1).putInt(36, pl.opacity());
        c.bind(st.frame).bind(c.output()).dispatch(c.kernel("title", 2), GpuNodeContext.groups(w, 8),
                GpuNodeContext.groups(hh, 8));
    }
}
