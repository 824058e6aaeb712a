package org.lumaflow.engine.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.tests.support.Fixture;

/**
 * The editing effects of issue 18 (crop, sharpen, chroma key, curves, colour wheels, vignette) against pixels
 * computed by hand from their documented formulas.
 */
class EffectNodesTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    /** Renders {@code type} as "out" over a solid {@code colour} (w x h) with {@code params}; returns the pixels. */
    private int[] overSolid(String colour, String type, int w, int h, Consumer<GraphNode> params) throws Exception {
        Graph g = new Graph();
        g.add("src", "core.solid").set("color", colour);
        params.accept(g.add("out", type));
        g.connect("src", "out", "source");
        return render(g.output("out"), w, h);
    }

    private int[] render(Graph g, int w, int h) throws Exception {
        try (RenderResult r = fx.engine.compile(g, null).render(0, w, h, 1.0)) {
            assertTrue(r.clean(), r.messages().toString());
            return pixels(r.frame());
        }
    }

    static int[] pixels(Frame f) {
        int[] px = new int[f.width() * f.height()];
        ByteBuffer b = f.buffer();
        for (int i = 0; i < px.length; i++) {
            px[i] = b.getInt(i * 4);
        }
        return px;
    }

    private static int rgba(int r, int g, int b, int a) {
        return (a << 24) | (b << 16) | (g << 8) | r;
    }

    private static String hex(int p) {
        return String.format("#%02X%02X%02X%02X", p & 0xFF, (p >> 8) & 0xFF, (p >> 16) & 0xFF, p >>> 24);
    }

    // ---- crop

    @Test
    void cropMakesTheCutAreaTransparentWithALinearFeather() throws Exception {
        int[] px = overSolid("#FF0000", "core.crop", 40, 20, n -> n.set("left", 0.25).set("feather", 4.0));
        // x0 = 10; column 10's centre is 0.5 px inside: alpha 255 * round(0.5 / 4 * 256) / 256
        assertEquals(0, px[5 * 40 + 9], "cut");
        assertEquals(rgba(255, 0, 0, 32), px[5 * 40 + 10], hex(px[5 * 40 + 10]));
        assertEquals(rgba(255, 0, 0, 96), px[5 * 40 + 11]);
        assertEquals(rgba(255, 0, 0, 255), px[5 * 40 + 14]);
        // the top and bottom edges are feathered too (the crop rectangle's edge is the frame's there)
        assertEquals(rgba(255, 0, 0, 32), px[0 * 40 + 20]);
        assertEquals(rgba(255, 0, 0, 255), px[10 * 40 + 39 - 4]);
        int[] hard = overSolid("#FF0000", "core.crop", 40, 20, n -> n.set("right", 0.5).set("bottom", 0.1));
        assertEquals(rgba(255, 0, 0, 255), hard[17 * 40 + 19]);
        assertEquals(0, hard[17 * 40 + 20]);
        assertEquals(0, hard[18 * 40 + 0]);
    }

    @Test
    void cropFillScalesTheKeptRectangleToCoverTheFrame() throws Exception {
        Graph src = new Graph();
        src.add("out", "core.checker").set("size", 10.0).set("color_a", "#FF0000").set("color_b", "#0000FF");
        int[] in = render(src.output("out"), 40, 20);
        Graph g = new Graph();
        g.add("src", "core.checker").set("size", 10.0).set("color_a", "#FF0000").set("color_b", "#0000FF");
        g.add("out", "core.crop").set("left", 0.5).set("mode", "fill");
        g.connect("src", "out", "source");
        int[] out = render(g.output("out"), 40, 20);
        // kept x 20..40 scaled by 2 (covering 40x20), centred at (30, 10): output (6, 4) samples source (22.75, 6.75)
        assertEquals(in[5 * 40 + 25], out[4 * 40 + 6]);
        assertEquals(in[15 * 40 + 35], out[15 * 40 + 30]);
        for (int p : out) {
            assertEquals(255, p >>> 24, "fill covers the frame");
        }
        // identity parameters pass the input through
        Graph id = new Graph();
        id.add("src", "core.checker").set("size", 10.0).set("color_a", "#FF0000").set("color_b", "#0000FF");
        id.add("out", "core.crop").set("mode", "fill");
        id.connect("src", "out", "source");
        assertArrayEquals(in, render(id.output("out"), 40, 20));
    }

    // ---- sharpen

    @Test
    void sharpenLeavesFlatAreasAndAddsTheDifferenceAtAnEdge() throws Exception {
        int[] flat = overSolid("#507090", "core.sharpen", 24, 12, n -> n.set("amount", 2.0).set("radius", 2.0));
        for (int p : flat) {
            assertEquals(rgba(0x50, 0x70, 0x90, 255), p);
        }
        // a vertical edge: left half 64, right half 192 (a checker with cells wider than the frame's half)
        Graph g = new Graph();
        g.add("src", "core.checker").set("size", 16.0).set("color_a", "#404040").set("color_b", "#C0C0C0");
        g.add("out", "core.sharpen").set("amount", 1.0).set("radius", 1.0);
        g.connect("src", "out", "source");
        int[] out = render(g.output("out"), 32, 8);
        // reference in double: blur of the step at the pixel left of the edge, then v + (v - blur)
        double[] k = new double[7];
        double sum = 0;
        for (int i = -3; i <= 3; i++) {
            k[i + 3] = Math.exp(-i * i / 2.0);
            sum += k[i + 3];
        }
        for (int x = 12; x < 20; x++) {
            double blur = 0;
            for (int i = -3; i <= 3; i++) {
                blur += k[i + 3] / sum * (x + i < 16 ? 64 : 192);
            }
            double v = x < 16 ? 64 : 192;
            long expected = Math.max(0, Math.min(255, Math.round(v + (v - blur))));
            int got = out[4 * 32 + x] & 0xFF;
            assertTrue(Math.abs(got - expected) <= 1, "x=" + x + ": " + got + " vs " + expected);
        }
        // a threshold above the edge's difference leaves everything as it was
        Graph t = new Graph();
        t.add("src", "core.checker").set("size", 16.0).set("color_a", "#404040").set("color_b", "#C0C0C0");
        t.add("out", "core.sharpen").set("amount", 1.0).set("radius", 1.0).set("threshold", 0.5);
        t.connect("src", "out", "source");
        Graph plain = new Graph();
        plain.add("out", "core.checker").set("size", 16.0).set("color_a", "#404040").set("color_b", "#C0C0C0");
        assertArrayEquals(render(plain.output("out"), 32, 8), render(t.output("out"), 32, 8));
    }

    // ---- chroma key

    @Test
    void chromaKeyRemovesTheKeyAndSuppressesSpill() throws Exception {
        assertEquals(0, overSolid("#00FF00", "core.chroma_key", 4, 4, n -> { })[0], "the key is transparent");
        assertEquals(rgba(255, 0, 0, 255), overSolid("#FF0000", "core.chroma_key", 4, 4, n -> { })[0]);
        // a grey-green far from the key: kept, green pulled to the mean of red and blue (96) by the spill amount
        assertEquals(rgba(0x60, 0x60, 0x60, 255),
                overSolid("#60A060", "core.chroma_key", 4, 4, n -> n.set("spill", 1.0))[0]);
        assertEquals(rgba(0x60, 128, 0x60, 255),
                overSolid("#60A060", "core.chroma_key", 4, 4, n -> n.set("spill", 0.5))[0]);
        assertEquals(rgba(0x60, 0xA0, 0x60, 255),
                overSolid("#60A060", "core.chroma_key", 4, 4, n -> n.set("spill", 0.0))[0]);
        // a blue key: blue is the channel suppressed
        assertEquals(rgba(0x40, 0x40, 0x40, 255), overSolid("#4040A0", "core.chroma_key", 4, 4,
                n -> n.set("key", "#0000FF").set("spill", 1.0).set("tolerance", 0.05).set("softness", 0.0))[0]);
        // the soft edge: alpha = 255 * (d - tolerance) / softness, d the chroma distance in full-scale units
        int r = 40;
        int g = 200;
        int b = 40;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double ky = 0.7152 * 255;
        double d = Math.hypot((b - y) - (0 - ky), (r - y) - (0 - ky)) / 255;
        double tol = d - 0.05;
        int px = overSolid("#28C828", "core.chroma_key", 4, 4, n -> n.set("tolerance", tol).set("softness", 0.1)
                .set("spill", 0.0))[0];
        assertEquals(128, px >>> 24, 2, hex(px));
        // the matte: keyed black, kept white, opaque
        assertEquals(rgba(0, 0, 0, 255), overSolid("#00FF00", "core.chroma_key", 4, 4,
                n -> n.set("output", "matte"))[0]);
        assertEquals(rgba(255, 255, 255, 255), overSolid("#FF00FF", "core.chroma_key", 4, 4,
                n -> n.set("output", "matte"))[0]);
    }

    // ---- curves

    @Test
    void curvesApplyMasterThenChannelCurves() throws Exception {
        assertEquals(rgba(50, 128, 100, 255), overSolid("#64FFC8", "core.curves", 2, 2,
                n -> n.set("master", "0,0 1,0.5"))[0]);
        // red inverted after the master: 255 - round(100 * 0.5)
        assertEquals(rgba(205, 128, 100, 255), overSolid("#64FFC8", "core.curves", 2, 2,
                n -> n.set("master", "0,0 1,0.5").set("red", "0,1 1,0"))[0]);
        // a monotone cubic through (0.5, 0.8): the point itself is hit, no overshoot anywhere
        assertEquals(rgba(204, 204, 204, 255), overSolid("#808080", "core.curves", 2, 2,
                n -> n.set("master", "0,0 0.50196,0.8 1,1"))[0]);
        int prev = -1;
        for (int v = 0; v < 256; v += 5) {
            int got = overSolid(String.format("#%02X%02X%02X", v, v, v), "core.curves", 1, 1,
                    n -> n.set("green", "0,0 0.2,0.6 0.4,0.65 1,1"))[0];
            int gg = (got >> 8) & 0xFF;
            assertTrue(gg >= prev, "monotone at " + v);
            assertEquals(v, got & 0xFF, "red untouched");
            prev = gg;
        }
        // a bad point fails with the parameter, the text and the expected form (the input passes through)
        Graph g = new Graph();
        g.add("src", "core.solid").set("color", "#808080");
        g.add("out", "core.curves").set("blue", "0,0 0.5;0.5 1,1");
        g.connect("src", "out", "source");
        try (RenderResult r = fx.engine.compile(g.output("out"), null).render(0, 4, 4, 1.0)) {
            String msg = r.messages().toString();
            assertTrue(msg.contains("curves parameter 'blue'") && msg.contains("'0.5'"), msg);
            assertEquals(rgba(128, 128, 128, 255), Fixture.pixel(r.frame(), 0, 0));
        }
    }

    // ---- colour wheels

    @Test
    void colourWheelsFollowTheirFormulas() throws Exception {
        assertEquals(rgba(51, 51, 51, 255), overSolid("#000000", "core.color_wheels", 2, 2,
                n -> n.set("lift_luma", 0.2))[0], "lift raises black by 0.2");
        assertEquals(rgba(200, 200, 200, 255), overSolid("#646464", "core.color_wheels", 2, 2,
                n -> n.set("gain_luma", 1.0))[0], "gain 1 doubles");
        assertEquals(rgba(128, 128, 128, 255), overSolid("#404040", "core.color_wheels", 2, 2,
                n -> n.set("gamma_luma", 1.0))[0], "gamma 1 = square root: sqrt(64/255) * 255 = 127.75");
        assertEquals(rgba(130, 100, 70, 255), overSolid("#646464", "core.color_wheels", 2, 2,
                n -> n.set("temperature", 1.0))[0], "warmer: red * 1.3, blue * 0.7");
        assertEquals(rgba(100, 70, 100, 255), overSolid("#646464", "core.color_wheels", 2, 2,
                n -> n.set("tint", 1.0))[0], "magenta: green * 0.7");
        // the offset wheel towards red (vectorscope ~103 deg): red up, green and blue down, luma kept
        int p = overSolid("#808080", "core.color_wheels", 2, 2, n -> n.set("offset_hue", 102.9)
                .set("offset_sat", 0.4))[0];
        // chroma (Cb, Cr) = 0.1 * (cos, sin) 102.9 deg -> R = 128 + 255 * 1.5748 * Cr
        double cb = 0.1 * Math.cos(Math.toRadians(102.9));
        double cr = 0.1 * Math.sin(Math.toRadians(102.9));
        assertEquals(Math.round(128 + 255 * 1.5748 * cr), p & 0xFF, hex(p));
        assertEquals(Math.round(128 + 255 * (-0.187324 * cb - 0.468124 * cr)), (p >> 8) & 0xFF, hex(p));
        assertEquals(Math.round(128 + 255 * 1.8556 * cb), (p >> 16) & 0xFF, hex(p));
        // the lift wheel's master ring is core.grade's lift: the same bytes
        Graph a = new Graph();
        a.add("src", "core.zone_plate");
        a.add("out", "core.color_wheels").set("lift_luma", 0.2).set("saturation", 1.4);
        a.connect("src", "out", "source");
        Graph b = new Graph();
        b.add("src", "core.zone_plate");
        b.add("out", "core.grade").set("lift", new double[] {0.2, 0.2, 0.2, 1}).set("saturation", 1.4);
        b.connect("src", "out", "source");
        assertArrayEquals(render(b.output("out"), 37, 21), render(a.output("out"), 37, 21));
    }

    // ---- vignette

    @Test
    void vignetteDarkensOutsideTheMidpoint() throws Exception {
        // a hard edge at d = 0.5 on a 100x100 grey: d = |(2 (x + 0.5) / 100 - 1, ...)|
        int[] px = overSolid("#808080", "core.vignette", 100, 100, n -> n.set("amount", -1.0).set("midpoint", 0.5)
                .set("feather", 0.0));
        int grey = rgba(128, 128, 128, 255);
        assertEquals(grey, px[50 * 100 + 50], "centre");
        assertEquals(grey, px[50 * 100 + 30], "d = 0.39");
        assertEquals(rgba(0, 0, 0, 255), px[50 * 100 + 20], "d = 0.59");
        assertEquals(rgba(0, 0, 0, 255), px[0], "corner");
        // brighten with a soft edge: v + (255 - v) * |amount| * smoothstep((d - 0.3) / 0.4)
        int[] soft = overSolid("#808080", "core.vignette", 100, 100, n -> n.set("amount", 0.5).set("midpoint", 0.5)
                .set("feather", 0.4));
        for (int x = 0; x < 50; x += 3) {
            double d = Math.abs(2 * (x + 0.5) / 100 - 1);
            double dy = Math.abs(2 * 50.5 / 100 - 1);
            double dd = Math.hypot(d, dy);
            double t = Math.max(0, Math.min(1, (dd - 0.3) / 0.4));
            t = t * t * (3 - 2 * t);
            long expected = Math.round(128 + 127 * 0.5 * t);
            int got = soft[50 * 100 + x] & 0xFF;
            assertTrue(Math.abs(got - expected) <= 1, "x=" + x + ": " + got + " vs " + expected);
        }
        // roundness 1 on a 200x100 frame: a circle whose d = 1 is 50 px from the centre, so d = 0.5 at 25 px on
        // both axes (an ellipse would reach 50 px horizontally)
        int[] round = overSolid("#808080", "core.vignette", 200, 100, n -> n.set("amount", -1.0)
                .set("midpoint", 0.5).set("feather", 0.0).set("roundness", 1.0));
        int black = rgba(0, 0, 0, 255);
        assertEquals(grey, round[50 * 200 + 100 + 20], "20 px right");
        assertEquals(black, round[50 * 200 + 100 + 30], "30 px right");
        assertEquals(grey, round[70 * 200 + 100], "20 px down");
        assertEquals(black, round[80 * 200 + 100], "30 px down");
        // alpha is untouched, amount 0 passes through
        int[] alpha = overSolid("#80808040", "core.vignette", 20, 20, n -> n.set("amount", -1.0));
        assertEquals(0x40, alpha[0] >>> 24);
        assertArrayEquals(overSolid("#123456", "core.grade", 9, 9, n -> { }),
                overSolid("#123456", "core.vignette", 9, 9, n -> n.set("amount", 0.0)));
    }
}
