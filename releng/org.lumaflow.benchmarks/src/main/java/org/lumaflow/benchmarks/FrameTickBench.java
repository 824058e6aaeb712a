package org.lumaflow.benchmarks;

import java.math.RoundingMode;
import java.util.concurrent.TimeUnit;

import org.lumaflow.core.time.FrameRate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Frame index to ticks and back (FLOOR) at a whole-tick rate (30000/1001) and at rates whose frames differ by a tick
 * (2997/125, 1000000/33333), over frames spread across 24 h. Run with {@code -prof gc}: 0 B/op expected.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameTickBench {

    private static final int N = 1024;

    @Param({"30000/1001", "2997/125", "1000000/33333"})
    public String rate;

    private FrameRate r;
    private final long[] frames = new long[N];

    /** Spreads the frame indices over 24 h. */
    @org.openjdk.jmh.annotations.Setup
    public void setup() {
        r = FrameRate.parse(rate);
        long day = 86_400L * r.num() / r.den();
        for (int i = 0; i < N; i++) {
            frames[i] = day * i / N + i;
        }
    }

    /** frameToTicks then ticksToFrame(FLOOR) of the tick before the next frame. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long roundTrip() {
        long sum = 0;
        FrameRate fr = r;
        for (long f : frames) {
            sum += fr.ticksToFrame(fr.frameToTicks(f + 1) - 1, RoundingMode.FLOOR);
        }
        return sum;
    }
}
