package org.lumaflow.benchmarks;

import java.util.concurrent.TimeUnit;

import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.internal.nodes.BuiltinNodes;
import org.lumaflow.engine.internal.registry.Containment;
import org.lumaflow.engine.internal.registry.NodeRegistryImpl;
import org.lumaflow.engine.internal.render.CompiledGraphImpl;
import org.lumaflow.engine.internal.render.GraphCompiler;
import org.lumaflow.engine.render.RenderResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-pixel part of the graded export at 1080p, rendered for the encoder (NV12): a moving source, grade, the
 * source over a black background and a title over that, with the render-plan optimisations on (fused passes, static
 * title, conversion in the last pass) or off (every node through its own render, every frame). With
 * {@code -prof gc}: heap bytes per frame. {@code blur=true} adds the sigma 8 blur of the bench timeline between grade
 * and blend (not fusable: it bounds the passes on either side).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:MaxDirectMemorySize=4g", "--add-modules", "jdk.incubator.vector"})
public class FusedPassBench {

    @Param({"true", "false"})
    public boolean optimise;

    @Param({"false", "true"})
    public boolean blur;

    private CompiledGraphImpl graph;
    private long frame;

    /** Compiles the graph. */
    @Setup
    public void setup() throws Exception {
        NodeRegistryImpl registry = new NodeRegistryImpl();
        for (NodeType t : BuiltinNodes.all()) {
            registry.register(t, "org.lumaflow.engine", 0);
        }
        Graph g = new Graph();
        g.add("bg", "core.solid").set("color", "#000000");
        g.add("src", "core.zone_plate");
        g.add("grade", "core.grade").set("contrast", 1.1).set("saturation", 0.8);
        g.add("v1", "core.blend");
        g.add("title", "core.text").set("text", "Lumaflow Studio").set("size", 120).set("position", new Point2(0.5, 0.82));
        g.add("v2", "core.blend");
        g.connect("src", "grade", "source");
        String picture = "grade";
        if (blur) {
            g.add("blur", "core.gaussian_blur").set("radius", 8);
            g.connect("grade", "blur", "source");
            picture = "blur";
        }
        g.connect("bg", "v1", "background").connect(picture, "v1", "foreground");
        g.connect("v1", "v2", "background").connect("title", "v2", "foreground");
        g.output("v2");
        graph = GraphCompiler.compile(g, registry.snapshot(), new FramePool(), null, Containment.SHARED, optimise);
    }

    /** One 1080p frame in NV12 (optimised: converted in the last pass; plain: rendered, then converted). */
    @Benchmark
    public int renderNv12() {
        try (RenderResult r = graph.render(frame++ * Ticks.PER_SECOND / 30, 1920, 1080, 1, PixelFormat.NV12)) {
            return r.frame().buffer().get(0);
        }
    }
}
