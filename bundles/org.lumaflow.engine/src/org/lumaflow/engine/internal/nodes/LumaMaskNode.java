package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.PixelNode;
import org.lumaflow.engine.graph.PixelFunction;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.internal.convert.Bt709;
import org.osgi.service.component.annotations.Component;

/** {@code core.luma_mask}: a GRAY8 mask from BT.709 luma, remapped between two thresholds. */
@Component(service = NodeType.class)
public final class LumaMaskNode implements PixelNode {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.luma_mask", "Luma Mask", "Matte",
            "A mask from the image's BT.709 luma: 0 at or below 'low', 255 at or above 'high', linear between.",
            List.of(PortSpec.image("source", "Image whose brightness makes the mask")), PortType.MASK,
            List.of(ParamSpec.number("low", 0, 0, 1, "", "Luma (0..1) mapped to 0"),
                    ParamSpec.number("high", 1, 0, 1, "", "Luma (0..1) mapped to 255"),
                    ParamSpec.bool("invert", false, "Select dark areas instead of bright ones"),
                    ParamSpec.bool("use_alpha", false, "Multiply the mask by the image's alpha")))
            .traits(NodeKind.PER_PIXEL, false);

    /** The luma-to-mask table for one (low, high, invert). Also used by the GPU twin. */
    public record State(double low, double high, boolean invert, byte[] table) {
    }

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        double low = ctx.number("low");
        double high = ctx.number("high");
        boolean invert = ctx.bool("invert");
        boolean useAlpha = ctx.bool("use_alpha");
        State st = state(ctx.state(), low, high, invert);
        if (st != ctx.state()) {
            ctx.setState(st);
        }
        byte[] t = st.table();
        int w = ctx.width();
        ByteBuffer in = Pixels.image(ctx, 0, "source").buffer();
        ByteBuffer out = ctx.output().buffer();
        Parallel.rows(w, ctx.height(), (y0, y1) -> {
            for (int i = y0 * w, end = y1 * w; i < end; i++) {
                int p = in.getInt(i * 4);
                int m = t[Bt709.luma(p)] & 0xFF;
                if (useAlpha) {
                    m = Pixels.div255(m * (p >>> 24));
                }
                out.put(i, (byte) m);
            }
        });
    }

    @Override
    public PixelFunction prepare(NodeContext ctx) {
        boolean useAlpha = ctx.bool("use_alpha");
        State st = state(ctx.state(), ctx.number("low"), ctx.number("high"), ctx.bool("invert"));
        if (st != ctx.state()) {
            ctx.setState(st);
        }
        byte[] t = st.table();
        return (y, w, in, out) -> {
            int[] src = in[0];
            for (int x = 0; x < w; x++) {
                int p = src[x];
                int m = t[Bt709.luma(p)] & 0xFF;
                out[x] = useAlpha ? Pixels.div255(m * (p >>> 24)) : m;
            }
        };
    }

    /** {@code current} if it is the state for these values, else a new one; also used by the GPU twin. */
    public static State state(Object current, double low, double high, boolean invert) {
        return current instanceof State s && s.low() == low && s.high() == high && s.invert() == invert ? s
                : new State(low, high, invert, table(low, high, invert));
    }

    /** mask(luma) = round(255 * (luma - lo) / (hi - lo)), clamped; a step at lo when hi <= lo. */
    private static byte[] table(double low, double high, boolean invert) {
        int lo = (int) Math.round(Pixels.clamp(low, 0, 1) * 255);
        int hi = (int) Math.round(Pixels.clamp(high, 0, 1) * 255);
        byte[] t = new byte[256];
        for (int v = 0; v < 256; v++) {
            int m = hi <= lo ? (v >= lo ? 255 : 0) : Pixels.clamp255(((v - lo) * 510 + (hi - lo)) / (2 * (hi - lo)));
            t[v] = (byte) (invert ? 255 - m : m);
        }
        return t;
    }
}
