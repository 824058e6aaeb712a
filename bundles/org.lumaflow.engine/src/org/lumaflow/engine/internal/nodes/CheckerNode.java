package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/** {@code core.checker}: a checkerboard of square cells, scrollable by an animatable offset. */
@Component(service = NodeType.class)
public final class CheckerNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.checker", "Checkerboard", "Source",
            "A checkerboard of square cells with hard edges; animate the offset to scroll it.", List.of(),
            PortType.IMAGE,
            List.of(ParamSpec.number("size", 64, 1, 4096, "px", "Cell edge length"),
                    ParamSpec.color("color_a", Color.WHITE, "Colour of the cell at the origin"),
                    ParamSpec.color("color_b", Color.BLACK, "Colour of the other cells"),
                    ParamSpec.point("offset", new Point2(0, 0),
                            "Shift of the pattern in frame fractions (1 = one frame width or height)")))
            .traits(NodeKind.GENERATOR, false);

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        int ca = ctx.color("color_a").packed();
        int cb = ctx.color("color_b").packed();
        int w = ctx.width();
        int h = ctx.height();
        long[] grid = grid(ctx);
        long size = grid[0];
        long ox = grid[1];
        long oy = grid[2];
        ByteBuffer buf = ctx.output().buffer();
        Parallel.rows(w, h, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                long rowCell = cell(y, oy, size);
                int row = y * w * 4;
                int x = 0;
                while (x < w) {
                    // cell of this pixel's centre, and the first pixel whose centre lies in the next cell
                    long cell = cell(x, ox, size);
                    long next = Math.ceilDiv((cell + 1) * size + ox - 32768, 65536L);
                    int end = (int) Math.min(w, Math.max(next, x + 1));
                    Pixels.fillRun(buf, row, x, end, ((cell + rowCell) & 1) == 0 ? ca : cb);
                    x = end;
                }
            }
        });
    }

    /** Cell size and pattern offsets {size, ox, oy} in output pixels, 16.16 fixed point; also used by the GPU twin. */
    public static long[] grid(NodeContext ctx) {
        Point2 off = ctx.point("offset");
        return new long[] {Math.max(1L, Math.round(ctx.number("size") * ctx.scale() * 65536)),
            Math.round(off.x() * ctx.width() * 65536), Math.round(off.y() * ctx.height() * 65536)};
    }

    /** The cell along one axis of the centre of pixel {@code i} (16.16 offset and size); also used by the GPU twin. */
    public static long cell(int i, long offset, long size) {
        return Math.floorDiv(i * 65536L + 32768 - offset, size);
    }
}
