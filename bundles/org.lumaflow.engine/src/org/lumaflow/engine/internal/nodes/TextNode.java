package org.lumaflow.engine.internal.nodes;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/** {@code core.text}: a block of text (DejaVu Sans) rasterized once with Java2D and composited per frame. */
@Component(service = NodeType.class)
public final class TextNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.text", "Text", "Generator",
            "Renders text in DejaVu Sans, with optional outline and drop shadow, over the background (or over "
                    + "transparency). Lines are separated by \\n; the block is placed at whole output pixels.",
            List.of(PortSpec.optional("background", PortType.IMAGE, "Image behind the text")), PortType.IMAGE,
            List.of(ParamSpec.string("text", "Lumaflow", "The text; \\n starts a new line"),
                    ParamSpec.number("size", 96, 1, 2000, "px", "Font size (em height)"),
                    ParamSpec.color("color", Color.WHITE, "Fill colour"),
                    ParamSpec.number("opacity", 1, 0, 1, "",
                            "Opacity of the whole block (fill, outline, shadow); animate this for fades: it is "
                                    + "applied while compositing, while a colour change re-rasterizes the text"),
                    ParamSpec.point("position", Point2.CENTER, "Centre of the text block in the frame"),
                    ParamSpec.choice("align", "Alignment of lines within the block", "center", "left", "right"),
                    ParamSpec.number("outline", 0, 0, 200, "px", "Outline width around the glyphs (0 = none)"),
                    ParamSpec.color("outline_color", Color.BLACK, "Outline colour"),
                    ParamSpec.bool("shadow", false,
                            "Draw a 60% black drop shadow, offset down and right by 5% of the size")))
            .traits(NodeKind.GENERATOR, false);

    static final String FONT_RESOURCE = "/fonts/DejaVuSans.ttf";
    /** Largest side of the rasterized block; text beyond it is clipped. */
    private static final int MAX_SIDE = 8192;

    /** The bundled font, loaded once (falls back to the logical sans-serif font when it is missing). */
    private static final class Fonts {
        static final String ERROR;
        static final Font BASE;

        static {
            Font font = null;
            String error = null;
            try (InputStream in = TextNode.class.getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    error = "font " + FONT_RESOURCE + " is missing from the bundle; using the default sans-serif";
                } else {
                    font = Font.createFont(Font.TRUETYPE_FONT, in);
                }
            } catch (Exception e) {
                error = "cannot load font " + FONT_RESOURCE + ": " + e.getMessage() + "; using the default sans-serif";
            }
            BASE = font != null ? font : new Font(Font.SANS_SERIF, Font.PLAIN, 1);
            ERROR = error;
        }
    }

    /** The rasterized block for one set of text parameters; {@code pixels} is null for empty text. */
    public record Block(String text, double size, int color, double outline, int outlineColor, boolean shadow,
            String align, int[] pixels, int width, int height, double centerX, double centerY) {

        /** Whether the block was rasterized for these parameters. */
        public boolean matches(String t, double s, int c, double o, int oc, boolean sh, String a) {
            return t.equals(text) && s == size && c == color && o == outline && oc == outlineColor && sh == shadow
                    && a.equals(align);
        }
    }

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        if (Fonts.ERROR != null) {
            ctx.warn(Fonts.ERROR);
        }
        Block st = block(ctx, ctx.state());
        if (st != ctx.state()) {
            ctx.setState(st);
        }
        int opacity = (int) Math.round(Pixels.clamp(ctx.number("opacity"), 0, 1) * 256);
        Frame bg = ctx.input(0);
        Frame out = ctx.output();
        int w = ctx.width();
        int h = ctx.height();
        if (bg != null) {
            Pixels.checkFrame(bg, w, h, PixelFormat.RGBA8, "background");
            if (st.pixels() == null || opacity == 0) {
                ctx.passThrough(0);
                return;
            }
            out.copyFrom(bg);
        } else {
            out.clear();
        }
        if (st.pixels() == null || opacity == 0) {
            return;
        }
        Point2 pos = ctx.point("position");
        int left = (int) Math.floor(pos.x() * w - st.centerX() + 0.5);
        int top = (int) Math.floor(pos.y() * h - st.centerY() + 0.5);
        int x0 = Math.max(0, left);
        int x1 = Math.min(w, left + st.width());
        int y0 = Math.max(0, top);
        int y1 = Math.min(h, top + st.height());
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        int[] px = st.pixels();
        int iw = st.width();
        ByteBuffer buf = out.buffer();
        Parallel.rows(x1 - x0, y1 - y0, (r0, r1) -> {
            for (int y = y0 + r0; y < y0 + r1; y++) {
                int src = (y - top) * iw - left;
                int row = y * w * 4;
                for (int x = x0; x < x1; x++) {
                    int p = px[src + x];
                    if (opacity != 256) {
                        p = (p & 0xFFFFFF) | (((p >>> 24) * opacity + 128) >> 8) << 24;
                    }
                    if (p >>> 24 != 0) {
                        int o = row + x * 4;
                        buf.putInt(o, Pixels.over(p, buf.getInt(o)));
                    }
                }
            }
        });
    }

    /** The block for the node's text parameters: {@code current} if it matches them; also used by the GPU twin. */
    public static Block block(NodeContext ctx, Object current) {
        String text = ctx.string("text") == null ? "" : ctx.string("text");
        double scale = ctx.scale();
        double size = ctx.number("size") * scale;
        int color = ctx.color("color").packed();
        double outline = Math.max(0, ctx.number("outline") * scale);
        int outlineColor = ctx.color("outline_color").packed();
        boolean shadow = ctx.bool("shadow");
        String align = ctx.choice("align");
        return current instanceof Block s && s.matches(text, size, color, outline, outlineColor, shadow, align) ? s
                : rasterize(text, size, color, outline, outlineColor, shadow, align);
    }

    /** The font problem to warn about, or null when the bundled font loaded. */
    public static String fontError() {
        return Fonts.ERROR;
    }

    /** Rasterizes a text block (packed RGBA8 straight-alpha pixels); also used by the GPU twin. */
    public static Block rasterize(String text, double size, int color, double outline, int outlineColor,
            boolean shadow, String align) {
        if (text.isBlank() || size < 0.5) {
            return new Block(text, size, color, outline, outlineColor, shadow, align, null, 0, 0, 0, 0);
        }
        Font font = Fonts.BASE.deriveFont((float) size);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        LineMetrics lm = font.getLineMetrics("Ag", frc);
        double lineHeight = lm.getAscent() + lm.getDescent() + lm.getLeading();
        String[] lines = text.split("\n", -1);
        TextLayout[] layouts = new TextLayout[lines.length];
        double blockW = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                layouts[i] = new TextLayout(lines[i], font, frc);
                blockW = Math.max(blockW, layouts[i].getAdvance());
            }
        }
        double blockH = lines.length * lineHeight - lm.getLeading();
        int shadowOffset = shadow ? (int) Math.max(1, Math.round(size * 0.05)) : 0;
        int pad = (int) Math.ceil(outline) + shadowOffset + 2;
        int iw = Math.min(MAX_SIDE, (int) Math.ceil(blockW) + 2 * pad);
        int ih = Math.min(MAX_SIDE, (int) Math.ceil(blockH) + 2 * pad);
        BufferedImage img = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            Path2D.Double shape = new Path2D.Double();
            for (int i = 0; i < lines.length; i++) {
                if (layouts[i] == null) {
                    continue;
                }
                double adv = layouts[i].getAdvance();
                double x = pad + switch (align) {
                    case "left" -> 0;
                    case "right" -> blockW - adv;
                    default -> (blockW - adv) / 2;
                };
                double y = pad + i * lineHeight + lm.getAscent();
                shape.append(layouts[i].getOutline(AffineTransform.getTranslateInstance(x, y)), false);
            }
            BasicStroke stroke = outline > 0
                    ? new BasicStroke((float) (2 * outline), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND) : null;
            if (shadow) { // the glyphs (and outline) in 60% black, offset down and right
                Shape s = AffineTransform.getTranslateInstance(shadowOffset, shadowOffset)
                        .createTransformedShape(shape);
                g.setColor(new java.awt.Color(0, 0, 0, 153));
                g.fill(s);
                if (stroke != null) {
                    g.setStroke(stroke);
                    g.draw(s);
                }
            }
            if (stroke != null) {
                g.setColor(awt(outlineColor));
                g.setStroke(stroke);
                g.draw(shape);
            }
            g.setColor(awt(color));
            g.fill(shape);
        } finally {
            g.dispose();
        }
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            px[i] = Pixels.fromArgb(px[i]);
        }
        return new Block(text, size, color, outline, outlineColor, shadow, align, px, iw, ih, pad + blockW / 2,
                pad + blockH / 2);
    }

    private static java.awt.Color awt(int packed) {
        return new java.awt.Color(Pixels.r(packed), Pixels.g(packed), Pixels.b(packed), Pixels.a(packed));
    }
}
