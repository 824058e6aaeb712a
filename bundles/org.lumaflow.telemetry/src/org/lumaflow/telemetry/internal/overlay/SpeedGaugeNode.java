package org.lumaflow.telemetry.internal.overlay;

import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.graph.RasterLayer;
import org.osgi.service.component.annotations.Component;


/**
 * {@code telemetry.speed_gauge}: the ground speed as a dial (face, ticks and labels in the static layer; needle, hub
 * and digits per frame) or as a digital readout.
 */
@Component(service = NodeType.class)
public final class SpeedGaugeNode extends OverlayNode {

    static final String ID = "telemetry.speed_gauge";
    /** Dial angles (radians, clockwise from +x with y down): 0 at the bottom left, full scale at the bottom right. */
    static final double START = Math.toRadians(135);
    static final double SWEEP = Math.toRadians(270);
    // uniforms
    static final int CX = NODE;
    static final int TIP = NODE + 2;
    static final int HALF = NODE + 4;
    static final int HUB = NODE + 5;
    static final int DIAL = NODE + 6;
    static final int NEEDLE = FILL;

    static final NodeDescriptor DESCRIPTOR = widget(ID, "Speed gauge",
            "Ground speed from the telemetry file as a dial with a needle or as a digital readout, in km/h or mph.",
            new Point2(0.12, 0.8), 260,
            ParamSpec.choice("style", "Dial with a needle, or digits only", "dial", "digital"),
            ParamSpec.number("max_speed", 80, 1, 2000, "km/h|mph", "Full scale of the dial, in the chosen units"),
            ParamSpec.integer("decimals", 0, 0, 2, "", "Decimals of the digits"));

    /** Geometry of one size: cell of the digits and the dial's centre and radius. */
    record Geometry(boolean dial, float cx, float cy, float r, int[] cell, int atlasY) {
    }

    public SpeedGaugeNode() {
        super(DESCRIPTOR);
    }

    @Override
    int height(NodeContext ctx, int w) {
        return "dial".equals(ctx.choice("style")) ? w : (int) Math.round(w * 0.42);
    }

    @Override
    String missing(NodeContext ctx, Track t) {
        return t.speedSeries == null && t.times.length < 2 ? "has no speed and no GPS track" : null;
    }

    @Override
    long style(NodeContext ctx) {
        return ctx.choice("style").hashCode() * 31L + Double.hashCode(ctx.number("max_speed"));
    }

    @Override
    String describe(NodeContext ctx, int w, int h, Track t) {
        // the face does not depend on the telemetry
        return ctx.choice("style") + "|" + ctx.number("max_speed");
    }

    @Override
    Object geometry(NodeContext ctx, int w, int h, Track t) {
        boolean dial = "dial".equals(ctx.choice("style"));
        int[] cell = Glyphs.cell(dial ? w * 0.14f : h * 0.62f);
        return new Geometry(dial, w / 2f, h / 2f, w / 2f - 1, cell, h);
    }

    @Override
    RasterLayer draw(NodeContext ctx, int w, int h, Track t, Object geometry, String key) {
        Geometry g = (Geometry) geometry;
        Painter p = painter(w, h, g.cell());
        int color = packed(ctx, "color");
        int accent = packed(ctx, "accent");
        String unit = speedUnit(imperial(ctx));
        if (g.dial()) {
            float r = g.r();
            p.g.setColor(Painter.awt(packed(ctx, "panel")));
            p.g.fill(new Ellipse2D.Float(g.cx() - r, g.cy() - r, 2 * r, 2 * r));
            double max = ctx.number("max_speed");
            double step = niceStep(max);
            Font labels = Painter.font(Font.PLAIN, r * 0.15f);
            for (int k = 0; k * step / 5 <= max + 1e-9; k++) {
                double v = k * step / 5;
                double a = START + SWEEP * v / max;
                boolean major = k % 5 == 0;
                float r0 = r * (major ? 0.78f : 0.85f);
                float r1 = r * 0.93f;
                p.stroke(Math.max(1, r * (major ? 0.025f : 0.012f)));
                p.g.setColor(Painter.awt(major ? color : accent));
                p.g.draw(new Line2D.Double(g.cx() + r0 * Math.cos(a), g.cy() + r0 * Math.sin(a),
                        g.cx() + r1 * Math.cos(a), g.cy() + r1 * Math.sin(a)));
                if (major) {
                    float rl = r * 0.62f;
                    p.centred(format(v), labels, color, (float) (g.cx() + rl * Math.cos(a)),
                            (float) (g.cy() + rl * Math.sin(a)));
                }
            }
            p.centred(unit, Painter.font(Font.PLAIN, r * 0.13f), color, g.cx(), g.cy() + r * 0.8f);
        } else {
            p.panel(w, h, packed(ctx, "panel"), 0.18f);
            p.left(unit, Painter.font(Font.PLAIN, h * 0.2f), color, w * 0.74f, h * 0.62f);
        }
        Glyphs.draw(p.g, g.dial() ? w * 0.14f : h * 0.62f, g.cell(), 0, h, color);
        return p.layer(key);
    }

