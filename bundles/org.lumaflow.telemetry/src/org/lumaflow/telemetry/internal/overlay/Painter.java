package org.lumaflow.telemetry.internal.overlay;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.InputStream;

import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.RasterLayer;

/**
 * Java2D helpers for the static layers: an anti-aliased canvas, the engine's bundled font (DejaVu Sans, so layers do
 * not depend on the machine's fonts), panels, and the conversion to a {@link RasterLayer}.
 */
final class Painter {

    private static final Font BASE;
    static final String FONT_ERROR;

    static {
        Font font = null;
        String error = null;
        // the engine bundle ships the font (core.text uses it): read it through that bundle's class loader
        try (InputStream in = NodeType.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            if (in != null) {
                font = Font.createFont(Font.TRUETYPE_FONT, in);
            } else {
                error = "the engine's font fonts/DejaVuSans.ttf is missing; overlays use the default sans-serif";
            }
        } catch (Exception e) {
            error = "cannot load the engine's font: " + e.getMessage() + "; overlays use the default sans-serif";
        }
        BASE = font != null ? font : new Font(Font.SANS_SERIF, Font.PLAIN, 1);
        FONT_ERROR = error;
    }

    final BufferedImage image;
    final Graphics2D g;

    /** A transparent canvas of {@code w x h}. */
    Painter(int w, int h) {
        image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    static Font font(int style, float px) {
        return BASE.deriveFont(style, Math.max(1f, px));
    }

    /** An AWT colour of a packed {@code 0xAABBGGRR} value. */
    static java.awt.Color awt(int rgba) {
        return new java.awt.Color(rgba & 0xFF, (rgba >> 8) & 0xFF, (rgba >> 16) & 0xFF, rgba >>> 24);
    }

    /** A packed colour of a parameter colour. */
    static int packed(Color c) {
        return c.packed();
    }

    /** Fills a rounded rectangle panel over the whole canvas (radius as a fraction of the shorter side). */
    void panel(int rgba, float radius) {
        int w = image.getWidth();
        int h = image.getHeight();
        float r = Math.min(w, h) * radius;
        g.setColor(awt(rgba));
        g.fill(new RoundRectangle2D.Float(0.5f, 0.5f, w - 1f, h - 1f, 2 * r, 2 * r));
    }

    void stroke(float width) {
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    /** Draws {@code s} centred on {@code cx, cy} (vertically by its ascent). */
    void centred(String s, Font f, int rgba, float cx, float cy) {
        g.setFont(f);
        g.setColor(awt(rgba));
        var frc = g.getFontRenderContext();
        var b = f.getStringBounds(s, frc);
        var lm = f.getLineMetrics(s, frc);
        g.drawString(s, cx - (float) b.getWidth() / 2f, cy + (lm.getAscent() - lm.getDescent()) / 2f);
    }

    /** Draws {@code s} with its left edge at {@code x}, vertically centred on {@code cy}. */
    void left(String s, Font f, int rgba, float x, float cy) {
        g.setFont(f);
        g.setColor(awt(rgba));
        var lm = f.getLineMetrics(s, g.getFontRenderContext());
        g.drawString(s, x, cy + (lm.getAscent() - lm.getDescent()) / 2f);
    }

    /** The canvas as a layer (packed {@code 0xAABBGGRR}, straight alpha). */
    RasterLayer layer(Object key) {
        g.dispose();
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            argb[i] = (p & 0xFF00FF00) | ((p >> 16) & 0xFF) | ((p & 0xFF) << 16);
        }
        return new RasterLayer(key, w, h, argb);
    }
}
