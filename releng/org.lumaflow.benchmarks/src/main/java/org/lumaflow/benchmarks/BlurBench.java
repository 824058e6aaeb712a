package org.lumaflow.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.internal.nodes.GaussianBlur;
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
 * {@code core.gaussian_blur}'s filter ({@link GaussianBlur}) on one 1080p RGBA8 frame per op (ms/op; with
 * {@code -prof gc}, {@code gc.alloc.rate.norm} = heap bytes per frame), Vector API or plain loops, on the pixel
 * workers. Content: random pixels with random alpha (the premultiply and unpremultiply paths are always taken).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:MaxDirectMemorySize=2g"})
public class BlurBench {

    @Param({"1920x1080"})
    public String size;

    @Param({"2", "8", "32", "100"})
    public double sigma;

    @Param({"true"})
    public boolean simd;

    private FramePool pool;
    private Frame src;
    private Frame mid;
    private Frame dst;
    private GaussianBlur blur;
    private int width;
    private int height;

    /** Random pixels. */
    @Setup(Level.Trial)
    public void setup() {
        String[] p = size.split("x");
        width = Integer.parseInt(p[0]);
        height = Integer.parseInt(p[1]);
        pool = new FramePool();
        src = pool.lease(FrameKey.rgba(width, height));
        dst = pool.lease(FrameKey.rgba(width, height));
        int rows = (int) (GaussianBlur.scratchBytes(width, height) / (8L * width));
        mid = pool.lease(new FrameKey(2 * width, rows, PixelFormat.RGBA8, Usage.SCRATCH));
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < width * height; i++) {
            src.buffer().putInt(i * 4, rnd.nextInt());
        }
        blur = new GaussianBlur(simd);
        if (blur.usesVectorApi() != simd) {
            throw new IllegalStateException("Vector API unavailable: run with --add-modules jdk.incubator.vector");
        }
    }

    /** One frame. */
    @Benchmark
    public byte blur() {
        blur.blur(src.buffer(), mid.buffer(), dst.buffer(), width, height, sigma);
        return dst.buffer().get(0);
    }

    /** Frees the frames. */
    @TearDown(Level.Trial)
    public void teardown() {
        src.release();
        mid.release();
        dst.release();
        pool.close();
    }
}
