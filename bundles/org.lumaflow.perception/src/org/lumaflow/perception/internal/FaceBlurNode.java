package org.lumaflow.perception.internal;

import java.util.List;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.perception.FaceAnalyzer;
import org.lumaflow.perception.FaceBox;
import org.lumaflow.perception.FaceTrack;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code perception.face_blur}: blurs or pixelates the faces of its input inside feathered ellipses, with the boxes of
 * the {@code source} media file at the node's (source) time.
 */
@Component(service = NodeType.class)
public final class FaceBlurNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("perception.face_blur", "Face blur", "Perception",
            "Blurs or pixelates every face found in the source media file (analysed once, cached), inside "
                    + "feathered ellipses that follow the faces.",
            List.of(PortSpec.image("input", "The clip's picture (its file is the source parameter)")),
            PortType.IMAGE,
            List.of(NodeFaces.SOURCE,
                    ParamSpec.choice("mode", "blur: soft; pixelate: square blocks", "blur", "pixelate"),
                    ParamSpec.number("strength", 0.5, 0, 1, "",
                            "Blur radius or block size as a fraction of the face width (x 0.5)"),
                    ParamSpec.number("feather", 0.3, 0, 1, "",
                            "Soft edge, as a fraction of the ellipse's radius"),
                    ParamSpec.number("expand", 0.25, -0.4, 2, "",
                            "Grow each face box by this fraction of its size on every side"),
                    NodeFaces.WAIT));

    @Reference
    private FaceAnalyzer analyzer;

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) throws Exception {
        FaceTrack track = NodeFaces.track(ctx, analyzer);
        List<FaceBox> faces = track == null ? List.of() : track.facesAt(ctx.time());
        double strength = ctx.number("strength");
        if (faces.isEmpty() || strength <= 0) {
            ctx.passThrough(0);
            return;
        }
        int w = ctx.width();
        int h = ctx.height();
        ctx.output().copyFrom(ctx.input(0));
        boolean pixelate = "pixelate".equals(ctx.choice("mode"));
        for (FaceBox f : faces) {
            FaceBox b = f.expand(ctx.number("expand"));
            int size = (int) Math.max(pixelate ? 2 : 1, Math.round(strength * 0.5 * f.w() * w));
            Obscure.apply(ctx.input(0).buffer(), ctx.output().buffer(), w, h, b.x() * w, b.y() * h,
                    (b.x() + b.w()) * w, (b.y() + b.h()) * h, pixelate, size, ctx.number("feather"));
        }
    }
}
