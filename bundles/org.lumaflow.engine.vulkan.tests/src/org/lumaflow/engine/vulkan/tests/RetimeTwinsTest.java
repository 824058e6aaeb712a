package org.lumaflow.engine.vulkan.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Retime;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;
import org.lumaflow.engine.vulkan.internal.GpuGraph;
import org.lumaflow.engine.vulkan.tests.support.GpuFixture;

/**
 * Retimed clips on the Vulkan backend: the time maps are the CPU's (one code path), the frame blend's mix runs as the
 * dissolve kernel; GPU frames equal the CPU's within 1 code value and show the mapped source time.
 */
class RetimeTwinsTest {

    static GpuFixture fx;
    static final FrameRate R = FrameRate.FPS_25;

    @BeforeAll
    static void open() {
        fx = new GpuFixture();
        fx.runtime();
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    static Timeline zonePlate(Retime rt) {
        Timeline tl = new Timeline(new VideoFormat(96, 54, R));
        Track t = new Track("V1");
        Clip c = new Clip("z", new GraphNode("z", "core.zone_plate").set("speed", 3.7), R.frameToTicks(2),
                R.frameToTicks(7), R.frameToTicks(12));
        c.setRetime(rt);
        t.clips().add(c);
        tl.tracks().add(t);
        return tl;
    }

    @Test
    void retimedClipsRenderOnTheGpuAsOnTheCpu() throws Exception {
        for (Retime rt : new Retime[] {new Retime(0.4, Retime.Frames.BLEND, true), Retime.speed(-0.5),
                Retime.speed(2.5), Retime.freeze(), new Retime(-1.5, Retime.Frames.BLEND, true)}) {
            TimelineRenderer cpu = new TimelineRenderer(fx.cpu, zonePlate(rt), null);
            TimelineRenderer gpu = new TimelineRenderer(fx.gpu, zonePlate(rt), null);
            for (int k = 2; k < 14; k++) {
                try (RenderResult a = cpu.renderFrame(k, 96, 54); RenderResult b = gpu.renderFrame(k, 96, 54)) {
                    assertTrue(b.clean(), b.messages().toString());
                    int d = GpuFixture.maxDiff(a.frame(), b.frame());
                    assertTrue(d <= 1, rt + " frame " + k + ": differs by " + d);
                }
            }
            if (rt.frames() == Retime.Frames.BLEND) {
                var g = gpu.graphAt(R.frameToTicks(3));
                assertTrue(g instanceof GpuGraph gg && gg.onGpu("z#blend"), "the blend mix runs on the GPU");
            }
        }
    }

    @Test
    void gpuFramesShowTheMappedSourceTime() throws Exception {
        TimelineRenderer gpu = new TimelineRenderer(fx.gpu, zonePlate(Retime.speed(-0.5)), null);
        for (int k = 0; k < 12; k++) {
            // reverse at half speed: in + floor((D - Ft - d) / 2)
            long x = R.frameToTicks(7) + (R.frameToTicks(12 - 1 - k)) / 2;
            Graph plain = new Graph();
            plain.output(plain.add("z", "core.zone_plate").set("speed", 3.7).id());
            try (RenderResult ref = GpuFixture.render(fx.cpu, plain, x, 96, 54);
                    RenderResult got = gpu.renderFrame(2 + k, 96, 54)) {
                int d = GpuFixture.maxDiff(ref.frame(), got.frame());
                assertTrue(d <= 1, "clip frame " + k + ": differs from the source at its mapped time by " + d);
            }
        }
    }
}
