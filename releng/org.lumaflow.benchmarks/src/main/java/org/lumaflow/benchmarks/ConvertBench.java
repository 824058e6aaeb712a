package org.lumaflow.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.internal.convert.RgbaToNv12;
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

/** RGBA8 to NV12 (BT.709 limited) per frame: Vector API rows versus plain loops, on the pixel workers. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:MaxDirectMemorySize=2g"})
public class ConvertBench {

    @Param({"1920x1080", "3840x2160"})
    public String size;

    @Param({"true", "false"})
    public boolean simd;

    private FramePool pool;
    private Frame src;
    private Frame dst;
    private RgbaToNv12 converter;

    /** Random opaque pixels. */
    @Setup(Level.Trial)
    public void setup() {
        String[] p = size.split("x");
        int w = Integer.parseInt(p[0]);
        int h = Integer.parseInt(p[1]);
        pool = new FramePool();
        src = pool.lease(FrameKey.rgba(w, h));
        dst = pool.lease(new FrameKey(w, h, PixelFormat.NV12, Usage.ENCODE));
        Random rnd = new Random(1);
        for (int i = 0; i < w * h; i++) {
            src.buffer().putInt(i * 4, rnd.nextInt() | 0xFF000000);
        }
        converter = new RgbaToNv12(simd);
        if (converter.usesVectorApi() != simd) {
            throw new IllegalStateException("Vector API unavailable: run with --add-modules jdk.incubator.vector");
        }
    }

    /** One frame. */
    @Benchmark
    public byte convert() {
        converter.convert(src, dst);
        return dst.buffer().get(0);
    }

    /** Frees the frames. */
    @TearDown(Level.Trial)
    public void teardown() {
        src.release();
        dst.release();
        pool.close();
    }
}
