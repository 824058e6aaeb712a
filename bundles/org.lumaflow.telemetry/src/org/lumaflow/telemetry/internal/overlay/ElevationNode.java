package org.lumaflow.telemetry.internal.overlay;

import java.awt.Font;
import java.awt.geom.Path2D;

import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.graph.RasterLayer;
import org.osgi.service.component.annotations.Component;

/**
 * {@code telemetry.elevation}: the altitude profile of the whole track (over distance or time) drawn once, with a
 * marker line and dot at the frame's time and the altitude in digits.
 */
@Component(service = NodeType.class)
public final class ElevationNode extends OverlayNode {

    static final String ID = "telemetry.elevation";
    static final int MARKER = NODE; // x, y
    static final int LINE_TOP = NODE + 2;
    static final int LINE_BOTTOM = NODE + 3;
    static final int HALF = NODE + 4;
    static final int RADIUS = NODE + 5;
    static final int BORDER = NODE + 6;
    static final int SHOW = NODE + 7;

    static final NodeDescriptor DESCRIPTOR = widget(ID, "Elevation profile",
            "The altitude profile of the track with a marker at the current position and the altitude in digits.",
            new Point2(0.5, 0.88), 600,
            ParamSpec.choice("axis", "Horizontal axis of the profile", "distance", "time"),
            ParamSpec.number("aspect", 0.3, 0.1, 2, "", "Height of the widget over its width"),
            ParamSpec.number("marker_size", 7, 1, 100, "px", "Radius of the marker dot"),
            ParamSpec.bool("readout", true, "Show the altitude in digits"));

    /** The plot rectangle (widget pixels), the altitude range and the axis. */
    record Geometry(float x0, float x1, float y0, float y1, double minAlt, double maxAlt, boolean byTime,
            double start, double span, int[] cell, int atlasY) {

        float x(double along) {
            return (float) (x0 + (x1 - x0) * Math.max(0, Math.min(1, (along - start) / span)));
        }

        float y(double alt) {
            return (float) (y1 - (y1 - y0) * (alt - minAlt) / (maxAlt - minAlt));
        }
    }

    public ElevationNode() {
        super(DESCRIPTOR);
    }

    @Override
    String missing(NodeContext ctx, Track t) {
        return t.hasAltitude() ? null : "has no GPS altitude";
    }

    @Override
    long style(NodeContext ctx) {
        return ctx.choice("axis").hashCode() * 31L + Double.hashCode(ctx.number("aspect")) * 7L
                + (ctx.bool("readout") ? 1 : 0);
    }

    @Override
    String describe(NodeContext ctx, int w, int h, Track t) {
        return ctx.choice("axis") + "|" + ctx.bool("readout") + "|profile=" + t.profileHash;
    }

    @Override
    Object geometry(NodeContext ctx, int w, int h, Track t) {
        boolean byTime = "time".equals(ctx.choice("axis"));
        double pad = Math.max(1, (t.maxAlt - t.minAlt) * 0.08);
        float m = Math.max(4, h * 0.08f);
        boolean readout = ctx.bool("readout");
        float top = readout ? h * 0.34f : m;
        int[] cell = Glyphs.cell(h * 0.22f);
        double start = byTime ? t.times[0] : 0;
        double span = byTime ? t.times[t.times.length - 1] - t.times[0] : t.totalDistance();
        return new Geometry(m, w - m, top, h - m, t.minAlt - pad, t.maxAlt + pad, byTime, start,
                span > 0 ? span : 1, cell, h);
    }

    private static double along(Geometry g, Track t, double time) {
        return g.byTime() ? Math.max(t.times[0], Math.min(t.times[t.times.length - 1], time)) : t.distance(time);
    }

