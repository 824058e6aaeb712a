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
 * {@code telemetry.g_meter}: the acceleration felt, as a dot on a target of rings (the two chosen camera axes, gravity
 * removed: the mean over a few seconds is taken as gravity) and the total in g as digits (1.0 at rest).
 */
@Component(service = NodeType.class)
public final class GMeterNode extends OverlayNode {

    static final String ID = "telemetry.g_meter";
    /** Seconds either side over which the mean acceleration is taken as gravity. */
    static final double GRAVITY_WINDOW = 1.5;

    static final NodeDescriptor DESCRIPTOR = widget(ID, "G-meter",
            "Acceleration from the telemetry's accelerometer: a dot on rings (gravity removed) and the total in g.",
            new Point2(0.88, 0.8), 220,
            ParamSpec.number("max_g", 2, 0.1, 20, "g", "Acceleration at the outer ring"),
            ParamSpec.number("smoothing", 0.2, 0, 5, "s", "Averaging window of the readings"),
            ParamSpec.choice("axis_h", "Camera axis shown left-right", "x", "y", "z"),
            ParamSpec.choice("axis_v", "Camera axis shown up-down", "z", "x", "y"));

    record Geometry(float cx, float cy, float r, int[] cell, int atlasY) {
    }

    /** Per-thread scratch for the means (no allocation per frame). */
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[6]);

    public GMeterNode() {
        super(DESCRIPTOR);
    }

    @Override
    int height(NodeContext ctx, int w) {
        return w;
    }

    @Override
    String missing(NodeContext ctx, Track t) {
        return t.accel == null ? "has no accelerometer stream" : null;
    }

    @Override
    long style(NodeContext ctx) {
        return Double.hashCode(ctx.number("max_g"));
    }

    @Override
    String describe(NodeContext ctx, int w, int h, Track t) {
        return String.valueOf(ctx.number("max_g"));
    }

    @Override
    Object geometry(NodeContext ctx, int w, int h, Track t) {
        return new Geometry(w / 2f, h / 2f, w / 2f - 1, Glyphs.cell(w * 0.13f), h);
    }

    @Override
    RasterLayer draw(NodeContext ctx, int w, int h, Track t, Object geometry, String key) {
        Geometry g = (Geometry) geometry;
        Painter p = painter(w, h, g.cell());
        int color = packed(ctx, "color");
        int accent = packed(ctx, "accent");
        float r = g.r();
        p.g.setColor(Painter.awt(packed(ctx, "panel")));
        p.g.fill(new Ellipse2D.Float(g.cx() - r, g.cy() - r, 2 * r, 2 * r));
        double max = ctx.number("max_g");
        double step = max <= 1 ? 0.25 : max <= 3 ? 0.5 : 1;
        p.stroke(Math.max(1, r * 0.01f));
        p.g.setColor(Painter.awt(accent));
        float plot = r * 0.9f;
        for (double v = step; v <= max + 1e-9; v += step) {
            float rr = (float) (plot * v / max);
            p.g.draw(new Ellipse2D.Float(g.cx() - rr, g.cy() - rr, 2 * rr, 2 * rr));
        }
        p.g.draw(new Line2D.Float(g.cx() - plot, g.cy(), g.cx() + plot, g.cy()));
        p.g.draw(new Line2D.Float(g.cx(), g.cy() - plot, g.cx(), g.cy() + plot));
        p.centred("g", Painter.font(Font.PLAIN, r * 0.14f), color, g.cx() + r * 0.42f, g.cy() + r * 0.55f);
        Glyphs.draw(p.g, r * 2 * 0.13f, g.cell(), 0, h, color);
        return p.layer(key);
    }

    private static int axis(String name) {
        return name.charAt(0) - 'x';
    }

    @Override
    void frame(NodeContext ctx, Track track, Object geometry, double t, float[] u) {
        Geometry g = (Geometry) geometry;
        double[] s = SCRATCH.get();
        double half = Math.max(0.5 / Math.max(1, track.accel.rate()), ctx.number("smoothing") / 2);
        if (!track.meanAccel(t, half, s)) {
            u[Dot.SHOW] = 0;
            Glyphs.place(u, TEXT, Glyphs.number(Double.NaN, 1, u, TEXT), g.cell(), g.cx(), g.cy() + g.r() * 0.55f,
                    0, g.atlasY());
            return;
        }
        double total = Math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]) / Track.G;
        int n = Glyphs.number(total, 1, u, TEXT);
        Glyphs.place(u, TEXT, n, g.cell(), g.cx() - g.r() * 0.05f, g.cy() + g.r() * 0.55f, 0, g.atlasY());
        System.arraycopy(s, 0, s, 3, 3); // keep the smoothed reading in 3..5
        if (!track.meanAccel(t, GRAVITY_WINDOW, s)) {
            u[Dot.SHOW] = 0;
            return;
        }
        int ah = axis(ctx.choice("axis_h"));
        int av = axis(ctx.choice("axis_v"));
        double max = ctx.number("max_g");
        double gh = (s[3 + ah] - s[ah]) / Track.G;
        double gv = (s[3 + av] - s[av]) / Track.G;
        double len = Math.hypot(gh, gv);
        if (len > max) {
            gh *= max / len;
            gv *= max / len;
        }
        float plot = g.r() * 0.9f;
        Dot.set(ctx, u, (float) (g.cx() + plot * gh / max), (float) (g.cy() - plot * gv / max),
                Math.max(2f, g.r() * 0.08f));
    }

    /** The dot's offset from the centre in g for time {@code t} (tests): {@code [h, v]}, or null without data. */
    static double[] reading(Track track, double t, double smoothing, int ah, int av) {
        double[] a = new double[3];
        double[] grav = new double[3];
        double half = Math.max(0.5 / Math.max(1, track.accel.rate()), smoothing / 2);
        if (!track.meanAccel(t, half, a) || !track.meanAccel(t, GRAVITY_WINDOW, grav)) {
            return null;
        }
        return new double[] { (a[ah] - grav[ah]) / Track.G, (a[av] - grav[av]) / Track.G };
    }

    @Override
    int boxes(float[] u, int[] out) {
        return Dot.box(u, out, textBox(u, TEXT, out, 0));
    }

    @Override
    int shade(int lx, int ly, float[] u, RasterLayer layer) {
        return Px.text(Dot.shade(layer.pixel(lx, ly), lx, ly, u), lx, ly, u, TEXT, layer);
    }

    @Override
    String widgetGlsl() {
        return Dot.GLSL + """
                uint widget(ivec2 l) {
                    return text(markerDot(layer(l), l), l, 24);
                }
                """;
    }
}
