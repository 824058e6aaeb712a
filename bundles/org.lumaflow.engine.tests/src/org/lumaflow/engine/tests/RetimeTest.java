package org.lumaflow.engine.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.TimeMap;
import org.lumaflow.engine.internal.render.CompiledGraphImpl;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.tests.support.Fixture;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Retime;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;

/**
 * Speed changes in the engine: the exact time map, retimed sources (test.time_probe shows its local frame number),
 * effects kept in clip time, frame blending on the timeline's grid for generators.
 */
class RetimeTest {

    private static final FrameRate R = FrameRate.FPS_25;
    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private static long f(long frames) {
        return R.frameToTicks(frames);
    }

    @Test
    void ratesBecomeExactFractions() {
        assertArrayEquals(new long[] {1, 2}, TimeMap.fraction(0.5));
        assertArrayEquals(new long[] {2, 1}, TimeMap.fraction(2));
        assertArrayEquals(new long[] {-1, 4}, TimeMap.fraction(-0.25));
        assertArrayEquals(new long[] {1, 3}, TimeMap.fraction(1.0 / 3));
        assertArrayEquals(new long[] {1001, 1000}, TimeMap.fraction(1.001));
        assertArrayEquals(new long[] {960, 1001}, TimeMap.fraction(24000.0 / 1001 / 25));
        assertArrayEquals(new long[] {0, 1}, TimeMap.fraction(0));
    }

    @Test
    void mapIsExactFloorOverDaysOfTicks() {
        TimeMap m = TimeMap.linear(f(3), 17, 960, 1001);
        for (long d : new long[] {0, 1, 1000, f(1) * 2_159_999, 61_000_000_000_000L, 61_000_000_000_999L}) {
            BigInteger exact = BigInteger.valueOf(d).multiply(BigInteger.valueOf(960))
                    .divide(BigInteger.valueOf(1001));
            assertEquals(17 + exact.longValueExact(), m.apply(f(3) + d), "d=" + d);
        }
        TimeMap back = TimeMap.linear(100, 0, -1, 2);
        assertEquals(0, back.apply(100));
        assertEquals(-1, back.apply(101)); // floor(-1/2)
        assertEquals(5, TimeMap.linear(0, 5, 0, 1).apply(123456)); // frozen
        assertEquals(7, TimeMap.linear(0, 0, 1, 1).wrap(10).apply(27));
        assertEquals(50, TimeMap.linear(0, 0, 1, 1).clamp(0, 50).apply(80));
    }

    private Timeline probeClip(long in, long frames, Retime rt, Retime.Frames sampling) {
        Timeline tl = new Timeline(new VideoFormat(16, 16, R));
        Track t = new Track("V1");
        Clip c = new Clip("c", new GraphNode("c", "test.time_probe"), f(4), f(in), f(frames));
        c.setRetime(new Retime(rt.rate(), sampling, true));
        t.clips().add(c);
        tl.tracks().add(t);
        return tl;
    }

    private static int frameShown(TimelineRenderer r, long frame) throws Exception {
        try (RenderResult res = r.renderFrame(frame, 16, 16)) {
            assertTrue(res.clean(), res.messages().toString());
            return Fixture.pixel(res.frame(), 3, 3) & 0xFFFF;
        }
    }

    @Test
    void speedsReverseAndFreezeMapClipFrames() throws Exception {
        record Case(double rate, long in, long frames, long[] expected) {
        }
        List<Case> cases = List.of(new Case(2, 10, 6, new long[] {10, 12, 14, 16, 18, 20}),
                new Case(0.5, 10, 6, new long[] {10, 10, 11, 11, 12, 12}),
                new Case(-1, 10, 6, new long[] {15, 14, 13, 12, 11, 10}),
                new Case(-0.5, 10, 6, new long[] {12, 12, 11, 11, 10, 10}),
                new Case(-2, 10, 3, new long[] {14, 12, 10}),
                new Case(0, 10, 4, new long[] {10, 10, 10, 10}));
        for (Case k : cases) {
            TimelineRenderer r = new TimelineRenderer(fx.engine,
                    probeClip(k.in, k.frames, Retime.speed(k.rate), Retime.Frames.NEAREST), null);
            for (int i = 0; i < k.expected.length; i++) {
                assertEquals(k.expected[i], frameShown(r, 4 + i), "rate " + k.rate + ", clip frame " + i);
            }
        }
    }

    @Test
    void effectsKeepClipTimeWhileTheSourceIsRetimed() throws Exception {
        Timeline tl = probeClip(10, 20, Retime.speed(3), Retime.Frames.NEAREST);
        Clip c = tl.tracks().get(0).clips().get(0);
        GraphNode grade = new GraphNode("fx", "core.grade").set("exposure", new Animation(List.of(
                Keyframe.of(f(10), 0, Interpolation.LINEAR), Keyframe.of(f(30), 1, Interpolation.LINEAR))));
        c.effects().add(grade);
        TimelineRenderer r = new TimelineRenderer(fx.engine, tl, null);
        CompiledGraphImpl g = (CompiledGraphImpl) r.graphAt(f(9));
        int src = -1;
        int eff = -1;
        for (int i = 0; i < g.size(); i++) {
            src = g.id(i).equals("c") ? i : src;
            eff = g.id(i).equals("c/fx") ? i : eff;
        }
        assertEquals(f(10 + 5 * 3), g.params(src, f(9), 16, 16, 1).time(), "source: in + 3 * 5 frames");
        assertEquals(f(15), g.params(eff, f(9), 16, 16, 1).time(), "effect: in + 5 frames");
        assertEquals(0.25, g.params(eff, f(9), 16, 16, 1).number("exposure"), 1e-9, "keyframes in clip time");
    }

    @Test
    void generatorsBlendOnTheTimelineGrid() throws Exception {
        TimelineRenderer r = new TimelineRenderer(fx.engine, probeClip(10, 10, Retime.speed(0.4),
                Retime.Frames.BLEND), null);
        for (int i = 0; i < 10; i++) {
            double pos = 10 + 0.4 * i;
            int lo = (int) Math.floor(pos + 1e-9);
            double w = pos - lo;
            int hi = Math.min(lo + 1, 13); // the range is frames 10..13 (4 frames): held at its last
            double expected = lo * (1 - w) + hi * w;
            try (RenderResult res = r.renderFrame(4 + i, 16, 16)) {
                assertTrue(res.clean(), res.messages().toString());
                int red = Fixture.pixel(res.frame(), 3, 3) & 0xFF;
                assertEquals(expected, red, 1.0, "clip frame " + i + " at source frame " + pos);
            }
        }
    }
}