    @Override
    RasterLayer draw(NodeContext ctx, int w, int h, Track t, Object geometry, String key) {
        Geometry g = (Geometry) geometry;
        Painter p = painter(w, h, g.cell());
        p.g.setClip(0, 0, w, h);
        p.panel(w, h, packed(ctx, "panel"), 0.12f);
        Path2D.Double line = new Path2D.Double();
        Path2D.Double area = new Path2D.Double();
        boolean pen = false;
        double lastX = g.x0();
        for (int i = 0; i < t.times.length; i++) {
            double a = t.gps.value(t.alt, i);
            if (Double.isNaN(a)) {
                continue;
            }
            double x = g.x(g.byTime() ? t.times[i] : t.dist[i]);
            double y = g.y(a);
            if (pen) {
                line.lineTo(x, y);
                area.lineTo(x, y);
            } else {
                line.moveTo(x, y);
                area.moveTo(x, g.y1());
                area.lineTo(x, y);
                pen = true;
            }
            lastX = x;
        }
        area.lineTo(lastX, g.y1());
        area.closePath();
        Color accent = ctx.color("accent");
        p.g.setColor(Painter.awt(new Color(accent.r(), accent.g(), accent.b(), accent.a() * 0.35).packed()));
        p.g.fill(area);
        p.stroke(Math.max(1f, h * 0.012f));
        p.g.setColor(Painter.awt(accent.packed()));
        p.g.draw(line);
        if (ctx.bool("readout")) {
            p.left(imperial(ctx) ? "ft" : "m", Painter.font(Font.PLAIN, h * 0.13f), packed(ctx, "color"),
                    w * 0.5f + 5.2f * g.cell()[0] + 4, h * 0.17f);
        }
        p.g.setClip(null);
        Glyphs.draw(p.g, h * 0.22f, g.cell(), 0, h, packed(ctx, "color"));
        return p.layer(key);
    }

    @Override
    void frame(NodeContext ctx, Track track, Object geometry, double t, float[] u) {
        Geometry g = (Geometry) geometry;
        double a = track.altitude(t);
        double d = along(g, track, t);
        if (ctx.bool("readout")) {
            double v = imperial(ctx) ? a * 3.280839895 : a;
            int n = Glyphs.number(v, 0, u, TEXT);
            Glyphs.place(u, TEXT, n, g.cell(), (float) u[W] * 0.5f + 5.2f * g.cell()[0], (float) u[H] * 0.17f, 1,
                    g.atlasY());
        }
        if (Double.isNaN(a) || Double.isNaN(d)) {
            u[SHOW] = 0;
            return;
        }
        float r = (float) Math.max(1, ctx.number("marker_size") * ctx.scale());
        u[MARKER] = g.x(d);
        u[MARKER + 1] = g.y(a);
        u[LINE_TOP] = g.y0();
        u[LINE_BOTTOM] = g.y1();
        u[HALF] = Math.max(0.5f, r * 0.15f);
        u[RADIUS] = r;
        u[BORDER] = Math.max(1f, r * 0.3f);
        u[SHOW] = 1;
        Px.colour(u, FILL, packed(ctx, "accent"));
        Px.colour(u, RIM, packed(ctx, "color"));
    }

    @Override
    int boxes(float[] u, int[] out) {
        int k = textBox(u, TEXT, out, 0);
        if (u[SHOW] == 0) {
            return k;
        }
        float r = Math.max(u[RADIUS], u[HALF]) + 1f;
        return box(u[MARKER] - r, Math.min(u[LINE_TOP], u[MARKER + 1] - r), u[MARKER] + r,
                Math.max(u[LINE_BOTTOM], u[MARKER + 1] + r), out, k);
    }

    @Override
    int shade(int lx, int ly, float[] u, RasterLayer layer) {
        int c = layer.pixel(lx, ly);
        if (u[SHOW] != 0) {
            float px = lx + 0.5f;
            float py = ly + 0.5f;
            float mx = u[MARKER];
            float my = u[MARKER + 1];
            float hw = u[HALF];
            if (Math.abs(px - mx) <= hw + 1f && py >= u[LINE_TOP] && py <= u[LINE_BOTTOM]) {
                c = Px.over(Px.cover(Px.colour(u, RIM), Px.edge(hw, Math.abs(px - mx))), c);
            }
            float r = u[RADIUS];
            if (Math.abs(px - mx) <= r + 1f && Math.abs(py - my) <= r + 1f) {
                c = Px.disc(c, px, py, mx, my, r, u[BORDER], Px.colour(u, FILL), Px.colour(u, RIM));
            }
        }
        return Px.text(c, lx, ly, u, TEXT, layer);
    }

    @Override
    String widgetGlsl() {
        return widgetWithText(SHOW, """
                vec2 m = vec2(u(8), u(9));
                float hw = u(12);
                if (abs(p.x - m.x) <= hw + 1.0 && p.y >= u(10) && p.y <= u(11)) {
                    c = over(cover(colour(20), edge(hw, abs(p.x - m.x))), c);
                }
                float r = u(13);
                if (abs(p.x - m.x) <= r + 1.0 && abs(p.y - m.y) <= r + 1.0) {
                    c = disc(c, p, m, r, u(14), colour(16), colour(20));
                }
                """);
    }
}
