package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/**
 * {@code core.crop}: cuts the edges of the image with an optional feathered (soft) edge, keeping the frame size with
 * the cut area transparent, or scaling the kept rectangle up to fill the frame. A neighbourhood node (the fill mode
 * resamples), so it is not fused; all arithmetic is integer (tables built here, shared with the GPU twin).
 */
@Component(service = NodeType.class)
public final class CropNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.crop", "Crop", "Transform",
            "Cuts fractions of the frame at each edge. 'transparent' keeps the frame size and makes the cut area "
                    + "transparent; 'fill' scales the kept rectangle uniformly (bilinear) until it covers the frame, "
                    + "centred. Feather fades alpha linearly over that many pixels inside the crop edges.",
            List.of(PortSpec.image("source", "Image to crop")), PortType.IMAGE,
            List.of(ParamSpec.number("left", 0, 0, 1, "", "Fraction of the width cut at the left"),
                    ParamSpec.number("right", 0, 0, 1, "", "Fraction of the width cut at the right"),
                    ParamSpec.number("top", 0, 0, 1, "", "Fraction of the height cut at the top"),
                    ParamSpec.number("bottom", 0, 0, 1, "", "Fraction of the height cut at the bottom"),
                    ParamSpec.number("feather", 0, 0, 1000, "px", "Soft edge width inside the crop rectangle"),
                    ParamSpec.choice("mode", "What happens to the frame: keep its size (cut area transparent) or "
                            + "scale the kept area to fill it", "transparent", "fill")))
            .traits(NodeKind.NEIGHBOURHOOD, false);

    /**
     * One crop: the kept source rectangle [x0, x1) x [y0, y1) (empty when x1 <= x0 or y1 <= y0), feather factors
     * 0..256 per source column and row, and for 'fill' the source position of each output column and row (8
     * fractional bits, pixel centres at integers). Also used by the GPU twin.
     */
    public record State(double left, double right, double top, double bottom, double feather, String mode,
            int width, int height, double scale, int x0, int x1, int y0, int y1, int[] colF, int[] rowF, int[] srcX,
            int[] srcY, boolean identity) {

        boolean matches(double l, double r, double t, double b, double f, String m, int w, int h, double s) {
            return l == left && r == right && t == top && b == bottom && f == feather && m.equals(mode)
                    && w == width && h == height && s == scale;
        }

        /** Whether the kept rectangle is empty (the output is transparent). */
        public boolean empty() {
            return x1 <= x0 || y1 <= y0;
        }

        /** Whether the mode is 'fill'. */
        public boolean fill() {
            return "fill".equals(mode);
        }
    }

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        State st = state(ctx, ctx.state());
        if (st != ctx.state()) {
            ctx.setState(st);
        }
        if (st.identity()) {
            ctx.passThrough(0);
            return;
        }
        int w = ctx.width();
        int h = ctx.height();
        ByteBuffer in = Pixels.image(ctx, 0, "source").buffer();
        ByteBuffer out = ctx.output().buffer();
        if (st.empty()) {
            ctx.output().clear();
            return;
        }
        IntBuffer inPx = in.asIntBuffer();
        IntBuffer outPx = out.asIntBuffer();
        int[] colF = st.colF();
        int[] rowF = st.rowF();
        if (!st.fill()) {
            Parallel.rows(w, h, (r0, r1) -> {
                int[] row = IntRows.get(0, w);
                for (int y = r0; y < r1; y++) {
                    inPx.get(y * w, row, 0, w);
                    int rf = rowF[y];
                    for (int x = 0; x < w; x++) {
                        row[x] = feather(row[x], colF[x], rf);
                    }
                    outPx.put(y * w, row, 0, w);
                }
            });
            return;
        }
        int[] sx = st.srcX();
        int[] sy = st.srcY();
        int x0 = st.x0();
        int x1 = st.x1();
        int y0 = st.y0();
        int y1 = st.y1();
        Parallel.rows(w, h, (r0, r1) -> {
            int[] row = IntRows.get(0, w);
            for (int y = r0; y < r1; y++) {
                int fy = sy[y];
                int iy = fy >> 8;
                int wy = fy & 0xFF;
                int ya = Pixels.clamp(iy, y0, y1 - 1);
                int yb = Pixels.clamp(iy + 1, y0, y1 - 1);
                int ra = rowF[ya];
                int rb = rowF[yb];
                for (int x = 0; x < w; x++) {
                    int fx = sx[x];
                    int ix = fx >> 8;
                    int xa = Pixels.clamp(ix, x0, x1 - 1);
                    int xb = Pixels.clamp(ix + 1, x0, x1 - 1);
                    row[x] = Pixels.blend4(feather(inPx.get(ya * w + xa), colF[xa], ra),
                            feather(inPx.get(ya * w + xb), colF[xb], ra), feather(inPx.get(yb * w + xa), colF[xa], rb),
                            feather(inPx.get(yb * w + xb), colF[xb], rb), fx & 0xFF, wy);
                }
                outPx.put(y * w, row, 0, w);
            }
        });
    }

    /** Pixel {@code p} with alpha scaled by {@code cf * rf / 65536} (factors 0..256), transparent black at 0. */
    static int feather(int p, int cf, int rf) {
        int f = cf * rf;
        if (f == 65536) {
            return p;
        }
        int a = ((p >>> 24) * f + 32768) >>> 16;
        return a == 0 ? 0 : (p & 0xFFFFFF) | (a << 24);
    }

    /** {@code current} when built for these parameters and size, else new tables. */
    public static State state(NodeContext ctx, Object current) {
        double l = ctx.number("left");
        double r = ctx.number("right");
        double t = ctx.number("top");
        double b = ctx.number("bottom");
        double f = ctx.number("feather");
        String m = ctx.choice("mode");
        int w = ctx.width();
        int h = ctx.height();
        double s = ctx.scale();
        return current instanceof State st && st.matches(l, r, t, b, f, m, w, h, s) ? st
                : build(l, r, t, b, f, m, w, h, s);
    }

    private static State build(double l, double r, double t, double b, double f, String mode, int w, int h,
            double scale) {
        int x0 = (int) Math.round(Pixels.clamp(l, 0, 1) * w);
        int x1 = w - (int) Math.round(Pixels.clamp(r, 0, 1) * w);
        int y0 = (int) Math.round(Pixels.clamp(t, 0, 1) * h);
        int y1 = h - (int) Math.round(Pixels.clamp(b, 0, 1) * h);
        double feather = Math.max(0, f * scale);
        int[] colF = factors(w, x0, x1, feather);
        int[] rowF = factors(h, y0, y1, feather);
        boolean fill = "fill".equals(mode);
        boolean full = x0 == 0 && y0 == 0 && x1 == w && y1 == h;
        boolean identity = full && feather == 0;
        int[] srcX = null;
        int[] srcY = null;
        if (fill && x1 > x0 && y1 > y0) {
            double k = Math.max(w / (double) (x1 - x0), h / (double) (y1 - y0));
            srcX = positions(w, (x0 + x1) / 2.0, k);
            srcY = positions(h, (y0 + y1) / 2.0, k);
        }
        return new State(l, r, t, b, f, mode, w, h, scale, x0, x1, y0, y1, colF, rowF, srcX, srcY, identity);
    }

    /** Feather factor 0..256 of each pixel centre: its distance inside [lo, hi) over the feather width, clamped. */
    private static int[] factors(int n, int lo, int hi, double feather) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            double c = i + 0.5;
            double d = Math.min(c - lo, hi - c);
            double v = d <= 0 ? 0 : feather <= 0 ? 1 : Math.min(1, d / feather);
            t[i] = (int) Math.round(v * 256);
        }
        return t;
    }

    /** Source position (8 fractional bits, centres at integers) of each of {@code n} output pixels. */
    private static int[] positions(int n, double centre, double k) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            double s = centre + (i + 0.5 - n / 2.0) / k - 0.5;
            t[i] = (int) Math.floor(s * 256 + 0.5);
        }
        return t;
    }
}
