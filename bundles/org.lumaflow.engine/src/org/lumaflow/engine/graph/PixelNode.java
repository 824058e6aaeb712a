package org.lumaflow.engine.graph;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link NodeKind#PER_PIXEL} node type given as a function of the input pixels at the same position. The CPU
 * engine fuses chains of such nodes (with the conversion to the encoder's 4:2:0 at the end of a graph) into one pass
 * over the frame, row by row, so intermediate images are never written to memory; the output is bit-identical to
 * rendering the nodes one by one. Declare {@link NodeKind#PER_PIXEL} in the descriptor.
 * <p>
 * {@link #render} defaults to running the function over the whole frame ({@link #renderRows}); a type may keep its own
 * implementation, which must give the same pixels.
 *
 * @since 1.2
 */
@ConsumerType
public interface PixelNode extends NodeType {

    /**
     * This frame's function, from the parameters, time, size and state read through {@code ctx}. Do not read or
     * write frames here: inputs may not exist as frames in a fused pass; use {@link NodeContext#connected} to learn
     * which inputs are connected. Return {@link PixelFunction#passThrough} where the node changes nothing.
     */
    PixelFunction prepare(NodeContext ctx) throws Exception;

    @Override
    default void render(NodeContext ctx) throws Exception {
        renderRows(ctx, prepare(ctx));
    }

    /** Runs {@code f} over every row of {@code ctx}'s output (one thread), reading the connected inputs. */
    static void renderRows(NodeContext ctx, PixelFunction f) {
        if (f instanceof PixelFunction.PassThrough p) {
            ctx.passThrough(p.index());
            return;
        }
        int w = ctx.width();
        int h = ctx.height();
        int ports = ctx.inputCount();
        int[][] in = new int[ports][];
        Frame[] frames = new Frame[ports];
        for (int p = 0; p < ports; p++) {
            frames[p] = ctx.input(p);
            in[p] = frames[p] == null ? null : new int[w];
        }
        int[] out = new int[w];
        Frame o = ctx.output();
        for (int y = 0; y < h; y++) {
            for (int p = 0; p < ports; p++) {
                if (frames[p] != null) {
                    readRow(frames[p], y, in[p]);
                }
            }
            f.apply(y, w, in, out);
            writeRow(o, y, out);
        }
    }

    /** Row {@code y} of an RGBA8 or GRAY8 frame as ints. */
    private static void readRow(Frame f, int y, int[] row) {
        int w = f.width();
        ByteBuffer b = f.buffer();
        if (f.format() == PixelFormat.GRAY8) {
            for (int x = 0; x < w; x++) {
                row[x] = b.get(y * w + x) & 0xFF;
            }
        } else {
            b.asIntBuffer().get(y * w, row, 0, w);
        }
    }

    private static void writeRow(Frame f, int y, int[] row) {
        int w = f.width();
        ByteBuffer b = f.buffer();
        if (f.format() == PixelFormat.GRAY8) {
            for (int x = 0; x < w; x++) {
                b.put(y * w + x, (byte) row[x]);
            }
        } else {
            b.asIntBuffer().put(y * w, row, 0, w);
        }
    }
}
