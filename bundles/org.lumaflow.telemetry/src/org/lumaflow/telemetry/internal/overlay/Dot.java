package org.lumaflow.telemetry.internal.overlay;

import static org.lumaflow.telemetry.internal.overlay.OverlayNode.FILL;
import static org.lumaflow.telemetry.internal.overlay.OverlayNode.NODE;
import static org.lumaflow.telemetry.internal.overlay.OverlayNode.RIM;

import org.lumaflow.engine.graph.NodeContext;

/**
 * The moving marker dot of the minimap and the g-meter: its uniforms (centre x, y; radius; border; shown; fill and rim
 * colours), how a frame fills them, its bounds and its pixels on the CPU and in GLSL ({@code uint markerDot}).
 */
final class Dot {

    static final int X = NODE; // x, y
    static final int RADIUS = NODE + 2;
    static final int BORDER = NODE + 3;
    static final int SHOW = NODE + 4;

    /** GLSL of {@link #shade}, the same arithmetic. */
    static final String GLSL = """
            uint markerDot(uint c, ivec2 l) {
                if (u(12) != 0.0) {
                    vec2 p = vec2(float(l.x) + 0.5, float(l.y) + 0.5);
                    vec2 m = vec2(u(8), u(9));
                    float r = u(10);
                    if (abs(p.x - m.x) <= r + 1.0 && abs(p.y - m.y) <= r + 1.0) {
                        c = disc(c, p, m, r, u(11), colour(16), colour(20));
                    }
                }
                return c;
            }
            """;

    private Dot() {
    }

    /** Shows the dot at {@code x, y} with radius {@code r}: accent fill, a rim of the "color" parameter. */
    static void set(NodeContext ctx, float[] u, float x, float y, float r) {
        u[X] = x;
        u[X + 1] = y;
        u[RADIUS] = r;
        u[BORDER] = Math.max(1f, r * 0.3f);
        u[SHOW] = 1;
        Px.colour(u, FILL, OverlayNode.packed(ctx, "accent"));
        Px.colour(u, RIM, OverlayNode.packed(ctx, "color"));
    }

    /** The dot's bounds into box {@code k} when shown; returns the next box index. */
    static int box(float[] u, int[] out, int k) {
        if (u[SHOW] == 0) {
            return k;
        }
        float r = u[RADIUS] + 1f;
        return OverlayNode.box(u[X] - r, u[X + 1] - r, u[X] + r, u[X + 1] + r, out, k);
    }

    /** The dot over pixel {@code c} at widget pixel {@code lx, ly} (unchanged when hidden or outside). */
    static int shade(int c, int lx, int ly, float[] u) {
        if (u[SHOW] != 0) {
            float px = lx + 0.5f;
            float py = ly + 0.5f;
            float r = u[RADIUS];
            if (Math.abs(px - u[X]) <= r + 1f && Math.abs(py - u[X + 1]) <= r + 1f) {
                c = Px.disc(c, px, py, u[X], u[X + 1], r, u[BORDER], Px.colour(u, FILL), Px.colour(u, RIM));
            }
        }
        return c;
    }
}
