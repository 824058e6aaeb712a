package org.lumaflow.engine.internal.render;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;

/**
 * Outputs that cannot change from frame to frame, kept across renders: a node is static when its type is not
 * time-varying ({@link org.lumaflow.engine.graph.NodeDescriptor#timeVarying()}), none of its parameters is animated
 * and all its connected inputs are static. A static node whose output is stored as a frame (not inlined into a fused
 * pass) is rendered once per output size and scale, copied into a detached frame (outside the pool: a cache is not a
 * lease) and handed out by reference afterwards. A title, a still or a static overlay is thus rasterized once, and a
 * static branch of any depth costs nothing per frame. Outputs that came with an error or warning are not kept.
 */
final class StaticOutputs {

    private final boolean[] isStatic;
    private final Frame[] kept;
    /** Per kept RGBA8 output: its first and last row with a pixel of alpha above 0 (first > last: all clear). */
    private final int[][] content;
    private int width = -1;
    private int height = -1;
    private double scale = Double.NaN;

    private StaticOutputs(boolean[] isStatic) {
        this.isStatic = isStatic;
        this.kept = new Frame[isStatic.length];
        this.content = new int[isStatic.length][];
    }

    /** Finds the static nodes of {@code nodes} (evaluation order); inlined ones are computed in their pass. */
    static StaticOutputs of(CompiledNode[] nodes, boolean[] inlined, boolean cache) {
        boolean[] st = new boolean[nodes.length];
        boolean[] keep = new boolean[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            CompiledNode n = nodes[i];
            boolean s = !n.descriptor.timeVarying() && !n.animated;
            for (int src : n.inputs) {
                s &= src < 0 || st[src];
            }
            st[i] = s;
            keep[i] = cache && s && !inlined[i];
        }
        return new StaticOutputs(keep);
    }

    /** Whether node {@code i}'s output is kept across frames. */
    boolean isStatic(int i) {
        return isStatic[i];
    }

    /** Node {@code i}'s kept output (not retained for the caller), or null. */
    Frame get(int i) {
        return kept[i];
    }

    /**
     * The first and last row of node {@code i}'s kept output that have a pixel of alpha above 0 (first > last when
     * every row is clear), or null when nothing is kept or it is not RGBA8. Rows outside are fully transparent: a
     * fused pass composites such an input only inside them.
     */
    int[] contentRows(int i) {
        return content[i];
    }

    /** Keeps node {@code i}'s fresh output {@code out}; returns the frame to use this frame (the caller's reference). */
    Frame keep(int i, Frame out) {
        Frame k;
        if (out.isDetached()) {
            k = out.retain(); // a kept output passed through: share it
        } else {
            k = Frame.detached(out.key());
            k.copyFrom(out);
            k.setTime(out.time());
        }
        kept[i] = k;
        content[i] = k.format() == PixelFormat.RGBA8 ? rowsWithAlpha(k) : null;
        return out;
    }

    /** First and last row with a pixel of alpha above 0. */
    private static int[] rowsWithAlpha(Frame f) {
        int w = f.width();
        int h = f.height();
        ByteBuffer b = f.buffer();
        int stride = f.stride();
        int first = h;
        int last = -1;
        for (int y = 0; y < h; y++) {
            int o = y * stride + 3;
            for (int x = 0; x < w; x++, o += 4) {
                if (b.get(o) != 0) {
                    first = Math.min(first, y);
                    last = y;
                    break;
                }
            }
        }
        return new int[] {first, last};
    }

    /** Drops what was kept for another output size or scale. */
    void resize(int w, int h, double s) {
        if (w == width && h == height && Double.compare(s, scale) == 0) {
            return;
        }
        for (int i = 0; i < kept.length; i++) {
            if (kept[i] != null) {
                kept[i].release();
                kept[i] = null;
                content[i] = null;
            }
        }
        width = w;
        height = h;
        scale = s;
    }
}
