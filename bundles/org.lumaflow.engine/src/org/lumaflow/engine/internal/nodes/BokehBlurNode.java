package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
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

/** {@code core.bokeh_blur}: a disc ("lens") blur averaging N samples on a golden-angle (Vogel) spiral. */
@Component(service = NodeType.class)
public final class BokehBlurNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.bokeh_blur", "Bokeh Blur", "Blur",
            "A lens-style disc blur. Radii above 24 output pixels are computed at reduced resolution.",
            List.of(PortSpec.image("source", "Image to blur")), PortType.IMAGE,
            List.of(ParamSpec.number("radius", 8, 0, 500, "px", "Radius of the disc"),
                    ParamSpec.number("quality", 1, 0.25, 4, "",
                            "Sample density (more samples: smoother disc, slower); 8 to 256 samples")))
            .traits(NodeKind.NEIGHBOURHOOD, false);

    static final double DIRECT_MAX_RADIUS = 24;
    private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

    /** Sample offsets and scratch keys for one (radius, quality, size). */
    private record State(double radius, double quality, int width, int height, int factor, int[] dx, int[] dy,
            int[] offsets, int reach, long reciprocal, FrameKey work, FrameKey lanes, BlurResample.Columns columns) {
    }

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        double radius = ctx.number("radius") * ctx.scale();
        double quality = ctx.number("quality");
        if (!(radius >= 0.5)) {
            ctx.passThrough(0);
            return;
        }
        int w = ctx.width();
        int h = ctx.height();
        State st = ctx.state() instanceof State s && s.radius() == radius && s.quality() == quality
                && s.width() == w && s.height() == h ? s : build(radius, quality, w, h);
        if (st != ctx.state()) {
            ctx.setState(st);
        }
        ByteBuffer in = Pixels.image(ctx, 0, "source").buffer();
        ByteBuffer out = ctx.output().buffer();
        ByteBuffer lanes = ctx.scratch(st.lanes()).buffer();
        if (st.factor() == 1) {
            expand(in, lanes, w, h, true);
            gather(st, lanes, out, w, h, true);
            return;
        }
        int f = st.factor();
        int dw = st.work().width();
        int dh = st.work().height();
        ByteBuffer small = ctx.scratch(st.work()).buffer();
        Resample.boxDown(in, w, h, small, f);
        expand(small, lanes, dw, dh, false);
        gather(st, lanes, small, dw, dh, false);
        BlurResample.upsample(small, f, out, w, h, st.columns());
    }

    /**
     * The path for a radius in output pixels (below 0.5 the input passes through, see {@link #render}). Up to
     * {@value #DIRECT_MAX_RADIUS} the disc is sampled at full size; above, the image is box-downsampled by
     * f = ceil(radius / 16) (so the reduced radius is 12..16 pixels), blurred there and upsampled bilinearly.
     * N = clamp(round(quality * pi * r^2 / 2), 8, 256) with r the radius actually sampled; sample i sits at
     * distance r * sqrt((i + 0.5) / N), angle i * 137.5 degrees, rounded to whole pixels. Colour is weighted by
     * alpha; edges repeat the border pixels.
     */
    private static State build(double radius, double quality, int w, int h) {
        int f = factor(radius);
        int ww = Resample.reduced(w, f);
        int wh = Resample.reduced(h, f);
        int[][] samples = samples(radius / f, quality);
        int[] dx = samples[0];
        int[] dy = samples[1];
        int n = dx.length;
        int[] offsets = new int[n];
        int reach = 0;
        for (int i = 0; i < n; i++) {
            offsets[i] = (dy[i] * ww + dx[i]) * 8;
            reach = Math.max(reach, Math.max(Math.abs(dx[i]), Math.abs(dy[i])));
        }
        long reciprocal = ((1L << 32) + n - 1) / n;
        FrameKey work = new FrameKey(ww, wh, PixelFormat.RGBA8, Usage.SCRATCH);
        FrameKey lanes = new FrameKey(2 * ww, wh, PixelFormat.RGBA8, Usage.SCRATCH); // 8 bytes per pixel
        return new State(radius, quality, w, h, f, dx, dy, offsets, reach, reciprocal, work, lanes,
                f > 1 ? BlurResample.columns(w, f) : null);
    }

    /** The downsampling factor for a radius in output pixels (1: sampled at full size); also used by the GPU twin. */
    public static int factor(double radius) {
        return radius <= DIRECT_MAX_RADIUS ? 1 : (int) Math.ceil(radius / 16);
    }

    /** The rounded spiral offsets {dx, dy} of the samples for radius {@code r}; also used by the GPU twin. */
    public static int[][] samples(double r, double quality) {
        int n = (int) Math.max(8, Math.min(256, Math.round(Math.max(0.25, quality) * Math.PI * r * r * 0.5)));
        int[] dx = new int[n];
        int[] dy = new int[n];
        for (int i = 0; i < n; i++) {
            double rho = r * Math.sqrt((i + 0.5) / n);
            double a = i * GOLDEN_ANGLE;
            dx[i] = (int) Math.round(rho * StrictMath.cos(a));
            dy[i] = (int) Math.round(rho * StrictMath.sin(a));
        }
        return new int[][] {dx, dy};
    }

    /** Writes each (premultiplied) pixel of {@code src} as a long of four 16-bit lanes R, G, B, A into {@code dst}. */
    private static void expand(ByteBuffer src, ByteBuffer dst, int w, int h, boolean premultiply) {
        Parallel.rows(w, h, (y0, y1) -> {
            for (int i = y0 * w, end = y1 * w; i < end; i++) {
                int p = src.getInt(i * 4);
                if (premultiply) {
                    p = Pixels.premultiply(p);
                }
                dst.putLong(i * 8, (p & 0xFF) | ((p & 0xFF00) << 8) | ((long) (p & 0xFF0000) << 16)
                        | ((long) (p >>> 24) << 48));
            }
        });
    }

    /**
     * Mean of the disc samples of the lane image {@code src} into packed {@code dst} (both {@code w x h} pixels).
     * At most 256 samples of at most 255 fit each 16-bit lane, so one add per sample sums all four channels.
     */
    private static void gather(State st, ByteBuffer src, ByteBuffer dst, int w, int h, boolean unpremultiply) {
        int[] dx = st.dx();
        int[] dy = st.dy();
        int[] offsets = st.offsets();
        int n = dx.length;
        int m = st.reach();
        long recip = st.reciprocal();
        int half = n / 2;
        Parallel.rows(w, h, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                boolean rowInside = y >= m && y + m < h;
                for (int x = 0; x < w; x++) {
                    long sum = 0;
                    if (rowInside && x >= m && x + m < w) {
                        int base = (y * w + x) * 8;
                        for (int i = 0; i < n; i++) {
                            sum += src.getLong(base + offsets[i]);
                        }
                    } else {
                        for (int i = 0; i < n; i++) {
                            int sx = Pixels.clamp(x + dx[i], 0, w - 1);
                            int sy = Pixels.clamp(y + dy[i], 0, h - 1);
                            sum += src.getLong((sy * w + sx) * 8);
                        }
                    }
                    int r = (int) ((((sum & 0xFFFF) + half) * recip) >>> 32);
                    int g = (int) ((((sum >>> 16 & 0xFFFF) + half) * recip) >>> 32);
                    int b = (int) ((((sum >>> 32 & 0xFFFF) + half) * recip) >>> 32);
                    int a = (int) ((((sum >>> 48) + half) * recip) >>> 32);
                    int q = Pixels.pack(r, g, b, a);
                    dst.putInt((y * w + x) * 4, unpremultiply ? Pixels.unpremultiply(q) : q);
                }
            }
        });
    }
}
