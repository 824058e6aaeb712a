package org.lumaflow.telemetry.internal.overlay;

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
 * {@code telemetry.minimap}: the whole GPS track drawn once with a local (equirectangular, north up) projection fitted
 * into the widget, and the position at the frame's time as a moving marker.
 */
@Component(service = NodeType.class)
public final class MinimapNode extends OverlayNode {

    static final String ID = "telemetry.minimap";

    static final NodeDescriptor DESCRIPTOR = widget(ID, "Minimap",
            "The GPS track seen from above (north up) with a marker at the current position.",
            new Point2(0.86, 0.2), 300,
            ParamSpec.number("aspect", 1, 0.2, 5, "", "Height of the widget over its width"),
            ParamSpec.number("line_width", 3, 0.5, 40, "px", "Width of the track line"),
            ParamSpec.number("marker_size", 9, 1, 100, "px", "Radius of the position marker"),
            ParamSpec.number("margin", 0.08, 0, 0.45, "", "Margin around the track (fraction of the widget)"));

    /**
     * The projection: a point east/north of {@code (lat0, lon0)} by (x, y) metres is at pixel
     * {@code (cx + x * scale, cy - y * scale)}.
     */
    record Geometry(double lat0, double lon0, double scale, double cx, double cy) {

        /** Pixel position (widget coordinates) of a latitude/longitude: {@code out = [x, y]}. */
        void pixel(double lat, double lon, double[] out) {
            Track.project(lat, lon, lat0, lon0, out);
            out[0] = cx + out[0] * scale;
            out[1] = cy - out[1] * scale;
        }
    }

    public MinimapNode() {
        super(DESCRIPTOR);
    }

    @Override
    public int uniformCount() {
        return NODE + 16;
    }

    @Override
    String missing(NodeContext ctx, Track t) {
        return t.hasPosition() ? null : "has no GPS position";
    }

    @Override
    long style(NodeContext ctx) {
        return Double.hashCode(ctx.number("aspect")) * 31L * 31L + Double.hashCode(ctx.number("line_width")) * 31L
                + Double.hashCode(ctx.number("margin"));
    }

    @Override
    String describe(NodeContext ctx, int w, int h, Track t) {
        return ctx.number("line_width") * ctx.scale() + "|" + ctx.number("margin") + "|track=" + t.trackHash;
    }

    @Override
    Object geometry(NodeContext ctx, int w, int h, Track t) {
        double lat0 = (t.minLat + t.maxLat) / 2;
        double lon0 = (t.minLon + t.maxLon) / 2;
        double[] a = new double[2];
        double[] b = new double[2];
        Track.project(t.minLat, t.minLon, lat0, lon0, a);
        Track.project(t.maxLat, t.maxLon, lat0, lon0, b);
        double spanX = Math.max(1, b[0] - a[0]);
        double spanY = Math.max(1, b[1] - a[1]);
        double m = ctx.number("margin");
        double scale = Math.min(w * (1 - 2 * m) / spanX, h * (1 - 2 * m) / spanY);
        return new Geometry(lat0, lon0, scale, w / 2.0, h / 2.0);
    }

    @Override
    RasterLayer draw(NodeContext ctx, int w, int h, Track t, Object geometry, String key) {
        Geometry g = (Geometry) geometry;
        Painter p = new Painter(w, h);
        p.panel(w, h, packed(ctx, "panel"), 0.08f);
        Path2D.Double path = new Path2D.Double();
        double[] px = new double[2];
        boolean pen = false;
        for (int i = 0; i < t.gps.size(); i++) {
            double la = t.gps.value(t.lat, i);
            double lo = t.gps.value(t.lon, i);
            if (Double.isNaN(la) || Double.isNaN(lo)) {
                pen = false;
                continue;
            }
            g.pixel(la, lo, px);
            if (pen) {
                path.lineTo(px[0], px[1]);
            } else {
                path.moveTo(px[0], px[1]);
                pen = true;
            }
        }
        float lw = (float) Math.max(0.5, ctx.number("line_width") * ctx.scale());
        Color panel = ctx.color("panel");
        p.stroke(lw + 2f);
        p.g.setColor(Painter.awt(new Color(panel.r(), panel.g(), panel.b(), 0.8).packed()));
        p.g.draw(path);
        p.stroke(lw);
        p.g.setColor(Painter.awt(packed(ctx, "accent")));
        p.g.draw(path);
        return p.layer(key);
    }

    @Override
    void frame(NodeContext ctx, Track track, Object geometry, double t, float[] u) {
        Geometry g = (Geometry) geometry;
        double la = track.latitude(t);
        double lo = track.longitude(t);
        if (Double.isNaN(la) || Double.isNaN(lo)) {
            u[Dot.SHOW] = 0;
            return;
        }
        double x = g.cx() + Math.toRadians(lo - g.lon0()) * Math.cos(Math.toRadians(g.lat0())) * 6_371_008.8
                * g.scale();
        double y = g.cy() - Math.toRadians(la - g.lat0()) * 6_371_008.8 * g.scale();
        Dot.set(ctx, u, (float) x, (float) y, (float) Math.max(1, ctx.number("marker_size") * ctx.scale()));
    }

    @Override
    int boxes(float[] u, int[] out) {
        return Dot.box(u, out, 0);
    }

    @Override
    int shade(int lx, int ly, float[] u, RasterLayer layer) {
        return Dot.shade(layer.pixel(lx, ly), lx, ly, u);
    }

    @Override
    String widgetGlsl() {
        return Dot.GLSL + """
                uint widget(ivec2 l) {
                    return markerDot(layer(l), l);
                }
                """;
    }
}
