package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/** {@code core.smpte_bars}: 75% SMPTE colour bars with reverse-blue strip and PLUGE, in exact full-range codes. */
@Component(service = NodeType.class)
public final class SmpteBarsNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.smpte_bars", "SMPTE Colour Bars", "Source",
            "75% colour bars (EG 1 / RP 219 style): seven bars at code 191, reverse blue bars, -I, 100% white, +Q "
                    + "and a PLUGE. Full-range RGB code values; black is 0, or 19 with setup.",
            List.of(), PortType.IMAGE,
            List.of(ParamSpec.bool("setup", false,
                    "Use 7.5% setup (black = code 19, PLUGE 9/19/29) instead of black = 0 (PLUGE 0/5/10)")))
            .traits(NodeKind.GENERATOR, false);

    /** Section boundaries are in 84ths of the width (84 = lcm of 7 bars, 5/4-bar blocks and 1/3-bar PLUGE steps). */
    private static final int D = 84;
    private static final int[] BARS_X = {0, 12, 24, 36, 48, 60, 72, 84};
    private static final int[] BOTTOM_X = {0, 15, 30, 45, 60, 64, 68, 72, 84};

    // placeholders (alpha 0, so they never equal a real, opaque colour): black level and the three PLUGE steps
    private static final int BLACK = 1;
    private static final int PLUGE_LOW = 2;
    private static final int PLUGE_MID = 3;
    private static final int PLUGE_HIGH = 4;

    private static final int[] TOP = {rgb(191, 191, 191), rgb(191, 191, 0), rgb(0, 191, 191), rgb(0, 191, 0),
        rgb(191, 0, 191), rgb(191, 0, 0), rgb(0, 0, 191)};
    private static final int[] MIDDLE = {rgb(0, 0, 191), BLACK, rgb(191, 0, 191), BLACK, rgb(0, 191, 191), BLACK,
        rgb(191, 191, 191)};
    /** -I, 100% white, +Q, black, PLUGE (below, at, above black), black. */
    private static final int[] BOTTOM = {rgb(0, 33, 76), rgb(255, 255, 255), rgb(50, 0, 106), BLACK, PLUGE_LOW,
        PLUGE_MID, PLUGE_HIGH, BLACK};
    /** Placeholder values without setup: black 0, PLUGE 0 / +2% / +4% (-2% is not representable at full range). */
    private static final int[] LEVELS = {0, grey(0), grey(0), grey(5), grey(10)};
    /** Placeholder values with 7.5% setup: black 19, PLUGE -4% / 0 / +4% around it. */
    private static final int[] LEVELS_SETUP = {0, grey(19), grey(9), grey(19), grey(29)};

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        boolean setup = ctx.bool("setup");
        int[] levels = setup ? LEVELS_SETUP : LEVELS;
        int w = ctx.width();
        int h = ctx.height();
        int yTop = bandEnd(0, h);
        int yMid = bandEnd(1, h);
        ByteBuffer buf = ctx.output().buffer();
        Parallel.rows(w, h, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                int[] colors = y < yTop ? TOP : y < yMid ? MIDDLE : BOTTOM;
                int[] bounds = y < yMid ? BARS_X : BOTTOM_X;
                int row = y * w * 4;
                for (int i = 0; i < colors.length; i++) {
                    Pixels.fillRun(buf, row, edge(w, bounds[i]), edge(w, bounds[i + 1]), level(colors[i], levels));
                }
            }
        });
    }

    /** The first row below band 0 (bars) or 1 (reverse blue) of a frame {@code h} high; also used by the GPU twin. */
    public static int bandEnd(int band, int h) {
        return band == 0 ? (2 * h + 1) / 3 : (3 * h + 2) / 4;
    }

    /** Band 0, 1 or 2 as one colour per column into {@code dst} at {@code off}; also used by the GPU twin. */
    public static void bandColumns(int band, boolean setup, int w, int[] dst, int off) {
        int[] colors = band == 0 ? TOP : band == 1 ? MIDDLE : BOTTOM;
        int[] bounds = band < 2 ? BARS_X : BOTTOM_X;
        int[] levels = setup ? LEVELS_SETUP : LEVELS;
        for (int i = 0; i < colors.length; i++) {
            Arrays.fill(dst, off + edge(w, bounds[i]), off + edge(w, bounds[i + 1]), level(colors[i], levels));
        }
    }

    /** {@code c}, or the value of the placeholder {@code c} in {@code levels}. */
    private static int level(int c, int[] levels) {
        return c >>> 24 == 0 ? levels[c] : c;
    }

    /** Pixel column of boundary {@code n}/84 of the width, rounded. */
    private static int edge(int w, int n) {
        return (int) (((long) w * n * 2 + D) / (2 * D));
    }

    private static int rgb(int r, int g, int b) {
        return Pixels.pack(r, g, b, 255);
    }

    private static int grey(int v) {
        return rgb(v, v, v);
    }
}
