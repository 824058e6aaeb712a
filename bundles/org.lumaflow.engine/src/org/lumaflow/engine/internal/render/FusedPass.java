package org.lumaflow.engine.internal.render;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.graph.PixelFunction;
import org.lumaflow.engine.graph.PixelNode;
import org.lumaflow.engine.internal.convert.Yuv420Writer;

/**
 * Evaluates a {@link FusedGroup} in one pass over the frame: per band of rows (one per pixel worker), each row of the
 * external inputs is read once, every member's function runs on rows held in per-thread arrays (L1-sized at 1080p),
 * and only the root's row is stored, as RGBA8/GRAY8 or, at the end of a graph rendered for an encoder, straight as
 * NV12/I420 (rows in pairs). Allocates nothing per frame once the threads are warm (beyond the band lambdas).
 * <p>
 * Bounding rows: outside the rows of a static input (a title, a still, an overlay) that hold any alpha, a member whose
 * function declares {@link PixelFunction#clearRowPassesThrough} is not computed and the static row is not read; the
 * member's row is the input it names (the background), so a title is composited only inside its bounding rows.
 */
final class FusedPass {

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    /** Per-thread rows: two sets (a row pair for 4:2:0 output), the members' input arrays and a byte row. */
    private static final class Work {
        int[][][] rows = new int[2][0][];
        int[][][] ins = new int[0][][];
        /** Per member: the slot holding its row for the row being computed. */
        int[] res = new int[0];
        byte[] bytes = new byte[0];
        int width = -1;
        final Yuv420Writer yuv = new Yuv420Writer();

        void ensure(FusedGroup g, int w) {
            int slots = g.slots();
            if (width != w || rows[0].length < slots) {
                int n = Math.max(slots, rows[0].length);
                for (int s = 0; s < 2; s++) {
                    rows[s] = new int[n][w];
                }
                width = w;
            }
            if (ins.length < g.members.length) {
                ins = java.util.Arrays.copyOf(ins, g.members.length);
            }
            if (res.length < g.members.length) {
                res = new int[g.members.length];
            }
            for (int k = 0; k < g.members.length; k++) {
                int ports = g.inputSlots[k].length;
                if (ins[k] == null || ins[k].length < ports) {
                    ins[k] = new int[ports][];
                }
            }
            if (bytes.length < w) {
                bytes = new byte[w];
            }
        }
    }

    private final CompiledNode[] nodes;

    FusedPass(CompiledNode[] nodes) {
        this.nodes = nodes;
    }

    /**
     * Evaluates the members' parameters at {@code time} and asks each for this frame's function. Returns null when
     * all went well, else the failure (the caller then renders the group node by node, where it is contained).
     */
    Throwable prepare(FusedGroup g, NodeContextImpl ctx, long time, int w, int h, double scale) {
        int e = g.externals.length;
        for (int k = 0; k < g.members.length; k++) {
            CompiledNode n = nodes[g.members[k]];
            long local = n.local(time);
            PixelFunction f;
            try {
                n.evaluate(local);
                ctx.begin(n, g.members[k], time, local, w, h, scale, null);
                f = ((PixelNode) n.type).prepare(ctx);
            } catch (Throwable t) {
                if (t instanceof VirtualMachineError v && !(v instanceof OutOfMemoryError)) {
                    throw v;
                }
                return t;
            } finally {
                ctx.end();
            }
            if (f == null) {
                return new IllegalStateException("prepare() returned no function");
            }
            g.functions[k] = f;
            int[] through = g.clearThrough[k];
            try {
                for (int p = 0; p < through.length; p++) {
                    int q = f.clearRowPassesThrough(p);
                    through[p] = q >= 0 && q < through.length && q != p && g.inputSlots[k][q] >= 0 ? q : -1;
                }
            } catch (RuntimeException ex) {
                return ex;
            }
            int own = e + k;
            if (f instanceof PixelFunction.PassThrough p) {
                int port = p.index();
                int slot = port < g.inputSlots[k].length ? g.inputSlots[k][port] : -1;
                if (slot < 0) {
                    return new IllegalStateException("passes through input " + port + ", which is not connected");
                }
                own = slot < e ? slot : g.resolved[slot - e];
            }
            g.resolved[k] = own;
        }
        for (int x = 0; x < e; x++) {
            boolean skip = true;
            for (int k = 0; k < g.members.length && skip; k++) {
                int[] slots = g.inputSlots[k];
                int passed = g.functions[k] instanceof PixelFunction.PassThrough pt ? pt.index() : -1;
                for (int p = 0; p < slots.length; p++) {
                    if (slots[p] == x && (passed >= 0 ? passed == p : g.clearThrough[k][p] < 0)) {
                        skip = false;
                    }
                }
            }
            g.skippable[x] = skip;
        }
        return null;
    }

