package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.PixelFunction;
import org.lumaflow.engine.graph.PixelNode;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/** {@code core.blend}: composites a foreground over a background with a blend mode, opacity and optional mask. */
@Component(service = NodeType.class)
public final class BlendNode implements PixelNode {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.blend", "Blend", "Composite",
            "Straight-alpha Porter-Duff 'over' of the foreground on the background; where both have colour the "
                    + "blend mode combines them (over, add, multiply, screen). Opacity and the mask scale the "
                    + "foreground's alpha.",
            List.of(PortSpec.image("background", "Image underneath"),
                    PortSpec.image("foreground", "Image on top"),
                    PortSpec.optional("mask", PortType.MASK, "Multiplies the foreground's alpha (255 = keep)")),
            PortType.IMAGE,
            List.of(ParamSpec.choice("mode", "How foreground and background colours combine",
                    "over", "add", "multiply", "screen"),
                    ParamSpec.number("opacity", 1, 0, 1, "", "Foreground opacity")))
            .traits(NodeKind.PER_PIXEL, false);

    private static final int OVER = 0;
    private static final int ADD = 1;
    private static final int MULTIPLY = 2;
    private static final int SCREEN = 3;

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        int w = ctx.width();
        int h = ctx.height();
        Frame bgFrame = ctx.input(0);
        Frame fgFrame = ctx.input(1);
        Frame maskFrame = ctx.input(2);
        int opacity = (int) Math.round(Pixels.clamp(ctx.number("opacity"), 0, 1) * 4096);
        if (fgFrame == null || (opacity == 0 && bgFrame != null)) {
            if (bgFrame != null) {
                ctx.passThrough(0);
            } else {
                ctx.output().clear();
            }
            return;
        }
        int mode = mode(ctx.choice("mode"));
        Pixels.checkFrame(fgFrame, w, h, PixelFormat.RGBA8, "foreground");
        if (bgFrame != null) {
            Pixels.checkFrame(bgFrame, w, h, PixelFormat.RGBA8, "background");
        }
        if (maskFrame != null) {
            Pixels.checkFrame(maskFrame, w, h, PixelFormat.GRAY8, "mask");
        }
        ByteBuffer bg = bgFrame != null ? bgFrame.buffer() : null;
        ByteBuffer fg = fgFrame.buffer();
        ByteBuffer mask = maskFrame != null ? maskFrame.buffer() : null;
        ByteBuffer out = ctx.output().buffer();
        IntBuffer fgPx = fg.asIntBuffer();
        IntBuffer bgPx = bg != null ? bg.asIntBuffer() : null;
        IntBuffer outPx = out.asIntBuffer();
        Parallel.rows(w, h, (y0, y1) -> {
            int[] srow = IntRows.get(0, w);
            int[] drow = bgPx != null ? IntRows.get(1, w) : null;
            int[] orow = IntRows.get(2, w);
            int[] mrow = mask != null ? IntRows.get(3, w) : null;
            for (int y = y0; y < y1; y++) {
                int off = y * w;
                fgPx.get(off, srow, 0, w);
                if (bgPx != null) {
                    bgPx.get(off, drow, 0, w);
                }
                if (mrow != null) {
                    for (int x = 0; x < w; x++) {
                        mrow[x] = mask.get(off + x) & 0xFF;
                    }
                }
                blend(srow, drow, mrow, orow, w, mode, opacity);
                outPx.put(off, orow, 0, w);
            }
        });
    }

    @Override
    public PixelFunction prepare(NodeContext ctx) {
        int opacity = (int) Math.round(Pixels.clamp(ctx.number("opacity"), 0, 1) * 4096);
        boolean bg = ctx.connected(0);
        if (!ctx.connected(1) || (opacity == 0 && bg)) {
            return bg ? PixelFunction.passThrough(0) : (y, w, in, out) -> java.util.Arrays.fill(out, 0, w, 0);
        }
        int mode = mode(ctx.choice("mode"));
        return new PixelFunction() {
            @Override
            public void apply(int y, int w, int[][] in, int[] out) {
                blend(in[1], in[0], in.length > 2 ? in[2] : null, out, w, mode, opacity);
            }

            @Override
            public int clearRowPassesThrough(int port) {
                // a foreground pixel of alpha 0 leaves the background pixel as it is, in every mode (composite)
                return port == 1 && bg ? 0 : -1;
            }
        };
    }

    private static int mode(String name) {
        return switch (name) {
            case "add" -> ADD;
            case "multiply" -> MULTIPLY;
            case "screen" -> SCREEN;
            default -> OVER;
        };
    }

    /**
     * Blends a row: foreground {@code fg} over background {@code bg} (null = transparent), alpha scaled by
     * {@code mask} (null = 255) and {@code opacity} (0..4096).
     */
    static void blend(int[] fg, int[] bg, int[] mask, int[] out, int w, int mode, int opacity) {
        if (mode == OVER && mask == null && opacity == 4096) {
            int done = SimdKernels.AVAILABLE ? BlendRowsSimd.over(fg, bg, out, w) : 0;
            for (int x = done; x < w; x++) {
                out[x] = Pixels.over(fg[x], bg == null ? 0 : bg[x]);
            }
            return;
        }
        for (int x = 0; x < w; x++) {
            int s = fg[x];
            int m = mask != null ? mask[x] : 255;
            int sa = (s >>> 24) * m * opacity;
            sa = sa == 255 * 255 * 4096 ? 255 : (int) (((long) sa + 255 * 2048) / (255 * 4096));
            out[x] = composite(s, sa, bg == null ? 0 : bg[x], mode);
        }
    }

    /** Source {@code s} with effective alpha {@code sa} over {@code d}, colour combined by {@code mode}. */
    static int composite(int s, int sa, int d, int mode) {
        if (sa == 0) {
            return d;
        }
        int da = d >>> 24;
        if (da == 0) {
            return (sa << 24) | (s & 0xFFFFFF);
        }
        if (mode == OVER) {
            return Pixels.over((sa << 24) | (s & 0xFFFFFF), d);
        }
        if (da == 255) {
            // opaque backdrop (the timeline's usual case): the general formula below reduces exactly to
            // div255(sa B(cb, cs) + (255 - sa) cb), because (255 X + 32512) / 65025 never lands on a rounding tie
            int ia = 255 - sa;
            int out = 0xFF000000;
            for (int shift = 0; shift <= 16; shift += 8) {
                int cs = (s >> shift) & 0xFF;
                int cb = (d >> shift) & 0xFF;
                int mix = mix(mode, cs, cb);
                out |= Pixels.div255(mix * sa + cb * ia) << shift;
            }
            return out;
        }
        // W3C compositing: co = sa (1 - da) cs + sa da B(cb, cs) + (1 - sa) da cb, divided by the output alpha
        int ws = sa * (255 - da); // weight of the plain source colour, x 255^2
        int wb = sa * da; // weight of the blended colour
        int wd = (255 - sa) * da; // weight of the plain backdrop colour
        int ao = ws + wb + wd; // output alpha x 255, > 0
        int half = ao >> 1;
        int out = Pixels.div255(ao) << 24;
        for (int shift = 0; shift <= 16; shift += 8) {
            int cs = (s >> shift) & 0xFF;
            int cb = (d >> shift) & 0xFF;
            int mix = mix(mode, cs, cb);
            out |= ((cs * ws + mix * wb + cb * wd + half) / ao) << shift;
        }
        return out;
    }

    /** The blend function B(cb, cs) of the W3C separable modes. */
    private static int mix(int mode, int cs, int cb) {
        return switch (mode) {
            case ADD -> Math.min(255, cs + cb);
            case MULTIPLY -> Pixels.div255(cs * cb);
            default -> cs + cb - Pixels.div255(cs * cb);
        };
    }
}
