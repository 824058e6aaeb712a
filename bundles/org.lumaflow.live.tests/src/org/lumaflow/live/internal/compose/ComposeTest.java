package org.lumaflow.live.internal.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.live.Layout;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.internal.session.LiveFixture;

/** Layout graphs render the right pictures from slots holding pictures of known colours. */
class ComposeTest {

    private static final int RED = 0xFF0000FF; // packed RGBA8 (R in the low byte)
    private static final int BLUE = 0xFFFF0000;
    private static final int GREEN = 0xFF00FF00;
    private static final int WHITE = 0xFFFFFFFF;
    private static final int BLACK = 0xFF000000;
    private static LiveFixture fx;

    @BeforeAll
    static void setUp() throws Exception {
        fx = LiveFixture.get();
        fx.engine.preferBackend("cpu");
    }

    private Frame solid(int w, int h, int packed) {
        Frame f = fx.engine.pool().lease(w, h, PixelFormat.RGBA8, Usage.DECODE);
        for (int i = 0; i < w * h * 4; i += 4) {
            f.buffer().putInt(i, packed);
        }
        return f;
    }

    private int[] render(Layout layout, int w, int h, Frame... sources) throws Exception {
        String id = "compose-" + System.nanoTime();
        LiveSlots.Slot[] slots = LiveSlots.open(id, sources.length);
        try {
            for (int i = 0; i < sources.length; i++) {
                slots[i].set(sources[i], 1);
                sources[i].release();
            }
            CompiledGraph g = fx.engine.compile(LayoutGraphs.build(layout, id, w, h, List.of(),
                    fx.engine.registry().snapshot()), null);
            try (RenderResult r = g.render(0, w, h, 1)) {
                assertTrue(r.clean(), () -> "render messages: " + r.messages());
                int[] px = new int[w * h];
                r.frame().buffer().asIntBuffer().get(0, px);
                return px;
            }
        } finally {
            LiveSlots.close(id);
        }
    }

    private static void assertPixel(int[] px, int w, int x, int y, int expected, String what) {
        int got = px[y * w + x];
        assertEquals(String.format(Locale.ROOT, "%08x", expected), String.format(Locale.ROOT, "%08x", got),
                what + " at " + x + "," + y);
    }

    @Test
    void fullFitsTheFirstSourceLetterboxed() throws Exception {
        int[] same = render(Layout.full(), 320, 180, solid(320, 180, RED));
        assertPixel(same, 320, 0, 0, RED, "same size");
        assertPixel(same, 320, 319, 179, RED, "same size");
        // a 4:3 source in a 16:9 frame: 240x180 in the middle, black bars left and right
        int[] fit = render(Layout.full(), 320, 180, solid(160, 120, GREEN));
        assertPixel(fit, 320, 160, 90, GREEN, "fitted picture");
        assertPixel(fit, 320, 45, 90, GREEN, "fitted picture's left edge region");
        assertPixel(fit, 320, 30, 90, BLACK, "left bar");
        assertPixel(fit, 320, 290, 10, BLACK, "right bar");
    }

    @Test
    void pipInsetHasItsPositionSizeAndBorder() throws Exception {
        Layout l = new Layout(Layout.Kind.PIP, 0.75, 0.5, 0.25, 4);
        int[] px = render(l, 320, 180, solid(320, 180, RED), solid(320, 180, BLUE));
        // inset: 80x45 centred at (240, 90): x 200..280, y 67.5..112.5; border 4 px around it
        assertPixel(px, 320, 240, 90, BLUE, "inset centre");
        assertPixel(px, 320, 203, 72, BLUE, "inset near its top-left corner");
        assertPixel(px, 320, 277, 108, BLUE, "inset near its bottom-right corner");
        assertPixel(px, 320, 198, 90, WHITE, "left border");
        assertPixel(px, 320, 282, 90, WHITE, "right border");
        assertPixel(px, 320, 240, 65, WHITE, "top border");
        assertPixel(px, 320, 240, 115, WHITE, "bottom border");
        assertPixel(px, 320, 194, 90, RED, "background left of the border");
        assertPixel(px, 320, 240, 62, RED, "background above the border");
        assertPixel(px, 320, 20, 20, RED, "background");
        int blue = 0;
        int white = 0;
        for (int p : px) {
            blue += p == BLUE ? 1 : 0;
            white += p == WHITE ? 1 : 0;
        }
        // 80x45 = 3600 inset pixels (edges blended), border ring (88x53 - 80x45 = 1064)
        assertTrue(blue > 3300 && blue <= 3600, "inset area " + blue);
        assertTrue(white > 850 && white < 1200, "border area " + white);
    }

