package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/** {@code core.zone_plate}: a moving circular zone plate, {@code 0.5 + 0.5 cos(k r^2 + phase)}, in grey. */
@Component(service = NodeType.class)
public final class ZonePlateNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.zone_plate", "Zone Plate", "Source",
            "A circular zone plate centred in the frame: spatial frequency grows linearly with the distance from "
                    + "the centre. Tests scalers, encoders and motion handling.",
            List.of(), PortType.IMAGE,
            List.of(ParamSpec.number("frequency", 0.25, 0, 4, "cycles/px",
                    "Spatial frequency reached at the left and right frame edges, in cycles per project pixel "
                            + "(0.5 = Nyquist)"),
                    ParamSpec.number("speed", 1, -100, 100, "cycles/s", "Phase speed: rings move outwards "
                            + "for negative values, inwards for positive")))
            .traits(NodeKind.GENERATOR, true);

    /** 0.5 + 0.5 cos(2 pi i / 1024) as opaque grey pixels, computed with StrictMath (same on every JVM). */
    private static final int[] COS = new int[1024];

    static {
        for (int i = 0; i < COS.length; i++) {
            int v = (int) Math.floor(127.5 + 127.5 * StrictMath.cos(2 * Math.PI * i / COS.length) + 0.5);
            COS[i] = Pixels.pack(v, v, v, 255);
        }
    }

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        int w = ctx.width();
        int h = ctx.height();
        long k = ring(ctx);
        long phase = phase(ctx);
        ByteBuffer buf = ctx.output().buffer();
        int[] table = COS;
        Parallel.rows(w, h, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                long dy = 2L * y + 1 - h;
                long dy2 = dy * dy;
                int row = y * w * 4;
                for (int x = 0; x < w; x++) {
                    long dx = 2L * x + 1 - w;
                    int idx = (int) ((k * (dx * dx + dy2) + phase) >>> 32) & 1023;
                    buf.putInt(row + x * 4, table[idx]);
                }
            }
        });
    }

    /**
     * The table index per unit of s = (2x + 1 - w)^2 + (2y + 1 - h)^2 = 4 r^2 (r in output pixels, from the
     * centre), in 32.32 fixed point: cycles(r) = f r^2 / (2 R scale) with R = w / 2, so that the local frequency at
     * r = R is f per project px; table index = cycles * 1024. Only the low bits matter, so products may wrap. Also
     * used by the GPU twin.
     */
    public static long ring(NodeContext ctx) {
        return Math.round(ctx.number("frequency") * 1024 / (4.0 * ctx.width() * ctx.scale()) * 4294967296.0);
    }

    /** The table index added at the current time (32.32 fixed point, plus one half); also used by the GPU twin. */
    public static long phase(NodeContext ctx) {
        double cycles = ctx.number("speed") * ctx.seconds();
        return Math.round((cycles - Math.floor(cycles)) * 1024 * 4294967296.0) + (1L << 31);
    }

    /** A copy of the cosine table ({@code 0.5 + 0.5 cos}, opaque grey pixels); also used by the GPU twin. */
    public static int[] cosTable() {
        return COS.clone();
    }
}
