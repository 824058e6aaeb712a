package org.lumaflow.telemetry.internal.overlay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.LayeredShaderNode;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.graph.RasterLayer;

/**
 * What every telemetry overlay shares. A widget is a static layer (drawn once per size and style through the
 * {@link LayerCache}, with the glyph atlas of its readings below the widget's rows) plus a few moving parts (needle,
 * marker, digits) described each frame by uniforms. The same per-pixel code runs on the CPU ({@link #shade}, over
 * the widget's rectangle only) and on the GPU ({@link #widgetGlsl()}, via {@link LayeredShaderNode}).
 * <p>
 * Uniforms 0..7: widget left, top, width, height (output pixels), opacity (0..256), visible (0/1); the node's own
 * from {@link #NODE}.
 */
abstract class OverlayNode implements LayeredShaderNode {

    static final int LEFT = 0;
    static final int TOP = 1;
    static final int W = 2;
    static final int H = 3;
    static final int OPACITY = 4;
    static final int VISIBLE = 5;
    static final int NODE = 8;

    static final PortSpec BACKGROUND = PortSpec.optional("background", PortType.IMAGE,
            "The picture the widget is drawn over (the clip when used as an effect); transparent when unconnected");
    static final ParamSpec TELEMETRY = ParamSpec.file("telemetry",
            "Telemetry file (GoPro MP4 with GPMF, GPX, DJI SRT, CSV), read once and cached");
    static final ParamSpec OFFSET = ParamSpec.number("offset", 0, -86_400, 86_400, "s",
            "Telemetry time = node time - offset (0 for a GoPro clip's own GPMF; the alignment's offset otherwise)");
    static final ParamSpec UNITS = ParamSpec.choice("units", "Unit system of the readings", "metric", "imperial");
    static final ParamSpec OPACITY_PARAM = ParamSpec.number("opacity", 1, 0, 1, "", "Opacity of the whole widget");
    static final ParamSpec COLOR = ParamSpec.color("color", Color.WHITE, "Readings, labels and the needle/marker rim");
    static final ParamSpec ACCENT = ParamSpec.color("accent", new Color(1, 0.55, 0.1, 1),
            "Needle, marker, ticks, track and curve");
    static final ParamSpec PANEL = ParamSpec.color("panel", new Color(0, 0, 0, 0.55), "Panel background");

    static ParamSpec position(double x, double y) {
        return ParamSpec.point("position", new Point2(x, y), "Centre of the widget (0..1 of the frame)");
    }

    static ParamSpec size(double def) {
        return ParamSpec.number("size", def, 16, 4000, "px", "Width of the widget");
    }

    /** The common parameters, then the node's own. */
    static List<ParamSpec> params(Point2 pos, double size, ParamSpec... own) {
        List<ParamSpec> l = new ArrayList<>(List.of(TELEMETRY, OFFSET, position(pos.x(), pos.y()), size(size), UNITS,
                OPACITY_PARAM, COLOR, ACCENT, PANEL));
        l.addAll(List.of(own));
        return l;
    }

    /** Per node instance: the file's track (or why not), the current layer and geometry, the CPU's uniforms. */
    static final class State {
        Path file;
        Track track;
        String error;
        long signature = Long.MIN_VALUE;
        RasterLayer layer;
        Object geometry;
        float[] u;
    }

    private final NodeDescriptor descriptor;

    OverlayNode(NodeDescriptor d) {
        this.descriptor = d;
    }

    @Override
    public final NodeDescriptor descriptor() {
        return descriptor;
    }

    /** Height of the widget for width {@code w}. */
    abstract int height(NodeContext ctx, int w);

    /** Why the track cannot feed this node ("no GPS position"), or null. */
    abstract String missing(NodeContext ctx, Track t);

    /** A hash of the node's own style parameters (those its layer depends on). */
    abstract long style(NodeContext ctx);

    /** The description of the layer for the cache key (style values and the telemetry slice hash). */
    abstract String describe(NodeContext ctx, int w, int h, Track t);

    /** Size-dependent geometry (computed on a style change, also when the layer comes from the cache). */
    abstract Object geometry(NodeContext ctx, int w, int h, Track t);

    /** Draws the static layer. */
    abstract RasterLayer draw(NodeContext ctx, int w, int h, Track t, Object geometry, String key);

    /** Fills the node's uniforms for telemetry time {@code t}. */
    abstract void frame(NodeContext ctx, Track track, Object geometry, double t, float[] u);

    /** The widget's pixel at {@code lx, ly} (widget coordinates), before opacity: the Java twin of the GLSL. */
    abstract int shade(int lx, int ly, float[] u, RasterLayer layer);

    /** GLSL defining {@code uint widget(ivec2 l)}, the same arithmetic as {@link #shade}. */
    abstract String widgetGlsl();

    @Override
    public final String glsl() {
        return Px.GLSL + widgetGlsl() + """
                uint shade(ivec2 xy) {
                    uint bg = has0 ? in0(xy) : 0u;
                    if (u(5) == 0.0) {
                        return bg;
                    }
                    ivec2 l = xy - ivec2(int(u(0)), int(u(1)));
                    if (l.x < 0 || l.y < 0 || l.x >= int(u(2)) || l.y >= int(u(3))) {
                        return bg;
                    }
                    uint c = widget(l);
                    uint op = uint(u(4));
                    if (op != 256u) {
                        c = (c & 0xFFFFFFu) | ((((c >> 24) * op + 128u) >> 8) << 24);
                    }
                    return over(c, bg);
                }
                """;
    }

    static State state(NodeContext ctx) {
        if (ctx.state() instanceof State s) {
            return s;
        }
        State s = new State();
        ctx.setState(s);
        return s;
    }

