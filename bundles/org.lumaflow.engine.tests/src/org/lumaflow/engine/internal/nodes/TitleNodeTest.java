package org.lumaflow.engine.internal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.engine.tests.support.Fixture;

/**
 * {@code core.title}: glyph boxes where alignment and margins put them (from the font's own metrics), outline, shadow
 * and box where expected, animation presets at given clip times, the raster drawn once per distinct style, fonts,
 * and a title clip loaded from a project file.
 */
class TitleNodeTest {

    private static final int W = 320;
    private static final int H = 180;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private int[] title(double seconds, Consumer<GraphNode> params) throws Exception {
        Graph g = new Graph();
        params.accept(g.add("out", "core.title").set("text", "H").set("size", 40.0));
        try (RenderResult r = fx.engine.compile(g.output("out"), null).render(Ticks.ofMillis(Math.round(seconds
                * 1000)), W, H, 1.0)) {
            assertTrue(r.clean(), r.messages().toString());
            return pixels(r);
        }
    }

    private static int[] pixels(RenderResult r) {
        int[] px = new int[r.frame().width() * r.frame().height()];
        r.frame().buffer().asIntBuffer().get(0, px);
        return px;
    }

    /** {minX, minY, maxX, maxY} of the pixels matching {@code p}, or null when none. */
    private static int[] box(int[] px, IntPredicate p) {
        int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int i = 0; i < px.length; i++) {
            if (p.test(px[i])) {
                b[0] = Math.min(b[0], i % W);
                b[1] = Math.min(b[1], i / W);
                b[2] = Math.max(b[2], i % W);
                b[3] = Math.max(b[3], i / W);
            }
        }
        return b[2] < 0 ? null : b;
    }

    private static final IntPredicate VISIBLE = p -> (p >>> 24) != 0;

    private static Font font() {
        return TitleRaster.Fonts.bundled().deriveFont(40f);
    }

    private static LineMetrics metrics() {
        return font().getLineMetrics("Ag", FRC);
    }

    /** The H's outline bounds relative to its baseline origin. */
    private static Rectangle2D glyph() {
        return font().createGlyphVector(FRC, "H").getVisualBounds();
    }

    private static double advance() {
        return font().createGlyphVector(FRC, "H").getGlyphMetrics(0).getAdvance();
    }

    private static void near(double expected, int got, double tol, String what) {
        assertTrue(Math.abs(expected - got) <= tol, what + ": " + got + " vs " + expected);
    }

    /** Checks the glyph box for a block whose top-left lands at (bx, by) (whole pixels). */
    private static void glyphAt(int[] b, int bx, int by) {
        Rectangle2D gl = glyph();
        double base = by + metrics().getAscent();
        near(bx + gl.getMinX(), b[0], 1, "left");
        near(bx + gl.getMaxX() - 1, b[2], 1, "right");
        near(base + gl.getMinY(), b[1], 1, "top");
        near(base + gl.getMaxY() - 1, b[3], 1, "bottom");
    }

    @Test
    void glyphBoxesFollowAlignmentAndMargins() throws Exception {
        double bw = advance();
        double bh = metrics().getAscent() + metrics().getDescent();
        glyphAt(box(title(0, n -> { }), VISIBLE), (int) Math.floor((W - bw) / 2 + 0.5),
                (int) Math.floor((H - bh) / 2 + 0.5));
        glyphAt(box(title(0, n -> n.set("align", "left").set("valign", "top").set("margin_x", 10.0)
                .set("margin_y", 12.0)), VISIBLE), 10, 12);
        glyphAt(box(title(0, n -> n.set("align", "right").set("valign", "bottom").set("margin_x", 20.0)
                .set("margin_y", 5.0)), VISIBLE), (int) Math.floor(W - 20 - bw + 0.5),
                (int) Math.floor(H - 5 - bh + 0.5));
        // the fill is the colour asked for, opaque inside the stems
        int[] px = title(0, n -> n.set("color", "#FFC000"));
        assertTrue(Arrays.stream(px).anyMatch(p -> p == 0xFF00C0FF), "opaque fill pixels");
    }

    @Test
    void multipleLinesStackByTheLineHeight() throws Exception {
        int[] px = title(0, n -> n.set("text", "H\nH").set("align", "left").set("valign", "top"));
        boolean[] rows = new boolean[H];
        for (int i = 0; i < px.length; i++) {
            rows[i / W] |= (px[i] >>> 24) != 0;
        }
        int first = -1;
        int second = -1;
        for (int y = 1; y < H; y++) {
            if (rows[y] && !rows[y - 1]) {
                if (first < 0) {
                    first = y;
                } else if (second < 0) {
                    second = y;
                }
            }
        }
        LineMetrics lm = metrics();
        near(lm.getAscent() + lm.getDescent() + lm.getLeading(), second - first, 1, "line pitch");
    }

    @Test
    void outlineShadowAndBoxAreWhereExpected() throws Exception {
        int[] plain = box(title(0, n -> { }), VISIBLE);
        int[] outlined = title(0, n -> n.set("outline", 3.0).set("outline_color", "#FF0000"));
        int[] ob = box(outlined, VISIBLE);
        for (int i = 0; i < 2; i++) {
            near(plain[i] - 3, ob[i], 1, "outline grows the box by 3 px (" + i + ")");
            near(plain[i + 2] + 3, ob[i + 2], 1, "outline grows the box by 3 px (" + (i + 2) + ")");
        }
        int[] red = box(outlined, p -> p == 0xFF0000FF);
        assertEquals(ob[0], red[0], 1, "the outermost pixels are outline");
        assertTrue(Arrays.stream(outlined).anyMatch(p -> p == 0xFFFFFFFF), "white fill inside the outline");

        int[] shadowed = title(0, n -> n.set("shadow", true).set("shadow_x", 8.0).set("shadow_y", 6.0)
                .set("shadow_blur", 0.0).set("shadow_color", "#0000FF"));
        int[] blue = box(shadowed, p -> (p & 0xFFFFFF) == 0xFF0000 && (p >>> 24) == 255);
        near(plain[2] + 8, blue[2], 1, "shadow right edge");
        near(plain[3] + 6, blue[3], 1, "shadow bottom edge");
        int[] blurred = box(title(0, n -> n.set("shadow", true).set("shadow_x", 8.0).set("shadow_y", 6.0)
                .set("shadow_blur", 3.0).set("shadow_color", "#0000FF")), VISIBLE);
        assertTrue(blurred[2] > plain[2] + 8 + 3 && blurred[3] > plain[3] + 6 + 3, "blur spreads the shadow");

        double bw = advance();
        double bh = metrics().getAscent() + metrics().getDescent();
        int bx = (int) Math.floor((W - bw) / 2 + 0.5);
        int by = (int) Math.floor((H - bh) / 2 + 0.5);
        int[] boxed = title(0, n -> n.set("box", true).set("box_padding", 10.0).set("box_radius", 0.0)
                .set("box_color", "#00FF00"));
        int green = 0xFF00FF00;
        assertEquals(green, boxed[(by - 9) * W + bx - 9], "inside the box's corner");
        assertEquals(green, boxed[(by + (int) bh + 8) * W + bx + (int) bw + 8], "inside the opposite corner");
        assertEquals(0, boxed[(by - 12) * W + bx - 12], "outside the box");
        glyphAt(box(boxed, p -> p == 0xFFFFFFFF), bx, by);
        int[] rounded = title(0, n -> n.set("box", true).set("box_padding", 10.0).set("box_radius", 12.0)
                .set("box_color", "#00FF00"));
        assertEquals(0, rounded[(by - 10) * W + bx - 10] >>> 24, "the rounded corner is cut");
        assertEquals(green, rounded[(by + (int) (bh / 2)) * W + bx - 9], "the box's side");
    }

    private static int maxAlpha(int[] px) {
        return Arrays.stream(px).map(p -> p >>> 24).max().orElse(0);
    }

    @Test
    void animationPresetsFollowClipTime() throws Exception {
        Consumer<GraphNode> fade = n -> n.set("animation", "fade").set("anim_in", 1.0).set("anim_out", 1.0)
                .set("duration", 4.0);
        assertEquals(0, maxAlpha(title(0, fade)));
        assertEquals(128, maxAlpha(title(0.5, fade)));
        assertEquals(255, maxAlpha(title(2, fade)));
        assertEquals(128, maxAlpha(title(3.5, fade)));
        assertEquals(0, maxAlpha(title(4, fade)));
        assertEquals(255, maxAlpha(title(3.5, n -> n.set("animation", "fade").set("anim_in", 1.0))),
                "no out-animation without a duration");

        Consumer<GraphNode> slide = n -> n.set("animation", "slide_up").set("anim_in", 1.0);
        int rest = box(title(2, slide), VISIBLE)[1];
        double dist = 0.1 * H;
        near(rest + dist * Math.pow(0.75, 3), box(title(0.25, slide), VISIBLE)[1], 1, "a quarter in (ease out)");
        near(rest + dist * Math.pow(0.5, 3), box(title(0.5, slide), VISIBLE)[1], 1, "half way");
        assertEquals(Math.round(0.25 * 256 * 255 / 256.0), maxAlpha(title(0.25, slide)), 1, "fading in as well");

        Consumer<GraphNode> type = n -> n.set("text", "HHHH").set("animation", "typewriter").set("anim_in", 1.0);
        assertEquals(0, maxAlpha(title(0, type)));
        int[] full = box(title(1, type), VISIBLE);
        int[] half = box(title(0.5, type), VISIBLE);
        assertEquals(full[0], half[0], "the first characters stay where the full line puts them");
        double adv = advance();
        near(full[2] - 2 * adv, half[2], 2, "two of four characters");
        assertEquals(255, maxAlpha(title(0.5, type)));
    }

    @Test
    void theRasterIsDrawnOncePerDistinctStyle() throws Exception {
        Graph g = new Graph();
        g.add("out", "core.title").set("text", "Cached").set("animation", "fade").set("anim_in", 2.0)
                .set("shadow", true).set("box", true);
        CompiledGraph cg = fx.engine.compile(g.output("out"), null);
        int before = TitleRaster.COUNT.get();
        for (int k = 0; k < 6; k++) {
            cg.render(Ticks.ofMillis(k * 300), W, H, 1.0).close();
        }
        assertEquals(1, TitleRaster.COUNT.get() - before, "a fade only changes the opacity");
        Graph t = new Graph();
        t.add("out", "core.title").set("text", "ABCD").set("animation", "typewriter").set("anim_in", 1.0);
        CompiledGraph tg = fx.engine.compile(t.output("out"), null);
        before = TitleRaster.COUNT.get();
        for (int ms : new int[] {0, 100, 260, 300, 510, 520, 800, 1000, 1500}) {
            tg.render(Ticks.ofMillis(ms), W, H, 1.0).close();
        }
        assertEquals(5, TitleRaster.COUNT.get() - before, "0, 1, 2, 3 characters and the full text");
    }

    @Test
    void fontsComeFromTheSystemAndAMissingOneIsNamed() throws Exception {
        Graph g = new Graph();
        g.add("out", "core.title").set("text", "Hg").set("font", "No Such Font 42");
        try (RenderResult r = fx.engine.compile(g.output("out"), null).render(0, W, H, 1.0)) {
            String msg = r.messages().toString();
            assertTrue(msg.contains("'No Such Font 42' is not installed") && msg.contains("DejaVu Sans"), msg);
            assertTrue(maxAlpha(pixels(r)) == 255, "rendered with the bundled font");
        }
        if (!TitleRaster.Fonts.families().contains("DejaVu Serif")) {
            return; // the system part needs a second installed family (fonts-dejavu-core has it)
        }
        int[] sans = title(0, n -> n.set("text", "Hg"));
        int[] serif = title(0, n -> n.set("text", "Hg").set("font", "dejavu serif"));
        assertFalse(Arrays.equals(sans, serif), "another family draws other glyphs");
        assertFalse(Arrays.equals(serif, title(0, n -> n.set("text", "Hg").set("font", "DejaVu Serif")
                .set("style", "bold"))), "bold");
    }

    @Test
    void aTitleIsAClipSourceInAProjectFile() throws Exception {
        String json = """
                {"lumaflow": 1, "name": "titles", "format": {"width": 320, "height": 180, "rate": 25},
                 "tracks": [{"name": "V1", "clips": [
                   {"id": "t", "start": 1, "duration": 3, "source": {"type": "core.title", "params": {
                     "text": "Hello\\nworld", "size": 24, "color": "#FFFFFF", "animation": "fade",
                     "anim_in": 1, "box": true, "box_color": "#FF000080", "valign": "bottom", "margin_y": 10}}}]}]}
                """;
        Project p = ProjectIO.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                Path.of("titles.lumaflow"));
        TimelineRenderer tr = new TimelineRenderer(fx.engine, p.timeline(), null);
        try (RenderResult before = tr.renderFrame(20, W, H); RenderResult start = tr.renderFrame(25, W, H);
                RenderResult shown = tr.renderFrame(60, W, H)) {
            assertTrue(shown.clean(), shown.messages().toString());
            assertTrue(Arrays.stream(pixels(before)).allMatch(px -> px == 0xFF000000), "before the clip: black");
            assertTrue(Arrays.stream(pixels(start)).allMatch(px -> px == 0xFF000000), "clip time 0: faded out");
            int[] px = pixels(shown);
            int[] white = box(px, q -> q == 0xFFFFFFFF);
            assertTrue(white != null && white[1] > H / 2, "white text in the lower half: " + Arrays.toString(white));
            int[] boxed = box(px, q -> (q & 0xFF) > 100 && ((q >> 8) & 0xFF) < 10);
            assertTrue(boxed[0] < white[0] && boxed[3] > white[3], "the red box surrounds the text");
        }
        // no "duration" given: the clip's length is, so the fade-out ends where the clip does (frame 99: 0.04 s left)
        try (RenderResult end = tr.renderFrame(99, W, H)) {
            assertTrue(Arrays.stream(pixels(end)).noneMatch(q -> q == 0xFFFFFFFF), "faded out at the clip's end");
        }
    }
}
