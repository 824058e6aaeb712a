package org.lumaflow.engine.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.internal.registry.Containment;
import org.lumaflow.engine.internal.render.CompiledGraphImpl;
import org.lumaflow.engine.internal.render.GraphCompiler;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.tests.support.Fixture;

/**
 * The issue 18 effects and titles in the optimised render plan (fused passes, static outputs, the encoder's 4:2:0 in
 * the last pass) against the plain node-by-node plan: identical bytes, over animated parameters, clip time and odd
 * sizes.
 */
class EffectsFusionTest {

    private static final long SECOND = Ticks.PER_SECOND;
    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private static Animation ramp(double from, double to) {
        return new Animation(List.of(Keyframe.of(0, from, Interpolation.LINEAR),
                Keyframe.of(2 * SECOND, to, Interpolation.LINEAR)));
    }

    /** A clip with every new effect in a chain, keyed over bars, with a fading title on top. */
    static Graph chain() {
        Graph g = new Graph();
        g.add("zone", "core.zone_plate").set("frequency", 0.3);
        g.add("crop", "core.crop").set("left", 0.1).set("top", 0.05).set("feather", 3.0);
        g.add("sharpen", "core.sharpen").set("amount", 1.3).set("radius", 1.2).set("threshold", 0.02);
        g.add("curves", "core.curves").set("master", "0,0.05 0.4,0.3 1,0.95").set("red", "0,0 0.5,0.6 1,1");
        g.add("wheels", "core.color_wheels").set("lift_hue", 200.0).set("lift_sat", 0.3).set("gain_luma", 0.1)
                .set("temperature", 0.2).set("saturation", 1.2);
        g.add("vignette", "core.vignette").set("amount", ramp(-0.8, 0.4)).set("roundness", -0.5);
        g.add("key", "core.chroma_key").set("key", "#30C050").set("tolerance", 0.15).set("softness", 0.2);
        g.add("bars", "core.smpte_bars");
        g.add("v1", "core.blend");
        g.add("title", "core.title").set("text", "Fused\ntitle").set("size", 14.0).set("animation", "slide_up")
                .set("anim_in", 1.0).set("box", true).set("outline", 1.0).set("shadow", true);
        g.add("v2", "core.blend");
        g.connect("zone", "crop", "source").connect("crop", "sharpen", "source").connect("sharpen", "curves",
                "source");
        g.connect("curves", "wheels", "source").connect("wheels", "vignette", "source").connect("vignette", "key",
                "source");
        g.connect("bars", "v1", "background").connect("key", "v1", "foreground");
        g.connect("v1", "v2", "background").connect("title", "v2", "foreground");
        return g.output("v2");
    }

    /** The same with the other modes: crop fill, matte output, a static title. */
    static Graph variants() {
        Graph g = new Graph();
        g.add("checker", "core.checker").set("size", 5.0).set("color_b", "#20E040");
        g.add("crop", "core.crop").set("right", 0.3).set("bottom", 0.2).set("mode", "fill").set("feather", 2.0);
        g.add("key", "core.chroma_key").set("key", "#20E040").set("output", "matte");
        g.add("title", "core.title").set("text", "Static").set("size", 11.0).set("align", "left")
                .set("valign", "top").set("margin_x", 2.0).set("margin_y", 1.0);
        g.add("over", "core.blend").set("mode", "screen");
        g.connect("checker", "crop", "source").connect("crop", "key", "source");
        g.connect("key", "over", "background").connect("title", "over", "foreground");
        return g.output("over");
    }

    private CompiledGraphImpl compile(Graph g, boolean optimise) throws GraphException {
        return GraphCompiler.compile(g, fx.registry.snapshot(), fx.pool, null, Containment.SHARED, optimise);
    }

    private static byte[] bytes(Frame f) {
        ByteBuffer b = f.buffer();
        byte[] a = new byte[b.capacity()];
        b.get(0, a);
        return a;
    }

    private void assertSame(Graph g, int w, int h, long... times) throws GraphException {
        CompiledGraphImpl fused = compile(g, true);
        CompiledGraphImpl plain = compile(g, false);
        for (long t : times) {
            try (RenderResult a = fused.render(t, w, h, 1); RenderResult b = plain.render(t, w, h, 1)) {
                assertTrue(b.clean(), b.messages().toString());
                assertEquals(b.messages(), a.messages(), "messages at " + t);
                assertArrayEquals(bytes(b.frame()), bytes(a.frame()), w + "x" + h + " at " + t);
            }
        }
    }

    @Test
    void fusedPassesGiveTheBytesOfTheNodeByNodePlan() throws GraphException {
        long[] times = {0, SECOND / 3, SECOND, 2 * SECOND};
        for (int[] size : new int[][] {{1, 1}, {3, 7}, {64, 36}, {333, 101}}) {
            assertSame(chain(), size[0], size[1], times);
            assertSame(variants(), size[0], size[1], times);
        }
    }

    @Test
    void theLastPassWritesTheEncodersFormatAsTheConverterWould() throws GraphException {
        CompiledGraphImpl fused = compile(chain(), true);
        CompiledGraphImpl plain = compile(chain(), false);
        try (RenderResult a = fused.render(SECOND / 2, 64, 36, 1, PixelFormat.NV12);
                RenderResult b = plain.render(SECOND / 2, 64, 36, 1, PixelFormat.NV12)) {
            assertEquals(PixelFormat.NV12, a.frame().format());
            assertArrayEquals(bytes(b.frame()), bytes(a.frame()));
        }
    }
}
