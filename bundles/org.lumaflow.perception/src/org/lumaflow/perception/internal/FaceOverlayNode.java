package org.lumaflow.perception.internal;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.engine.graph.Color;
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
 * {@code perception.face_overlay}: draws the face boxes of the {@code source} media file over its input (debugging),
 * each box's top edge as long as the box times the confidence drawn thicker.
 */
@Component(service = NodeType.class)
public final class FaceOverlayNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("perception.face_overlay", "Face boxes", "Perception",
            "Draws the face boxes found in the source media file over the picture (to check the analysis); a "
                    + "thicker bar along each top edge shows the confidence.",
            List.of(PortSpec.image("input", "The clip's picture (its file is the source parameter)")),
            PortType.IMAGE,
            List.of(NodeFaces.SOURCE, ParamSpec.color("color", new Color(0.2, 1, 0.3, 1), "Box colour"),
                    ParamSpec.number("thickness", 2, 1, 20, "px", "Line width"), NodeFaces.WAIT));

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
        if (faces.isEmpty()) {
            ctx.passThrough(0);
            return;
        }
        int w = ctx.width();
        int h = ctx.height();
        ctx.output().copyFrom(ctx.input(0));
        ByteBuffer out = ctx.output().buffer();
        Color c = ctx.color("color");
        int rgba = (int) Math.round(c.r() * 255) | (int) Math.round(c.g() * 255) << 8
                | (int) Math.round(c.b() * 255) << 16 | (int) Math.round(c.a() * 255) << 24;
        int t = (int) Math.max(1, Math.round(ctx.number("thickness") * ctx.scale()));
        for (FaceBox f : faces) {
            int x0 = (int) Math.round(f.x() * w);
            int y0 = (int) Math.round(f.y() * h);
            int x1 = (int) Math.round((f.x() + f.w()) * w);
            int y1 = (int) Math.round((f.y() + f.h()) * h);
            fill(out, w, h, x0, y0, x1, y0 + t, rgba);
            fill(out, w, h, x0, y1 - t, x1, y1, rgba);
            fill(out, w, h, x0, y0, x0 + t, y1, rgba);
            fill(out, w, h, x1 - t, y0, x1, y1, rgba);
            fill(out, w, h, x0, y0 - 2 * t, x0 + (int) Math.round((x1 - x0) * f.confidence()), y0, rgba);
        }
    }

    private static void fill(ByteBuffer px, int w, int h, int x0, int y0, int x1, int y1, int rgba) {
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(w, x1);
        y1 = Math.min(h, y1);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                px.putInt((y * w + x) * 4, rgba);
            }
        }
    }
}
