package org.lumaflow.telemetry.internal.overlay;

import java.awt.Font;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.graph.RasterLayer;
import org.osgi.service.component.annotations.Component;

/**
 * {@code telemetry.text}: one reading (speed, altitude, distance, time of day or elapsed, grade, heart rate) as
 * digits on a panel with a label and the unit.
 */
@Component(service = NodeType.class)
public final class TextFieldNode extends OverlayNode {

    static final String ID = "telemetry.text";
    static final int DIGITS = NODE;
    /** Seconds either side over which the grade is measured. */
    static final double GRADE_WINDOW = 5;

    static final NodeDescriptor DESCRIPTOR = widget(ID, "Telemetry text",
            "One telemetry reading as digits with a label and its unit: speed, altitude, distance, time, grade or "
                    + "heart rate.",
            new Point2(0.15, 0.1), 280,
            ParamSpec.choice("field", "The reading shown", "speed", "altitude", "distance", "time", "grade",
                    "heart_rate"),
            ParamSpec.string("label", "", "Label above the digits (empty: the field's name)"),
            ParamSpec.integer("decimals", -1, -1, 3, "", "Decimals (-1: the field's default)"),
            ParamSpec.choice("time_mode", "For the time field: GPS clock time (UTC + utc_offset) or time "
                    + "elapsed on the telemetry's clock", "clock", "elapsed"),
            ParamSpec.number("utc_offset", 0, -14, 14, "h", "Hours added to UTC for the clock time"));

    record Geometry(int[] cell, int atlasY) {
    }

    public TextFieldNode() {
        super(DESCRIPTOR);
    }

    @Override
    public int uniformCount() {
        return DIGITS + Glyphs.BLOCK;
    }

    @Override
    int height(NodeContext ctx, int w) {
        return (int) Math.round(w * 0.36);
    }

    @Override
    String missing(NodeContext ctx, Track t) {
        return switch (ctx.choice("field")) {
            case "heart_rate" -> t.heart == null ? "has no heart rate" : null;
            case "altitude", "grade" -> t.hasAltitude() ? null : "has no GPS altitude";
            case "distance" -> t.times.length >= 2 ? null : "has no GPS track";
            case "speed" -> t.speedSeries == null && t.times.length < 2 ? "has no speed and no GPS track" : null;
            default -> null;
        };
    }

    @Override
    long style(NodeContext ctx) {
        return ctx.choice("field").hashCode() * 31L + ctx.string("label").hashCode();
    }

    @Override
    String describe(NodeContext ctx, int w, int h, Track t) {
        return ctx.choice("field") + "|" + ctx.string("label");
    }

    @Override
    Object geometry(NodeContext ctx, int w, int h, Track t) {
        return new Geometry(Glyphs.cell(digitPx(ctx.choice("field"), h)), h);
    }

    /** Font size of the digits: smaller for the time, whose eight characters must fit. */
    static float digitPx(String field, int h) {
        return "time".equals(field) ? h * 0.4f : h * 0.55f;
    }

    static String unit(String field, boolean imperial) {
        return switch (field) {
            case "speed" -> speedUnit(imperial);
            case "altitude" -> imperial ? "ft" : "m";
            case "distance" -> imperial ? "mi" : "km";
            case "grade" -> "%";
            case "heart_rate" -> "bpm";
            default -> "";
        };
    }

    static int decimals(String field, int param) {
        if (param >= 0) {
            return param;
        }
        return switch (field) {
            case "distance" -> 2;
            case "grade" -> 1;
            default -> 0;
        };
    }

    @Override
    RasterLayer draw(NodeContext ctx, int w, int h, Track t, Object geometry, String key) {
        Geometry g = (Geometry) geometry;
        Painter p = painter(w, h, g.cell());
        int color = packed(ctx, "color");
        String field = ctx.choice("field");
        p.g.setClip(0, 0, w, h);
        p.panel(w, h, packed(ctx, "panel"), 0.18f);
        String label = ctx.string("label").isEmpty() ? field.replace('_', ' ').toUpperCase(java.util.Locale.ROOT)
                : ctx.string("label");
        p.left(label, Painter.font(Font.BOLD, h * 0.17f), packed(ctx, "accent"), w * 0.06f, h * 0.2f);
        p.left(unit(field, imperial(ctx)), Painter.font(Font.PLAIN, h * 0.2f), color, w * 0.76f, h * 0.64f);
        p.g.setClip(null);
        Glyphs.draw(p.g, digitPx(field, h), g.cell(), 0, h, color);
        return p.layer(key);
    }

    /** The reading of {@code field} at telemetry time {@code t} in display units (the clock in seconds of day). */
    static double value(String field, Track track, double t, boolean imperial, boolean clock, double utcOffset) {
        return switch (field) {
            case "speed" -> speed(track.speed(t), imperial);
            case "altitude" -> track.altitude(t) * (imperial ? 3.280839895 : 1);
            case "distance" -> track.distance(t) / (imperial ? 1609.344 : 1000);
            case "grade" -> track.grade(t, GRADE_WINDOW);
            case "heart_rate" -> track.heartRate(t);
            default -> {
                java.time.Instant start = track.telemetry.utcStart();
                if (clock && start != null) {
                    double s = start.getEpochSecond() + start.getNano() / 1e9 + t + utcOffset * 3600;
                    yield s - Math.floor(s / 86_400) * 86_400;
                }
                yield t;
            }
        };
    }

    @Override
    void frame(NodeContext ctx, Track track, Object geometry, double t, float[] u) {
        Geometry g = (Geometry) geometry;
        String field = ctx.choice("field");
        boolean clock = "clock".equals(ctx.choice("time_mode"));
        double v = value(field, track, t, imperial(ctx), clock, ctx.number("utc_offset"));
        int n = "time".equals(field) ? Glyphs.clock(v, clock, u, DIGITS)
                : Glyphs.number(v, decimals(field, ctx.integer("decimals")), u, DIGITS);
        Glyphs.place(u, DIGITS, n, g.cell(), (float) u[W] * 0.73f, (float) u[H] * 0.62f, 1, g.atlasY());
    }

    @Override
    int boxes(float[] u, int[] out) {
        return textBox(u, DIGITS, out, 0);
    }

    @Override
    int shade(int lx, int ly, float[] u, RasterLayer layer) {
        return Px.text(layer.pixel(lx, ly), lx, ly, u, DIGITS, layer);
    }

    @Override
    String widgetGlsl() {
        return """
                uint widget(ivec2 l) {
                    return text(layer(l), l, 8);
                }
                """;
    }
}
