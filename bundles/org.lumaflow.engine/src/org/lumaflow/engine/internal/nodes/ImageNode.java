package org.lumaflow.engine.internal.nodes;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/** {@code core.image}: a still image (PNG, JPEG) loaded once, fitted to the frame once, copied per frame. */
@Component(service = NodeType.class)
public final class ImageNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.image", "Image", "Source",
            "A still image file (PNG, JPEG...) placed in the frame. Reloaded when the file changes. An unreadable "
                    + "file renders opaque black with a warning.",
            List.of(), PortType.IMAGE,
            List.of(ParamSpec.file("file", "Image file (PNG, JPEG, BMP, GIF)"),
                    ParamSpec.choice("fit", "fit: whole image, letterboxed; fill: cover the frame, cropped; "
                            + "stretch: to the frame size; none: 1 image pixel = 1 project pixel, centred",
                            "fit", "fill", "stretch", "none"),
                    ParamSpec.color("background", Color.TRANSPARENT,
                            "Colour outside the image and behind its transparent parts")))
            .traits(NodeKind.GENERATOR, false);

    private static final int BLACK = 0xFF000000;

    /** A decoded file, or the reason it could not be decoded. */
    record Source(Path path, File file, long modified, int[] pixels, int width, int height, String error) {
    }

    /** The source fitted to one output size; {@code pixels} packed RGBA8, {@code width x height}. */
    public record Fitted(int width, int height, String fit, int background, double scale, int[] pixels) {
    }

    /** A decoded file and its fitted pixels (null when the file is missing or unreadable). */
    public record State(Source source, Fitted fitted) {
    }

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        int w = ctx.width();
        int h = ctx.height();
        ByteBuffer out = ctx.output().buffer();
        State st = prepare(ctx, ctx.state());
        if (st != ctx.state()) {
            ctx.setState(st);
        }
        if (st.fitted() == null) {
            fill(out, w, h, BLACK);
            return;
        }
        out.asIntBuffer().put(0, st.fitted().pixels(), 0, w * h);
    }

    /**
     * The image fitted to the output for the current parameters, reusing {@code current} (a previous result) when
     * nothing changed; {@code fitted() == null} means opaque black (a warning was given). Also used by the GPU twin.
     */
    public static State prepare(NodeContext ctx, Object current) {
        int w = ctx.width();
        int h = ctx.height();
        Path path = ctx.file("file");
        if (path == null) {
            ctx.warn("no image file set");
            return new State(null, null);
        }
        State st = current instanceof State s ? s : new State(null, null);
        Source src = st.source();
        File file = src != null && path.equals(src.path()) ? src.file() : path.toFile();
        long modified = file.lastModified();
        if (src == null || !path.equals(src.path()) || modified != src.modified()) {
            src = load(path, file, modified);
            st = new State(src, null);
        }
        if (src.pixels() == null) {
            ctx.warn(src.error());
            return new State(src, null);
        }
        String fit = ctx.choice("fit");
        int bg = ctx.color("background").packed();
        double scale = ctx.scale();
        Fitted fitted = st.fitted();
        if (fitted == null || fitted.width() != w || fitted.height() != h || !fitted.fit().equals(fit)
                || fitted.background() != bg || ("none".equals(fit) && fitted.scale() != scale)) {
            fitted = new Fitted(w, h, fit, bg, scale, fitToFrame(src, w, h, fit, bg, scale));
            st = new State(src, fitted);
        }
        return st;
    }

    private static void fill(ByteBuffer out, int w, int h, int packed) {
        Parallel.rows(w, h, (y0, y1) -> Pixels.fillRows(out, w * 4, y0, y1, packed));
    }

    /** Decodes the file to packed RGBA8; failures become a {@link Source} with an error message. */
    private static Source load(Path path, File file, long modified) {
        try {
            if (!file.isFile()) {
                throw new java.io.FileNotFoundException("no such file");
            }
            BufferedImage img = ImageIO.read(file);
            if (img == null) {
                throw new java.io.IOException("unsupported image format");
            }
            int iw = img.getWidth();
            int ih = img.getHeight();
            if ((long) iw * ih > (1L << 28)) {
                throw new java.io.IOException("image too large (" + iw + "x" + ih + ")");
            }
            return new Source(path, file, modified, toRgba(img), iw, ih, null);
        } catch (Exception | OutOfMemoryError e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            return new Source(path, file, modified, null, 0, 0, "cannot read image " + path + ": " + reason);
        }
    }

    /** Pixels as packed RGBA8. Grey images are read raw (Java2D would treat their codes as linear light). */
    private static int[] toRgba(BufferedImage img) {
        int iw = img.getWidth();
        int ih = img.getHeight();
        int[] px = new int[iw * ih];
        Raster raster = img.getRaster();
        int bands = raster.getNumBands();
        if (img.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY && bands <= 2) {
            int shift = Math.max(0, raster.getSampleModel().getSampleSize(0) - 8);
            int ashift = bands == 2 ? Math.max(0, raster.getSampleModel().getSampleSize(1) - 8) : 0;
            for (int y = 0; y < ih; y++) {
                for (int x = 0; x < iw; x++) {
                    int v = raster.getSample(x, y, 0) >> shift;
                    int a = bands == 2 ? raster.getSample(x, y, 1) >> ashift : 255;
                    px[y * iw + x] = Pixels.pack(v, v, v, a);
                }
            }
            return px;
        }
        img.getRGB(0, 0, iw, ih, px, 0, iw);
        for (int i = 0; i < px.length; i++) {
            px[i] = Pixels.fromArgb(px[i]);
        }
        return px;
    }

    /**
     * Places the source in a {@code w x h} frame: pixels whose centre falls inside the placed image are bilinear
     * samples (after an integer box pre-reduction when shrinking by more than 2) composited over the background.
     */
    private static int[] fitToFrame(Source src, int w, int h, String fit, int bg, double scale) {
        int iw = src.width();
        int ih = src.height();
        double sx = (double) w / iw;
        double sy = (double) h / ih;
        switch (fit) {
            case "fill" -> sx = sy = Math.max(sx, sy);
            case "stretch" -> {
            }
            case "none" -> sx = sy = scale;
            default -> sx = sy = Math.min(sx, sy);
        }
        double dw = iw * sx;
        double dh = ih * sy;
        double dx0 = (w - dw) / 2;
        double dy0 = (h - dh) / 2;
        int fx = sx < 0.5 ? (int) (1 / sx) : 1;
        int fy = sy < 0.5 ? (int) (1 / sy) : 1;
        int rw = Math.max(1, iw / fx);
        int rh = Math.max(1, ih / fy);
        int[] img = fx > 1 || fy > 1 ? boxReduce(src.pixels(), iw, ih, fx, fy, rw, rh) : src.pixels();
        double ux = rw / dw;
        double uy = rh / dh;
        int[] out = new int[w * h];
        Parallel.rows(w, h, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                double py = y + 0.5 - dy0;
                boolean rowIn = py >= 0 && py < dh;
                long fyy = (long) Math.floor((py * uy - 0.5) * 256);
                for (int x = 0; x < w; x++) {
                    double px = x + 0.5 - dx0;
                    int p = bg;
                    if (rowIn && px >= 0 && px < dw) {
                        long fxx = (long) Math.floor((px * ux - 0.5) * 256);
                        p = Pixels.over(Pixels.sample(img, rw, rh, fxx, fyy), bg);
                    }
                    out[y * w + x] = p;
                }
            }
        });
        return out;
    }

    /** Alpha-weighted mean of fx x fy blocks (the remainder at the right and bottom is dropped). */
    private static int[] boxReduce(int[] src, int iw, int ih, int fx, int fy, int rw, int rh) {
        int[] out = new int[rw * rh];
        Parallel.rows(rw, rh, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                for (int x = 0; x < rw; x++) {
                    long r = 0;
                    long g = 0;
                    long b = 0;
                    long a = 0;
                    int ys1 = Math.min(ih, (y + 1) * fy);
                    int xs1 = Math.min(iw, (x + 1) * fx);
                    for (int ys = y * fy; ys < ys1; ys++) {
                        for (int xs = x * fx; xs < xs1; xs++) {
                            int p = src[ys * iw + xs];
                            int pa = p >>> 24;
                            r += (long) (p & 0xFF) * pa;
                            g += (long) ((p >> 8) & 0xFF) * pa;
                            b += (long) ((p >> 16) & 0xFF) * pa;
                            a += pa;
                        }
                    }
                    long n = (long) (ys1 - y * fy) * (xs1 - x * fx);
                    int pa = (int) ((a + n / 2) / n);
                    out[y * rw + x] = a == 0 ? 0 : Pixels.pack((int) ((r + a / 2) / a), (int) ((g + a / 2) / a),
                            (int) ((b + a / 2) / a), pa);
                }
            }
        });
        return out;
    }
}
