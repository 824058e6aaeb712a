package org.lumaflow.engine.vulkan.internal.nodes;


import org.lumaflow.engine.internal.nodes.ImageNode;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.image} on the GPU: the file is decoded and fitted by the CPU node's own code ({@link ImageNode#prepare})
 * only when the file, size or parameters change; the fitted picture is uploaded once into a device frame kept in
 * the state and handed out as the output with no copy on every frame after that.
 */
final class ImageGpu implements GpuNode {

    private static final int BLACK = 0xFF000000;

    /** The CPU-side state and the device frame holding its fitted pixels. */
    private static final class State extends UploadedFrame {
        ImageNode.State image;
        ImageNode.Fitted uploaded;
    }

    @Override
    public void record(GpuNodeContext c) {
        State st = c.state() instanceof State s ? s : new State();
        if (st != c.state()) {
            c.setState(st);
        }
        st.image = ImageNode.prepare(c.params(), st.image);
        ImageNode.Fitted fitted = st.image.fitted();
        if (fitted == null) {
            int pixels = c.width() * c.height();
            c.push().putInt(0, pixels).putInt(4, BLACK);
            c.bind(c.output()).dispatch(c.kernel("solid", 1), GpuNodeContext.groups(pixels, 64), 1);
            return;
        }
        if (fitted != st.uploaded) {
            st.drop(c);
            st.frame = c.upload(fitted.pixels(), fitted.width(), fitted.height());
            st.uploaded = fitted;
        }
        c.adopt(st.frame);
    }
}