    /** A round step between major ticks (about five to ten over the scale). */
    static double niceStep(double max) {
        double raw = max / 8;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / mag;
        return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(Math.round(v * 10) / 10.0);
    }

    /** Needle angle for a speed {@code v} on a scale of {@code max} (clamped to the scale). */
    static double angle(double v, double max) {
        double f = Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v / max));
        return START + SWEEP * f;
    }

    @Override
    void frame(NodeContext ctx, Track track, Object geometry, double t, float[] u) {
        Geometry g = (Geometry) geometry;
        boolean imp = imperial(ctx);
        double v = speed(track.speed(t), imp);
        int n = Glyphs.number(v, ctx.integer("decimals"), u, TEXT);
        if (g.dial()) {
            double a = angle(v, ctx.number("max_speed"));
            float len = g.r() * 0.86f;
            u[CX] = g.cx();
            u[CX + 1] = g.cy();
            u[TIP] = (float) (g.cx() + len * Math.cos(a));
            u[TIP + 1] = (float) (g.cy() + len * Math.sin(a));
            u[HALF] = Math.max(1f, g.r() * 0.022f);
            u[HUB] = Math.max(2f, g.r() * 0.07f);
            u[DIAL] = 1;
            Px.colour(u, NEEDLE, packed(ctx, "accent"));
            Px.colour(u, RIM, packed(ctx, "color"));
            Glyphs.place(u, TEXT, n, g.cell(), g.cx(), g.cy() + g.r() * 0.42f, 0, g.atlasY());
        } else {
            Glyphs.place(u, TEXT, n, g.cell(), (float) u[W] * 0.71f, (float) u[H] * 0.5f, 1, g.atlasY());
        }
    }

    /** Boxes the needle is cut into for {@link #boxes} (with the digits' box at most 8, the size of the scratch). */
    static final int NEEDLE_PIECES = 6;

    @Override
    int boxes(float[] u, int[] out) {
        int k = textBox(u, TEXT, out, 0);
        if (u[DIAL] != 0) {
            // the needle (hub included) as a chain of short boxes along it: a diagonal needle's single bounding box
            // would have every pixel of up to a quarter of the dial shaded each frame, most of them far from it
            float m = Math.max(u[HALF], u[HUB]) + 1f;
            float cx = u[CX];
            float cy = u[CX + 1];
            float dx = (u[TIP] - cx) / NEEDLE_PIECES;
            float dy = (u[TIP + 1] - cy) / NEEDLE_PIECES;
            for (int p = 0; p < NEEDLE_PIECES; p++) {
                float ax = cx + dx * p;
                float ay = cy + dy * p;
                float bx = ax + dx;
                float by = ay + dy;
                k = box(Math.min(ax, bx) - m, Math.min(ay, by) - m, Math.max(ax, bx) + m, Math.max(ay, by) + m, out,
                        k);
            }
        }
        return k;
    }

    @Override
    int shade(int lx, int ly, float[] u, RasterLayer layer) {
        int c = layer.pixel(lx, ly);
        if (u[DIAL] != 0) {
            float px = lx + 0.5f;
            float py = ly + 0.5f;
            float cx = u[CX];
            float cy = u[CX + 1];
            float tx = u[TIP];
            float ty = u[TIP + 1];
            float hw = u[HALF];
            float m = hw + 1f;
            if (px >= Math.min(cx, tx) - m && px <= Math.max(cx, tx) + m && py >= Math.min(cy, ty) - m
                    && py <= Math.max(cy, ty) + m) {
                c = Px.over(Px.cover(Px.colour(u, NEEDLE), Px.edge(hw, Px.segment(px, py, cx, cy, tx, ty))), c);
            }
            float hub = u[HUB];
            if (Math.abs(px - cx) <= hub + 1f && Math.abs(py - cy) <= hub + 1f) {
                c = Px.disc(c, px, py, cx, cy, hub, hub * 0.35f, Px.colour(u, NEEDLE), Px.colour(u, RIM));
            }
        }
        return Px.text(c, lx, ly, u, TEXT, layer);
    }

    @Override
    String widgetGlsl() {
        return widgetWithText(DIAL, """
                vec2 ctr = vec2(u(8), u(9));
                vec2 tip = vec2(u(10), u(11));
                float hw = u(12);
                float m = hw + 1.0;
                if (p.x >= min(ctr.x, tip.x) - m && p.x <= max(ctr.x, tip.x) + m
                        && p.y >= min(ctr.y, tip.y) - m && p.y <= max(ctr.y, tip.y) + m) {
                    c = over(cover(colour(16), edge(hw, segment(p, ctr, tip))), c);
                }
                float hub = u(13);
                if (abs(p.x - ctr.x) <= hub + 1.0 && abs(p.y - ctr.y) <= hub + 1.0) {
                    c = disc(c, p, ctr, hub, hub * 0.35, colour(16), colour(20));
                }
                """);
    }
}
