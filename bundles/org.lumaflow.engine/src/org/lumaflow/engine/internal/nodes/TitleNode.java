package org.lumaflow.engine.internal.nodes;

import java.awt.Font;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PixelFunction;
import org.lumaflow.engine.graph.PixelNode;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.internal.nodes.TitleRaster.Fonts;
import org.lumaflow.engine.internal.nodes.TitleRaster.TitleStyle;
import org.osgi.service.component.annotations.Component;

/**
 * {@code core.title}: a title clip's source. The block (system font, outline, blurred shadow, rounded box) is
 * rasterized once per distinct style by {@link TitleRaster} and kept in the node's state; each frame only places it
 * (alignment, margins, the animation preset's offset and opacity at clip time) and copies its bounding box. A
 * position-only generator ({@link PixelNode}), so on a timeline it is fused into the pass that composites the track.
 * Time-varying (the presets follow clip time), so the static cache does not keep its output; the raster cache does
 * the work instead.
 */
@Component(service = NodeType.class)
public final class TitleNode implements PixelNode {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.title", "Title", "Source",
            "A title clip: multi-line text in a system font with outline, soft shadow and a rounded background box, "
                    + "aligned in the frame with margins, on transparency. Animation presets (fade, slide up, "
                    + "typewriter) run over the first 'anim_in' seconds of the clip and, when 'duration' is set, the "
                    + "last 'anim_out' seconds.",
            List.of(), PortType.IMAGE, params()).traits(NodeKind.GENERATOR, true);

    private static List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>();
        p.add(ParamSpec.string("text", "Title", "The text; a newline starts a new line"));
        p.add(ParamSpec.string("font", Fonts.BUNDLED, "Font family installed on this machine (e.g. 'DejaVu Serif'); "
                + "empty or 'DejaVu Sans' = the bundled font; a missing family falls back to it with a warning"));
        p.add(ParamSpec.choice("style", "Font style", "plain", "bold", "italic", "bold_italic"));
        p.add(ParamSpec.number("size", 72, 1, 2000, "px", "Font size (em height)"));
        p.add(ParamSpec.number("line_spacing", 1, 0.5, 4, "", "Line height as a multiple of the font's"));
        p.add(ParamSpec.color("color", Color.WHITE, "Fill colour"));
        p.add(ParamSpec.number("opacity", 1, 0, 1, "", "Opacity of the whole title (times the preset's)"));
        p.add(ParamSpec.number("outline", 0, 0, 200, "px", "Outline width around the glyphs (0 = none)"));
        p.add(ParamSpec.color("outline_color", Color.BLACK, "Outline colour"));
        p.add(ParamSpec.bool("shadow", false, "Draw a drop shadow"));
        p.add(ParamSpec.number("shadow_x", 4, -500, 500, "px", "Shadow offset to the right"));
        p.add(ParamSpec.number("shadow_y", 4, -500, 500, "px", "Shadow offset downwards"));
        p.add(ParamSpec.number("shadow_blur", 3, 0, 100, "px", "Shadow softness (Gaussian sigma)"));
        p.add(ParamSpec.color("shadow_color", new Color(0, 0, 0, 0.6), "Shadow colour and opacity"));
        p.add(ParamSpec.bool("box", false, "Draw a background box behind the text"));
        p.add(ParamSpec.color("box_color", new Color(0, 0, 0, 0.6), "Box colour and opacity"));
        p.add(ParamSpec.number("box_padding", 16, 0, 1000, "px", "Space between the text and the box edge"));
        p.add(ParamSpec.number("box_radius", 8, 0, 1000, "px", "Corner radius of the box"));
        p.add(ParamSpec.choice("align", "Horizontal placement (and line alignment)", "center", "left", "right"));
        p.add(ParamSpec.choice("valign", "Vertical placement", "middle", "top", "bottom"));
        p.add(ParamSpec.number("margin_x", 64, 0, 10000, "px", "Distance from the left/right frame edge"));
        p.add(ParamSpec.number("margin_y", 64, 0, 10000, "px", "Distance from the top/bottom frame edge"));
        p.add(ParamSpec.choice("animation", "Animation preset, driven by clip time", "none", "fade", "slide_up",
                "typewriter"));
        p.add(ParamSpec.number("anim_in", 0.5, 0, 60, "s", "Length of the in-animation from the clip's start"));
        p.add(ParamSpec.number("anim_out", 0.5, 0, 60, "s", "Length of the out-animation before 'duration'"));
        p.add(ParamSpec.number("duration", 0, 0, 86400, "s",
                "Clip length the out-animation ends at (0 = no out-animation)"));
        return p;
    }

    /** The raster cache of one node instance (the CPU node's state; the GPU twin keeps its own). */
    public static final class Cache {
        TitleRaster raster;
    }

    private static Cache cache(NodeContext ctx) {
        if (ctx.state() instanceof Cache c) {
            return c;
        }
        Cache c = new Cache();
        ctx.setState(c);
        return c;
    }

    /** Where and how one frame draws the raster: top-left in the frame and opacity 0..256. */
    public record Placement(TitleRaster raster, int left, int top, int opacity) {

        /** Whether nothing is visible. */
        public boolean empty() {
            return raster.pixels() == null || opacity == 0;
        }
    }

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        Placement pl = place(ctx, cache(ctx));
        ctx.output().clear();
        if (pl.empty()) {
            return;
        }
        int w = ctx.width();
        int h = ctx.height();
        TitleRaster r = pl.raster();
        int x0 = Math.max(0, pl.left());
        int x1 = Math.min(w, pl.left() + r.width());
        IntBuffer out = ctx.output().buffer().asIntBuffer();
        int[] row = IntRows.get(0, w);
        for (int y = Math.max(0, pl.top()); y < Math.min(h, pl.top() + r.height()); y++) {
            if (x0 < x1) {
                copy(pl, y, x0, x1, row);
                out.put(y * w + x0, row, x0, x1 - x0);
            }
        }
    }

    @Override
    public PixelFunction prepare(NodeContext ctx) {
        Placement pl = place(ctx, cache(ctx));
        if (pl.empty()) {
            return (y, w, in, out) -> java.util.Arrays.fill(out, 0, w, 0);
        }
        TitleRaster r = pl.raster();
        return (y, w, in, out) -> {
            java.util.Arrays.fill(out, 0, w, 0);
            if (y >= pl.top() && y < pl.top() + r.height()) {
                int x0 = Math.max(0, pl.left());
                int x1 = Math.min(w, pl.left() + r.width());
                if (x0 < x1) {
                    copy(pl, y, x0, x1, out);
                }
            }
        };
    }

    /** Raster pixels of frame row {@code y}, columns [x0, x1), scaled by the opacity, into {@code out}. */
    static void copy(Placement pl, int y, int x0, int x1, int[] out) {
        TitleRaster r = pl.raster();
        int[] px = r.pixels();
        int src = (y - pl.top()) * r.width() - pl.left();
        int op = pl.opacity();
        for (int x = x0; x < x1; x++) {
            int p = px[src + x];
            if (op != 256) {
                int a = ((p >>> 24) * op + 128) >> 8;
                p = a == 0 ? 0 : (p & 0xFFFFFF) | (a << 24);
            }
            out[x] = p;
        }
    }

    /** This frame's raster (from {@code st} when the style is unchanged, else drawn and kept there) and placement. */
    public static Placement place(NodeContext ctx, Cache st) {
        double scale = ctx.scale();
        double t = ctx.seconds();
        String anim = ctx.choice("animation");
        double in = Math.max(0, ctx.number("anim_in"));
        double outLen = Math.max(0, ctx.number("anim_out"));
        double len = ctx.number("duration");
        double pIn = anim.equals("none") || in <= 0 ? 1 : Pixels.clamp(t / in, 0, 1);
        double pOut = anim.equals("none") || len <= 0 || outLen <= 0 ? 1 : Pixels.clamp((len - t) / outLen, 0, 1);
        String text = ctx.string("text") == null ? "" : ctx.string("text");
        int visible = -1;
        double fade = Math.min(pIn, pOut);
        if (anim.equals("typewriter")) {
            int n = text.replace("\n", "").length();
            visible = pIn >= 1 ? -1 : (int) Math.floor(pIn * n + 1e-9);
            fade = pOut;
        }
        String family = ctx.string("font");
        Font base = Fonts.find(family);
        if (base == null) {
            ctx.warn(Fonts.missing(family));
            base = Fonts.bundled();
        }
        int style = switch (ctx.choice("style")) {
            case "bold" -> Font.BOLD;
            case "italic" -> Font.ITALIC;
            case "bold_italic" -> Font.BOLD | Font.ITALIC;
            default -> Font.PLAIN;
        };
        TitleStyle ts = new TitleStyle(text, base.deriveFont(style), base.getFamily(Locale.ROOT),
                ctx.number("size") * scale, ctx.number("line_spacing"), ctx.color("color").packed(),
                Math.max(0, ctx.number("outline") * scale), ctx.color("outline_color").packed(), ctx.bool("shadow"),
                ctx.number("shadow_x") * scale, ctx.number("shadow_y") * scale,
                Math.max(0, ctx.number("shadow_blur") * scale), ctx.color("shadow_color").packed(), ctx.bool("box"),
                ctx.number("box_padding") * scale, ctx.number("box_radius") * scale, ctx.color("box_color").packed(),
                ctx.choice("align"), visible);
        if (st.raster == null || !st.raster.style().equals(ts)) {
            st.raster = TitleRaster.rasterize(ts);
        }
        TitleRaster r = st.raster;
        int w = ctx.width();
        int h = ctx.height();
        double mx = ctx.number("margin_x") * scale;
        double my = ctx.number("margin_y") * scale;
        double vx = switch (ctx.choice("align")) {
            case "left" -> mx;
            case "right" -> w - mx - r.vw();
            default -> (w - r.vw()) / 2;
        };
        double vy = switch (ctx.choice("valign")) {
            case "top" -> my;
            case "bottom" -> h - my - r.vh();
            default -> (h - r.vh()) / 2;
        };
        if (anim.equals("slide_up")) {
            double dist = 0.1 * h;
            vy += dist * (1 - easeOut(pIn)) - dist * (1 - easeOut(pOut));
        }
        int bx = (int) Math.floor(vx - r.vx0() + 0.5);
        int by = (int) Math.floor(vy - r.vy0() + 0.5);
        int op = (int) Math.round(Pixels.clamp(ctx.number("opacity"), 0, 1) * fade * 256);
        return new Placement(r, bx + r.x0(), by + r.y0(), op);
    }

    private static double easeOut(double p) {
        double q = 1 - p;
        return 1 - q * q * q;
    }
}
