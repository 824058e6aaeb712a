package org.lumaflow.benchmarks;

import java.util.concurrent.TimeUnit;

import org.lumaflow.engine.render.RenderResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steady-state rendering of the bundled demo project on the CPU backend: time per frame (fps = 1000 / ms) and, with
 * {@code -prof gc}, heap bytes allocated per frame ({@code gc.alloc.rate.norm}). Frames cycle through the whole demo,
 * so every segment graph, transition and animated parameter is exercised.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:MaxDirectMemorySize=4g"})
public class DemoGraphBench {

    @Param({"1920x1080"})
    public String size;

    private Demo demo;
    private int width;
    private int height;
    private long frame;

    /** Loads the demo. */
    @Setup(Level.Trial)
    public void setup() throws Exception {
        demo = new Demo();
        String[] p = size.split("x");
        width = Integer.parseInt(p[0]);
        height = Integer.parseInt(p[1]);
    }

    /** Renders the next frame of the demo. */
    @Benchmark
    public int renderFrame() throws Exception {
        try (RenderResult r = demo.renderer.renderFrame(frame, width, height)) {
            frame = (frame + 1) % demo.frames();
            return r.frame().buffer().get(0);
        }
    }

    /** Prints the pool statistics of the trial. */
    @TearDown(Level.Trial)
    public void report() {
        System.out.println("\npool: " + demo.pool.stats());
        demo.pool.checkNoLeaks();
    }
}
