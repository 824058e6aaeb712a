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

    /** A widget's descriptor: category "Telemetry", the background port, an image out, {@link #params}. */
    static NodeDescriptor widget(String id, String name, String description, Point2 pos, double size,
            ParamSpec... own) {
        return new NodeDescriptor(id, name, "Telemetry", description, List.of(BACKGROUND), PortType.IMAGE,
                params(pos, size, own));
    }

    /** Colour slots of the moving parts (4 floats each): fill or needle, and rim. */
    static final int FILL = NODE + 8;
    static final int RIM = NODE + 12;
    /** Where the glyph block of the readings starts, after the moving parts' uniforms. */
    static final int TEXT = 24;

    /** A painter for a {@code w x h} widget with room below it for the glyph atlas of digits of {@code cell}. */
    static Painter painter(int w, int h, int[] cell) {
        return new Painter(Math.max(w, Glyphs.width(cell)), h + cell[1]);
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

    /** CPU renders of all overlay nodes (tests tell the GPU path from a silent CPU fallback by it). */
    static final java.util.concurrent.atomic.AtomicLong CPU_RENDERS = new java.util.concurrent.atomic.AtomicLong();

    private final NodeDescriptor descriptor;

    OverlayNode(NodeDescriptor d) {
        this.descriptor = d;
    }

    @Override
    public final NodeDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public int uniformCount() {
        return TEXT + Glyphs.BLOCK;
    }

    /** Height of the widget for width {@code w}: by default {@code w} times the node's "aspect" parameter. */
    int height(NodeContext ctx, int w) {
        return (int) Math.round(w * ctx.number("aspect"));
    }

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

    /**
     * GLSL of {@code widget} for a node whose moving parts ({@code body}, which sees the layer's pixel {@code c} and
     * the pixel centre {@code p}) are drawn while uniform {@code show} is set, with the digits at {@link #TEXT} on top.
     */
    static String widgetWithText(int show, String body) {
        return "uint widget(ivec2 l) {\n    uint c = layer(l);\n    if (u(" + show + ") != 0.0) {\n"
                + "        vec2 p = vec2(float(l.x) + 0.5, float(l.y) + 0.5);\n" + body.indent(8) + "    }\n"
                + "    return text(c, l, " + TEXT + ");\n}\n";
    }

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
        CPU_RENDERS.incrementAndGet();
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

    /**
     * Writes the widget-coordinate rectangles ({@code x0, y0, x1, y1}, exclusive ends) outside which {@link #shade}
     * returns the layer's pixel unchanged (the moving parts' bounds) into {@code out}; returns how many.
     */
    abstract int boxes(float[] u, int[] out);

    /** Per-thread scratch for {@link #boxes} (no allocation per frame). */
    private static final ThreadLocal<int[]> BOXES = ThreadLocal.withInitial(() -> new int[32]);

    /** The bounds of a text block at {@code base} into {@code out} at box {@code k}; returns {@code k + 1}. */
    static int textBox(float[] u, int base, int[] out, int k) {
        int x = (int) u[base + 1];
        int y = (int) u[base + 2];
        out[4 * k] = x;
        out[4 * k + 1] = y;
        out[4 * k + 2] = x + (int) u[base] * (int) u[base + 3];
        out[4 * k + 3] = y + (int) u[base + 4];
        return k + 1;
    }

    /** A box around a centre {@code cx, cy} with half-size {@code r} (plus a pixel) into box {@code k}. */
    static int box(float x0, float y0, float x1, float y1, int[] out, int k) {
        out[4 * k] = (int) Math.floor(x0) - 1;
        out[4 * k + 1] = (int) Math.floor(y0) - 1;
        out[4 * k + 2] = (int) Math.ceil(x1) + 2;
        out[4 * k + 3] = (int) Math.ceil(y1) + 2;
        return k + 1;
    }

    /**
     * Draws the widget over {@code buf} (which holds the background) inside its rectangle only: the layer's pixels
     * straight from its array, {@link #shade} only inside the moving parts' boxes; transparent pixels skipped.
     */
    final void composite(ByteBuffer buf, int stride, int fw, int fh, float[] u, RasterLayer layer) {
        int left = (int) u[LEFT];
        int top = (int) u[TOP];
        int x0 = Math.max(0, left);
        int x1 = Math.min(fw, left + (int) u[W]);
        int y0 = Math.max(0, top);
        int y1 = Math.min(fh, top + (int) u[H]);
        int op = (int) u[OPACITY];
        int[] boxes = BOXES.get();
        int nb = boxes(u, boxes);
        int[] lp = layer.pixels();
        int lw = layer.width();
        for (int y = y0; y < y1; y++) {
            int row = y * stride;
            int ly = y - top;
            int lrow = ly * lw - left;
            // the x range of the boxes crossing this row (shade there, the layer elsewhere)
            int bx0 = Integer.MAX_VALUE;
            int bx1 = Integer.MIN_VALUE;
            for (int b = 0; b < nb; b++) {
                if (ly >= boxes[4 * b + 1] && ly < boxes[4 * b + 3]) {
                    bx0 = Math.min(bx0, boxes[4 * b] + left);
                    bx1 = Math.max(bx1, boxes[4 * b + 2] + left);
                }
            }
            for (int x = x0; x < x1; x++) {
                int c = x >= bx0 && x < bx1 ? shade(x - left, ly, u, layer) : lp[lrow + x];
                if (op != 256) {
                    c = (c & 0xFFFFFF) | ((((c >>> 24) * op + 128) >> 8) << 24);
                }
                int a = c >>> 24;
                if (a == 255) {
                    buf.putInt(row + x * 4, c);
                } else if (a != 0) {
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
