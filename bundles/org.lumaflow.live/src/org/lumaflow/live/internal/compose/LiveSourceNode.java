package org.lumaflow.live.internal.compose;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/**
 * {@code live.source}: the newest picture of video source {@code slot} of a running live session (the picture the
 * session's process stage took from the source's triple buffer for this tick). A picture of the render size is
 * passed on without a copy; another size is fitted (bilinear). Before the first picture, or when the session is not
 * running, the node renders its background colour.
 */
@Component(service = NodeType.class)
public final class LiveSourceNode implements NodeType {

    /** The node type id. */
    public static final String TYPE = "live.source";

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor(TYPE, "Live source", "Source",
            "The newest picture of one capture source of a running live session (screen, camera, network stream, "
                    + "test pattern), fitted to the frame.",
            List.of(), PortType.IMAGE,
            List.of(ParamSpec.string("session", "", "Live session id (set by the session that builds the graph)"),
                    ParamSpec.integer("slot", 0, 0, 15, "", "Video source index in the session (0 = first)"),
                    ParamSpec.choice("fit", "fit: whole picture, letterboxed; fill: cover the frame, cropped; "
                            + "stretch: to the frame size", "fit", "fill", "stretch"),
                    ParamSpec.color("background", Color.BLACK, "Colour of the letterbox bars and of the frame "
                            + "before the first picture")));

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        int w = ctx.width();
        int h = ctx.height();
        Frame out = ctx.output();
        int bg = ctx.color("background").packed();
        LiveSlots.Slot slot = LiveSlots.slot(ctx.string("session"), ctx.integer("slot"));
        Frame src = slot == null ? null : slot.frame();
        if (src == null || src.format() != PixelFormat.RGBA8) {
            PlaneScaler.fill(out.buffer(), w, 0, h, bg);
            if (src != null) {
                ctx.warn("live source " + ctx.integer("slot") + " delivers " + src.format() + ", not RGBA8");
            }
            return;
        }
        int sw = src.width();
        int sh = src.height();
        if (sw == w && sh == h) {
            ctx.adopt(src.retain()); // the captured picture itself, no copy
            return;
        }
        String fit = ctx.choice("fit");
        double sx = (double) w / sw;
        double sy = (double) h / sh;
        int dx = 0;
        int dy = 0;
        int dw = w;
        int dh = h;
        ByteBuffer in = src.buffer();
        int srcOff = 0;
        int cw = sw;
        int ch = sh;
        if ("fit".equals(fit)) {
            double s = Math.min(sx, sy);
            dw = Math.max(1, Math.min(w, (int) Math.round(sw * s)));
            dh = Math.max(1, Math.min(h, (int) Math.round(sh * s)));
            dx = (w - dw) / 2;
            dy = (h - dh) / 2;
        } else if ("fill".equals(fit)) {
            double s = Math.max(sx, sy);
            cw = Math.max(1, Math.min(sw, (int) Math.round(w / s)));
            ch = Math.max(1, Math.min(sh, (int) Math.round(h / s)));
            srcOff = ((sh - ch) / 2 * sw + (sw - cw) / 2) * 4;
        }
        ByteBuffer px = out.buffer();
        if (dy > 0) {
            PlaneScaler.fill(px, w, 0, dy, bg);
            PlaneScaler.fill(px, w, dy + dh, h, bg);
        }
        if (dx > 0) {
            for (int y = dy; y < dy + dh; y++) {
                for (int x = 0; x < dx; x++) {
                    px.putInt((y * w + x) * 4, bg);
                }
                for (int x = dx + dw; x < w; x++) {
                    px.putInt((y * w + x) * 4, bg);
                }
            }
        }
        PlaneScaler scaler = ctx.state() instanceof PlaneScaler p ? p : null;
        if (scaler == null) {
            scaler = new PlaneScaler();
            ctx.setState(scaler);
        }
        scaler.scale(in, srcOff, cw, ch, sw * 4, px, 0, w * 4, dx, dy, dw, dh, 4);
    }
}