    /** The external input the prepared root forwards unchanged, or -1 when the pass must run. */
    int forwardedExternal(FusedGroup g) {
        int r = g.resolved[g.members.length - 1];
        return r < g.externals.length ? r : -1;
    }

    /**
     * Runs the prepared group into {@code out} (RGBA8, GRAY8, or NV12/I420 converted from the root's RGBA rows),
     * reading external input {@code k} from {@code ext[k]}. {@code content[k]}, where not null, is the first and last
     * row of {@code ext[k]} with a pixel of alpha above 0 (a static input's bounding rows): outside them a member
     * that declares it ({@link PixelFunction#clearRowPassesThrough}) is not computed, its row is its other input's.
     */
    void run(FusedGroup g, Frame[] ext, int[][] content, Frame out) {
        int w = out.width();
        int h = out.height();
        int e = g.externals.length;
        IntBuffer[] extInts = new IntBuffer[e];
        ByteBuffer[] extBytes = new ByteBuffer[e];
        for (int k = 0; k < e; k++) {
            if (g.externalMask[k]) {
                extBytes[k] = ext[k].buffer();
            } else {
                extInts[k] = ext[k].buffer().asIntBuffer();
            }
        }
        PixelFormat format = out.format();
        ByteBuffer outBuf = out.buffer();
        if (Yuv420Writer.writes(format)) {
            Parallel.rows(w, h / 2, (c0, c1) -> {
                Work work = WORK.get();
                work.ensure(g, w);
                for (int cy = c0; cy < c1; cy++) {
                    int[] a = rowOf(g, work, 0, 2 * cy, w, extInts, extBytes, content);
                    int[] b = rowOf(g, work, 1, 2 * cy + 1, w, extInts, extBytes, content);
                    work.yuv.write(a, b, w, h, cy, outBuf, format);
                }
            });
            return;
        }
        boolean mask = format == PixelFormat.GRAY8;
        IntBuffer outInts = mask ? null : outBuf.asIntBuffer();
        Parallel.rows(w, h, (y0, y1) -> {
            Work work = WORK.get();
            work.ensure(g, w);
            for (int y = y0; y < y1; y++) {
                int[] row = rowOf(g, work, 0, y, w, extInts, extBytes, content);
                if (mask) {
                    byte[] b = work.bytes;
                    for (int x = 0; x < w; x++) {
                        b[x] = (byte) row[x];
                    }
                    outBuf.put(y * w, b, 0, w);
                } else {
                    outInts.put(y * w, row, 0, w);
                }
            }
        });
    }

    /** Computes row {@code y} of the group in row set {@code set}; returns the root's row. */
    private int[] rowOf(FusedGroup g, Work work, int set, int y, int w, IntBuffer[] extInts, ByteBuffer[] extBytes,
            int[][] content) {
        int[][] rows = work.rows[set];
        int e = g.externals.length;
        for (int k = 0; k < e; k++) {
            if (content != null && g.skippable[k] && clear(content[k], y)) {
                continue; // not read: every member that uses this row passes another input through
            }
            if (extInts[k] != null) {
                extInts[k].get(y * w, rows[k], 0, w);
            } else {
                byte[] b = work.bytes;
                extBytes[k].get(y * w, b, 0, w);
                int[] r = rows[k];
                for (int x = 0; x < w; x++) {
                    r[x] = b[x] & 0xFF;
                }
            }
        }
        int[] res = work.res;
        int last = g.members.length - 1;
        for (int k = 0; k <= last; k++) {
            int[] slots = g.inputSlots[k];
            PixelFunction f = g.functions[k];
            int through = f instanceof PixelFunction.PassThrough pt ? pt.index() : -1;
            if (through < 0 && content != null) {
                int[] ct = g.clearThrough[k];
                for (int p = 0; p < ct.length; p++) {
                    int s = slots[p];
                    if (ct[p] >= 0 && s >= 0 && s < e && clear(content[s], y)) {
                        through = ct[p];
                        break;
                    }
                }
            }
            if (through >= 0) {
                int s = slots[through];
                res[k] = s < e ? s : res[s - e]; // passed through: its row is its input's
                continue;
            }
            int[][] in = work.ins[k];
            for (int p = 0; p < slots.length; p++) {
                int s = slots[p];
                in[p] = s < 0 ? null : rows[s < e ? s : res[s - e]];
            }
            f.apply(y, w, in, rows[e + k]);
            res[k] = e + k;
        }
        return rows[res[last]];
    }

    /** Whether row {@code y} lies outside {@code content} (first and last rows with alpha; null: all rows count). */
    private static boolean clear(int[] content, int y) {
        return content != null && (y < content[0] || y > content[1]);
    }
}