    @Override
    public final RasterLayer prepare(NodeContext ctx, float[] u) {
        State st = state(ctx);
        u[VISIBLE] = 0;
        if (Painter.FONT_ERROR != null) {
            ctx.warn(Painter.FONT_ERROR);
        }
        Track track = track(ctx, st);
        if (track == null) {
            return null;
        }
        String why = missing(ctx, track);
        if (why != null) {
            ctx.warn(descriptor.id() + ": " + st.file + " " + why + ": background passed through");
            return null;
        }
        int w = Math.max(8, (int) Math.round(ctx.number("size") * ctx.scale()));
        int h = Math.max(8, height(ctx, w));
        long sig = w * 31L + h;
        sig = sig * 31 + ctx.choice("units").hashCode();
        sig = sig * 31 + ctx.color("color").hashCode();
        sig = sig * 31 + ctx.color("accent").hashCode();
        sig = sig * 31 + ctx.color("panel").hashCode();
        sig = sig * 31 + style(ctx);
        sig = sig * 31 + System.identityHashCode(track);
        if (sig != st.signature || st.layer == null) {
            Object g = geometry(ctx, w, h, track);
            String d = w + "x" + h + "|" + ctx.choice("units") + "|" + ctx.color("color").toHex() + "|"
                    + ctx.color("accent").toHex() + "|" + ctx.color("panel").toHex() + "|" + describe(ctx, w, h, track);
            st.layer = LayerCache.shared().get(descriptor.id(), d, key -> draw(ctx, w, h, track, g, key));
            st.geometry = g;
            st.signature = sig;
        }
        Point2 pos = ctx.point("position");
        int left = (int) Math.floor(pos.x() * ctx.width() - w / 2.0 + 0.5);
        int top = (int) Math.floor(pos.y() * ctx.height() - h / 2.0 + 0.5);
        double op = ctx.number("opacity");
        int opacity = (int) Math.round((op < 0 ? 0 : op > 1 ? 1 : op) * 256);
        u[LEFT] = left;
        u[TOP] = top;
        u[W] = w;
        u[H] = h;
        u[OPACITY] = opacity;
        boolean onScreen = left < ctx.width() && top < ctx.height() && left + w > 0 && top + h > 0;
        u[VISIBLE] = opacity > 0 && onScreen ? 1 : 0;
        frame(ctx, track, st.geometry, ctx.seconds() - ctx.number("offset"), u);
        return st.layer;
    }

    /** The node's track, or null after a warning naming the file (none set, missing, unreadable). */
    private Track track(NodeContext ctx, State st) {
        Path file = ctx.file("telemetry");
        if (file == null) {
            ctx.warn(descriptor.id() + ": no telemetry file set: background passed through");
            return null;
        }
        if (!file.equals(st.file)) {
            st.file = file;
            st.track = null;
            st.error = null;
            st.signature = Long.MIN_VALUE;
            try {
                if (!Files.isRegularFile(file)) {
                    throw new NoSuchFileException(file.toString());
                }
                st.track = OverlayTelemetry.track(file);
            } catch (NoSuchFileException e) {
                st.error = "telemetry file " + file + " not found";
            } catch (IOException | RuntimeException e) {
                String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                st.error = m.contains(file.getFileName().toString()) ? m : file + ": " + m;
            }
        }
        if (st.track == null) {
            ctx.warn(descriptor.id() + ": " + st.error + ": background passed through");
        }
        return st.track;
    }

    @Override
    public final void render(NodeContext ctx) {
        State st = state(ctx);
        if (st.u == null) {
            st.u = new float[uniformCount()];
        }
        float[] u = st.u;
        Arrays.fill(u, 0f);
        RasterLayer layer = prepare(ctx, u);
        Frame bg = ctx.input(0);
        if (layer == null || u[VISIBLE] == 0) {
            if (bg != null) {
                ctx.passThrough(0);
            } else {
                ctx.output().clear();
            }
            return;
        }
        Frame out = ctx.output();
        if (bg != null) {
            out.copyFrom(bg);
        } else {
            out.clear();
        }
        composite(out.buffer(), out.stride(), ctx.width(), ctx.height(), u, layer);
    }

    /** Draws the widget over {@code buf} (which holds the background) inside its rectangle only. */
    final void composite(ByteBuffer buf, int stride, int fw, int fh, float[] u, RasterLayer layer) {
        int left = (int) u[LEFT];
        int top = (int) u[TOP];
        int x0 = Math.max(0, left);
        int x1 = Math.min(fw, left + (int) u[W]);
        int y0 = Math.max(0, top);
        int y1 = Math.min(fh, top + (int) u[H]);
        int op = (int) u[OPACITY];
        for (int y = y0; y < y1; y++) {
            int row = y * stride;
            for (int x = x0; x < x1; x++) {
                int c = shade(x - left, y - top, u, layer);
                if (op != 256) {
                    c = (c & 0xFFFFFF) | ((((c >>> 24) * op + 128) >> 8) << 24);
                }
                if ((c >>> 24) != 0) {
                    int i = row + x * 4;
                    buf.putInt(i, Px.over(c, buf.getInt(i)));
                }
            }
        }
    }

    /** Display unit conversions. */
    static boolean imperial(NodeContext ctx) {
        return "imperial".equals(ctx.choice("units"));
    }

    /** Speed in km/h or mph from m/s. */
    static double speed(double mps, boolean imperial) {
        return mps * (imperial ? 2.2369362920544 : 3.6);
    }

    static String speedUnit(boolean imperial) {
        return imperial ? "mph" : "km/h";
    }

    /** Packed colour of a parameter. */
    static int packed(NodeContext ctx, String param) {
        return ctx.color(param).packed();
    }
}
