package org.lumaflow.perception.internal;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.perception.FaceAnalyzer;
import org.lumaflow.perception.FaceTrack;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code perception.reframe}: auto-reframe. A crop of the chosen aspect ratio (of the source picture's shape) follows
 * the faces of the {@code source} media file with smoothing, and is scaled to fill the whole output frame (bilinear).
 * Render at the target shape (e.g. 1080x1920 for 9:16) with the clip's {@code fit} = {@code stretch}; at another
 * shape the crop is stretched to fill it.
 */
@Component(service = NodeType.class)
public final class ReframeNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("perception.reframe", "Auto reframe", "Perception",
            "Crops to 9:16, 1:1 or 4:5 following the faces of the source media file (smoothly, never across a "
                    + "scene cut) and scales the crop to fill the frame.",
            List.of(PortSpec.image("input", "The clip's picture, the whole source picture (fit = stretch)")),
            PortType.IMAGE,
            List.of(NodeFaces.SOURCE, ParamSpec.choice("aspect", "Crop shape, width:height", "9:16", "1:1", "4:5"),
                    ParamSpec.number("smoothing", 0.5, 0, 5, "s",
                            "How slowly the crop follows (Gaussian time window, seconds; 0 = locked on)"),
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
        int w = ctx.width();
        int h = ctx.height();
        double srcAspect = track != null ? track.width() / (double) track.height() : w / (double) h;
        String[] ratio = ctx.choice("aspect").split(":");
        double aspect = Double.parseDouble(ratio[0]) / Double.parseDouble(ratio[1]);
        double cw = Math.min(1, aspect / srcAspect); // crop size, normalized
        double ch = Math.min(1, srcAspect / aspect);
        double[] c = track == null ? null : FramingPath.center(track, ctx.time(), ctx.number("smoothing"));
        double cx = c == null ? 0.5 : c[0];
        double cy = c == null ? 0.5 : c[1];
        double left = Math.max(0, Math.min(1 - cw, cx - cw / 2)) * w;
        double top = Math.max(0, Math.min(1 - ch, cy - ch / 2)) * h;
        double sx = cw; // input pixels per output pixel (input and output have the same size)
        double sy = ch;
        ByteBuffer in = ctx.input(0).buffer();
        ByteBuffer out = ctx.output().buffer();
        Parallel.rows(w, h, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                double fy = Math.max(0, Math.min(h - 1, top + (y + 0.5) * sy - 0.5));
                int iy = Math.min(h - 2, (int) fy);
                int wy = (int) Math.round((fy - iy) * 256);
                if (h == 1) {
                    iy = 0;
                    wy = 0;
                }
                for (int x = 0; x < w; x++) {
                    double fx = Math.max(0, Math.min(w - 1, left + (x + 0.5) * sx - 0.5));
                    int ix = Math.min(Math.max(0, w - 2), (int) fx);
                    int wx = w == 1 ? 0 : (int) Math.round((fx - ix) * 256);
                    int p00 = (iy * w + ix) * 4;
                    int p01 = w == 1 ? p00 : p00 + 4;
                    int p10 = h == 1 ? p00 : p00 + w * 4;
                    int p11 = w == 1 ? p10 : p10 + 4;
                    int o = (y * w + x) * 4;
                    for (int k = 0; k < 4; k++) {
                        int top0 = (in.get(p00 + k) & 0xFF) * (256 - wx) + (in.get(p01 + k) & 0xFF) * wx;
                        int bot0 = (in.get(p10 + k) & 0xFF) * (256 - wx) + (in.get(p11 + k) & 0xFF) * wx;
                        out.put(o + k, (byte) ((top0 * (256 - wy) + bot0 * wy + 32768) >> 16));
                    }
                }
            }
        });
    }
}
