package org.lumaflow.engine.vulkan.internal.nodes;

import java.nio.ByteBuffer;

import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.smpte_bars} on the GPU ({@code shaders/smpte_bars.comp}): the CPU node's layout (boundaries in 84ths of
 * the width, band rows in thirds and quarters of the height) and codes, expanded here into one colour per column for
 * each of the three bands.
 */
final class SmpteBarsGpu implements GpuNode {

    private static final int D = 84;
    private static final int[] BARS_X = {0, 12, 24, 36, 48, 60, 72, 84};
    private static final int[] BOTTOM_X = {0, 15, 30, 45, 60, 64, 68, 72, 84};

    // placeholders (alpha 0): black level and the three PLUGE steps
    private static final int BLACK = 1;
    private static final int PLUGE_LOW = 2;
    private static final int PLUGE_MID = 3;
    private static final int PLUGE_HIGH = 4;

    private static final int[] TOP = {rgb(191, 191, 191), rgb(191, 191, 0), rgb(0, 191, 191), rgb(0, 191, 0),
        rgb(191, 0, 191), rgb(191, 0, 0), rgb(0, 0, 191)};
    private static final int[] MIDDLE = {rgb(0, 0, 191), BLACK, rgb(191, 0, 191), BLACK, rgb(0, 191, 191), BLACK,
        rgb(191, 191, 191)};
    private static final int[] BOTTOM = {rgb(0, 33, 76), rgb(255, 255, 255), rgb(50, 0, 106), BLACK, PLUGE_LOW,
        PLUGE_MID, PLUGE_HIGH, BLACK};
    private static final int[] LEVELS = {0, grey(0), grey(0), grey(5), grey(10)};
    private static final int[] LEVELS_SETUP = {0, grey(19), grey(9), grey(19), grey(29)};
    private static final int[][] BANDS = {TOP, MIDDLE, BOTTOM};

    @Override
    public void record(GpuNodeContext c) {
        int[] levels = c.params().bool("setup") ? LEVELS_SETUP : LEVELS;
        int w = c.width();
        int h = c.height();
        GpuSlice colors = c.constants(3 * w * 4);
        ByteBuffer b = colors.bytes();
        for (int band = 0; band < 3; band++) {
            int[] cols = BANDS[band];
            int[] bounds = band < 2 ? BARS_X : BOTTOM_X;
            for (int i = 0; i < cols.length; i++) {
                int col = cols[i];
                if (col >>> 24 == 0) {
                    col = levels[col];
                }
                for (int x = edge(w, bounds[i]), end = edge(w, bounds[i + 1]); x < end; x++) {
                    b.putInt((band * w + x) * 4, col);
                }
            }
        }
        c.push().putInt(0, w).putInt(4, h).putInt(8, (2 * h + 1) / 3).putInt(12, (3 * h + 2) / 4);
        c.bind(c.output()).bind(colors).dispatch(c.kernel("smpte_bars", 2), GpuNodeContext.groups(w, 8),
                GpuNodeContext.groups(h, 8));
    }

    /** Pixel column of boundary {@code n}/84 of the width, rounded. */
    private static int edge(int w, int n) {
        return (int) (((long) w * n * 2 + D) / (2 * D));
    }

    private static int rgb(int r, int g, int b) {
        return (255 << 24) | (b << 16) | (g << 8) | r;
    }

    private static int grey(int v) {
        return rgb(v, v, v);
    }
}
