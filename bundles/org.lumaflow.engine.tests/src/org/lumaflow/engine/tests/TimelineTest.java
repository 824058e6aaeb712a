package org.lumaflow.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.tests.support.Fixture;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;
import org.lumaflow.engine.timeline.VideoFormat;

class TimelineTest {

    private static final FrameRate R = FrameRate.FPS_25;
    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private static long f(long frames) {
        return R.frameToTicks(frames);
    }

    private static Timeline timeline() {
        Timeline tl = new Timeline(new VideoFormat(64, 36, R));
        Track v1 = new Track("V1");
        // a: frames 0..49 showing source frames 10..59; b: frames 40..99 (overlap 40..49 = dissolve)
        v1.clips().add(new Clip("a", new GraphNode("a", "test.time_probe"), f(0), f(10), f(50)));
        v1.clips().add(new Clip("b", new GraphNode("b", "core.solid").set("color", "#FFFFFF"), f(40), 0, f(60)));
        v1.transitions().add(new Transition("a", "b", new GraphNode("t", "core.dissolve")));
        tl.tracks().add(v1);
        return tl;
    }

    @Test
    void clipLocalTimeAndTransitionProgress() throws GraphException {
        Timeline tl = timeline();
        assertTrue(tl.validate().isEmpty(), tl.validate().toString());
        assertEquals(100, tl.frameCount());
        TimelineRenderer r = new TimelineRenderer(fx.engine, tl, null);
        try (RenderResult res = r.renderFrame(5, 64, 36)) {
            assertEquals(15, Fixture.pixel(res.frame(), 0, 0) & 0xFF, "clip a shows source frame in + 5");
        }
        try (RenderResult res = r.renderFrame(45, 64, 36)) {
            int red = Fixture.pixel(res.frame(), 0, 0) & 0xFF;
            // halfway through the dissolve: source frame 55 mixed with white
            int expected = (int) Math.round(55 + (255 - 55) * 0.5);
            assertTrue(Math.abs(red - expected) <= 1, "dissolve midpoint red=" + red + " expected~" + expected);
        }
        try (RenderResult res = r.renderFrame(60, 64, 36)) {
            assertEquals(0xFFFFFFFF, Fixture.pixel(res.frame(), 10, 10));
        }
        try (RenderResult res = r.renderFrame(150, 64, 36)) {
            assertEquals(0xFF000000, Fixture.pixel(res.frame(), 10, 10), "after the last clip: black");
        }
    }

    @Test
    void segmentGraphsAreCompiledOnceAndReused() throws GraphException {
        Timeline tl = timeline();
        TimelineRenderer r = new TimelineRenderer(fx.engine, tl, null);
        var g1 = r.graphAt(f(1));
        for (int i = 0; i < 40; i++) {
            r.renderFrame(i, 32, 18).close();
        }
        assertEquals(1, r.compileCount(), "frames 0..39 share one segment graph");
        assertSame(g1, r.graphAt(f(39)));
        assertNotSame(g1, r.graphAt(f(40)));
        tl.touch();
        assertNotSame(g1, r.graphAt(f(1)), "an edit recompiles");
    }

    @Test
    void overlapWithoutTransitionIsReported() {
        Timeline tl = timeline();
        tl.tracks().get(0).transitions().clear();
        assertTrue(tl.validate().get(0).contains("overlap on track 'V1' without a transition"), tl.validate().toString());
    }

    @Test
    void tracksCompositeBottomToTop() throws GraphException {
        Timeline tl = new Timeline(new VideoFormat(64, 36, R));
        Track v1 = new Track("V1");
        v1.clips().add(new Clip("red", new GraphNode("red", "core.solid").set("color", "#FF0000"), 0, 0, f(10)));
        Track v2 = new Track("V2");
        v2.setOpacity(0.5);
        v2.clips().add(new Clip("blue", new GraphNode("blue", "core.solid").set("color", "#0000FF"), 0, 0, f(10)));
        tl.tracks().add(v1);
        tl.tracks().add(v2);
        try (RenderResult res = new TimelineRenderer(fx.engine, tl, null).renderFrame(0, 16, 16)) {
            int p = Fixture.pixel(res.frame(), 1, 1);
            assertTrue(Math.abs((p & 0xFF) - 128) <= 1 && Math.abs(((p >> 16) & 0xFF) - 128) <= 1,
                    Integer.toHexString(p));
        }
    }
}