    @Test
    void sideBySideShowsBothHalves() throws Exception {
        int[] px = render(Layout.side(), 320, 180, solid(320, 180, RED), solid(320, 180, BLUE));
        assertPixel(px, 320, 80, 90, RED, "left half");
        assertPixel(px, 320, 5, 50, RED, "left half");
        assertPixel(px, 320, 240, 90, BLUE, "right half");
        assertPixel(px, 320, 314, 130, BLUE, "right half");
        assertPixel(px, 320, 80, 20, BLACK, "letterbox above the left picture");
        assertPixel(px, 320, 240, 170, BLACK, "letterbox below the right picture");
    }

    @Test
    void composerDeliversNv12AtTheOutputSizeAlsoFromALoweredRenderSize() throws Exception {
        String id = "composer-" + System.nanoTime();
        LiveSlots.Slot[] slots = LiveSlots.open(id, 1);
        Frame red = solid(320, 180, RED);
        slots[0].set(red, 1);
        red.release();
        try (Composer c = new Composer(fx.engine, fx.converters, Layout.full(), id, 320, 180, List.of(), null,
                null)) {
            for (int[] size : new int[][] {{320, 180}, {240, 134}, {160, 90}}) {
                Frame f = c.render(0, size[0], size[1]);
                try {
                    assertEquals(PixelFormat.NV12, f.format());
                    assertEquals(320, f.width());
                    assertEquals(180, f.height());
                    // BT.709 limited range red: Y 63, U 102, V 240
                    int y = f.buffer().get(90 * 320 + 160) & 255;
                    int u = f.buffer().get(320 * 180 + 45 * 320 + 160) & 255;
                    int v = f.buffer().get(320 * 180 + 45 * 320 + 161) & 255;
                    assertTrue(Math.abs(y - 63) <= 2 && Math.abs(u - 102) <= 2 && Math.abs(v - 240) <= 2,
                            "red in NV12 from " + size[0] + "x" + size[1] + ": " + y + "," + u + "," + v);
                } finally {
                    f.release();
                }
            }
            Frame p = c.program();
            assertNotNull(p, "the newest program picture is kept for previews");
            p.release();
        } finally {
            LiveSlots.close(id);
        }
    }

    @Test
    void effectsFileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path none = dir.resolve("missing.json");
        LiveException e = assertThrows(LiveException.class, () -> Effects.load(none));
        assertTrue(e.getMessage().contains(none.toString()) && e.getMessage().contains("no such file"),
                e.getMessage());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"lumaflow\": 1, ");
        e = assertThrows(LiveException.class, () -> Effects.load(bad));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        Path noProgram = dir.resolve("noprogram.json");
        Files.writeString(noProgram, """
                {"lumaflow": 1, "format": {"width": 320, "height": 180, "rate": 30},
                 "tracks": [{"clips": [{"id": "a", "start": 0, "duration": 1, "source": {"type": "core.solid"}}]}]}
                """);
        e = assertThrows(LiveException.class, () -> Effects.load(noProgram));
        assertTrue(e.getMessage().contains("live.program") && e.getMessage().contains(noProgram.toString()),
                e.getMessage());
        Path fxFile = LiveFixture.effects(dir, "core.grade", "core.gaussian_blur");
        assertEquals(List.of("core.grade", "core.gaussian_blur"), Effects.load(fxFile).stream()
                .map(n -> n.type()).toList());
        // an unknown node type fails the composition's compile naming the effects file
        Path unknown = LiveFixture.effects(dir, "nosuch.effect");
        String id = "fx-" + System.nanoTime();
        LiveSlots.open(id, 1);
        try {
            e = assertThrows(LiveException.class, () -> new Composer(fx.engine, fx.converters, Layout.full(), id,
                    320, 180, Effects.load(unknown), dir, unknown.toString()));
            assertTrue(e.getMessage().contains(unknown.toString()) && e.getMessage().contains("nosuch.effect"),
                    e.getMessage());
        } finally {
            LiveSlots.close(id);
        }
    }
}
