package org.lumaflow.engine.internal.nodes;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The rasterized block of a {@code core.title}: Java2D draws the box, the blurred shadow, the outline and the fill
 * once per distinct style (and, for the typewriter, per number of visible characters); the node only copies it.
 * Coordinates: the text block's top-left corner is (0, 0); the raster's pixel (0, 0) is at ({@code x0}, {@code y0}).
 *
 * @param pixels packed RGBA8 straight-alpha pixels ({@code width x height}), null when there is nothing to draw
 * @param vx0    left of the visual block (the box when there is one, else the text) relative to the text block
 * @param vy0    top of the visual block
 * @param vw     width of the visual block (what alignment and margins place)
 * @param vh     height of the visual block
 */
public record TitleRaster(TitleStyle style, int[] pixels, int width, int height, int x0, int y0, double vx0,
        double vy0, double vw, double vh) {

    /** Rasterizations so far (tests check that unchanged styles are not drawn again). */
    static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();

    /** Largest side of a raster; text beyond it is clipped. */
    private static final int MAX_SIDE = 8192;

    /**
     * Everything the raster depends on, in output pixels. {@code visible} = characters drawn (newlines not counted;
     * -1 = all).
     */
    public record TitleStyle(String text, Font font, String fontName, double size, double lineSpacing, int color,
            double outline, int outlineColor, boolean shadow, double shadowX, double shadowY, double shadowBlur,
            int shadowColor, boolean box, double padding, double radius, int boxColor, String align, int visible) {
    }

    /** System fonts and the bundled DejaVu Sans. */
    public static final class Fonts {

        /** The family served by the bundled font file (used when the family parameter is empty). */
        public static final String BUNDLED = "DejaVu Sans";
        private static Font bundled;
        private static List<String> families;

        private Fonts() {
        }

        /** The bundled DejaVu Sans at size 1 (the logical sans-serif if the file is missing). */
        public static synchronized Font bundled() {
            if (bundled == null) {
                try (InputStream in = TitleRaster.class.getResourceAsStream(TextNode.FONT_RESOURCE)) {
                    bundled = in != null ? Font.createFont(Font.TRUETYPE_FONT, in)
                            : new Font(Font.SANS_SERIF, Font.PLAIN, 1);
                } catch (Exception e) {
                    bundled = new Font(Font.SANS_SERIF, Font.PLAIN, 1);
                }
            }
            return bundled;
        }

        /** The font families installed on this machine, sorted (read once). */
        public static synchronized List<String> families() {
            if (families == null) {
                String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment()
                        .getAvailableFontFamilyNames(Locale.ROOT);
                Arrays.sort(names, String.CASE_INSENSITIVE_ORDER);
                families = List.of(names);
            }
            return families;
        }

        /** The font of {@code family} (case-insensitive) at size 1, or null when it is not installed. */
        public static Font find(String family) {
            if (family == null || family.isBlank() || family.strip().equalsIgnoreCase(BUNDLED)) {
                return bundled();
            }
            for (String f : families()) {
                if (f.equalsIgnoreCase(family.strip())) {
                    return new Font(f, Font.PLAIN, 1);
                }
            }
            return null;
        }

        /** The warning for a family that is not installed, naming it and some installed ones. */
        public static String missing(String family) {
            List<String> all = families();
            String some = String.join(", ", all.subList(0, Math.min(12, all.size())));
            return "title font '" + family + "' is not installed on this machine; using " + BUNDLED
                    + " (installed families: " + some + (all.size() > 12 ? ", ..." : "") + ")";
        }
    }

    /** Rasterizes a title block. */
    public static TitleRaster rasterize(TitleStyle s) {
        COUNT.incrementAndGet();
        if (s.text().isBlank() || s.size() < 0.5) {
            return new TitleRaster(s, null, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        Font font = s.font().deriveFont((float) s.size());
        FontRenderContext frc = new FontRenderContext(null, true, true);
        LineMetrics lm = font.getLineMetrics("Ag", frc);
        double lineHeight = (lm.getAscent() + lm.getDescent()) * s.lineSpacing() + lm.getLeading();
        String[] lines = s.text().split("\n", -1);
        double[] adv = new double[lines.length];
        double blockW = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                adv[i] = new TextLayout(lines[i], font, frc).getAdvance();
                blockW = Math.max(blockW, adv[i]);
            }
        }
        double blockH = (lines.length - 1) * lineHeight + lm.getAscent() + lm.getDescent();
        Path2D.Double shape = new Path2D.Double();
        int left = s.visible() < 0 ? Integer.MAX_VALUE : s.visible();
        for (int i = 0; i < lines.length && left > 0; i++) {
            String shown = lines[i].substring(0, Math.min(lines[i].length(), left));
            left -= shown.length();
            if (shown.isEmpty()) {
                continue;
            }
            double x = switch (s.align()) {
                case "left" -> 0;
                case "right" -> blockW - adv[i];
                default -> (blockW - adv[i]) / 2;
            };
            double y = i * lineHeight + lm.getAscent();
            shape.append(new TextLayout(shown, font, frc).getOutline(AffineTransform.getTranslateInstance(x, y)),
                    false);
        }
        double pad = s.box() ? Math.max(0, s.padding()) : 0;
        Rectangle2D visual = new Rectangle2D.Double(-pad, -pad, blockW + 2 * pad, blockH + 2 * pad);
        double o = Math.max(0, s.outline());
        double spread = 3 * Math.max(0, s.shadowBlur());
        Rectangle2D text = new Rectangle2D.Double(-o - 1, -o - 1, blockW + 2 * o + 2, blockH + 2 * o + 2);
        Rectangle2D all = s.box() ? visual.createUnion(text) : text;
        if (s.shadow()) {
            all = all.createUnion(new Rectangle2D.Double(text.getX() + s.shadowX() - spread,
                    text.getY() + s.shadowY() - spread, text.getWidth() + 2 * spread, text.getHeight() + 2 * spread));
        }
        int x0 = (int) Math.floor(all.getMinX());
        int y0 = (int) Math.floor(all.getMinY());
        int iw = Math.min(MAX_SIDE, (int) Math.ceil(all.getMaxX()) - x0);
        int ih = Math.min(MAX_SIDE, (int) Math.ceil(all.getMaxY()) - y0);
        BufferedImage img = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_ARGB);
        AffineTransform place = AffineTransform.getTranslateInstance(-x0, -y0);
        BasicStroke stroke = o > 0 ? new BasicStroke((float) (2 * o), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : null;
        Graphics2D g = graphics(img);
        try {
            if (s.box()) {
                double r = Math.max(0, Math.min(s.radius(), Math.min(visual.getWidth(), visual.getHeight()) / 2));
                g.setColor(awt(s.boxColor()));
                g.fill(place.createTransformedShape(new RoundRectangle2D.Double(visual.getX(), visual.getY(),
                        visual.getWidth(), visual.getHeight(), 2 * r, 2 * r)));
            }
            if (s.shadow()) {
                g.drawImage(shadow(shape, stroke, s, iw, ih, x0, y0), 0, 0, null);
            }
            Shape placed = place.createTransformedShape(shape);
            if (stroke != null) {
                g.setColor(awt(s.outlineColor()));
                g.setStroke(stroke);
                g.draw(placed);
            }
            g.setColor(awt(s.color()));
            g.fill(placed);
        } finally {
            g.dispose();
        }
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            px[i] = Pixels.fromArgb(px[i]);
        }
        Rectangle2D v = s.box() ? visual : new Rectangle2D.Double(0, 0, blockW, blockH);
        return new TitleRaster(s, px, iw, ih, x0, y0, v.getX(), v.getY(), v.getWidth(), v.getHeight());
    }

    /** The glyphs (and outline) in the shadow colour, offset and blurred (separable Gaussian on the alpha). */
    private static BufferedImage shadow(Shape shape, BasicStroke stroke, TitleStyle s, int iw, int ih, int x0,
            int y0) {
        BufferedImage img = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(img);
        try {
            Shape placed = AffineTransform.getTranslateInstance(s.shadowX() - x0, s.shadowY() - y0)
                    .createTransformedShape(shape);
            g.setColor(java.awt.Color.WHITE);
            g.setComposite(AlphaComposite.Src);
            g.fill(placed);
            if (stroke != null) {
                g.setStroke(stroke);
                g.draw(placed);
            }
        } finally {
            g.dispose();
        }
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        float[] a = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            a[i] = (px[i] >>> 24) / 255f;
        }
        if (s.shadowBlur() > 0) {
            blur(a, iw, ih, s.shadowBlur());
        }
        int c = s.shadowColor();
        int argb = (Pixels.r(c) << 16) | (Pixels.g(c) << 8) | Pixels.b(c);
        double ca = Pixels.a(c);
        for (int i = 0; i < px.length; i++) {
            int al = (int) Math.round(Math.min(1, a[i]) * ca);
            px[i] = al == 0 ? 0 : (al << 24) | argb;
        }
        return img;
    }

    /** In-place separable Gaussian of {@code a} ({@code w x h}), sigma in pixels, edges zero. */
    private static void blur(float[] a, int w, int h, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        float[] tmp = new float[Math.max(w, h)];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = 0;
                for (int i = -r; i <= r; i++) {
                    int xx = x + i;
                    if (xx >= 0 && xx < w) {
                        v += k[i + r] * a[y * w + xx];
                    }
                }
                tmp[x] = v;
            }
            System.arraycopy(tmp, 0, a, y * w, w);
        }
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                float v = 0;
                for (int i = -r; i <= r; i++) {
                    int yy = y + i;
                    if (yy >= 0 && yy < h) {
                        v += k[i + r] * a[yy * w + x];
                    }
                }
                tmp[y] = v;
            }
            for (int y = 0; y < h; y++) {
                a[y * w + x] = tmp[y];
            }
        }
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    private static java.awt.Color awt(int packed) {
        return new java.awt.Color(Pixels.r(packed), Pixels.g(packed), Pixels.b(packed), Pixels.a(packed));
    }
}
