package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/**
 * {@code core.gaussian_blur}: Gaussian blur of premultiplied RGBA with clamped edges, by {@link GaussianBlur}: a
 * recursive filter whose cost does not depend on sigma (a short direct kernel below sigma
 * {@value GaussianBlur#MIN_SIGMA}).
 */
@Component(service = NodeType.class)
public final class GaussianBlurNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.gaussian_blur", "Gaussian Blur", "Blur",
            "A true Gaussian blur of all four channels (colour weighted by alpha). Edges repeat the border "
                    + "pixels. Within one code value of the exact Gaussian at any radius; the cost does not grow "
                    + "with the radius.",
            List.of(PortSpec.image("source", "Image to blur")), PortType.IMAGE,
            List.of(ParamSpec.number("radius", 4, 0, 250, "px", "Standard deviation (sigma) of the Gaussian")))
            .traits(NodeKind.NEIGHBOURHOOD, false);

    /** The filter and its scratch key for the current size; the filter keeps its coefficients per sigma. */
    private static final class State {
        final GaussianBlur blur = new GaussianBlur();
        FrameKey scratch;
    }

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        double sigma = ctx.number("radius") * ctx.scale();
        if (!(sigma >= 0.01)) {
            ctx.passThrough(0);
            return;
        }
        int w = ctx.width();
        int h = ctx.height();
        State st = ctx.state() instanceof State s ? s : new State();
        if (st != ctx.state()) {
            ctx.setState(st);
        }
        int rows = (int) (GaussianBlur.scratchBytes(w, h) / (8L * w));
        if (st.scratch == null || st.scratch.width() != 2 * w || st.scratch.height() != rows) {
            // the 16-bit intermediate: 8 bytes per pixel
            st.scratch = new FrameKey(2 * w, rows, PixelFormat.RGBA8, Usage.SCRATCH);
        }
        ByteBuffer in = Pixels.image(ctx, 0, "source").buffer();
        st.blur.blur(in, ctx.scratch(st.scratch).buffer(), ctx.output().buffer(), w, h, sigma);
    }
}
