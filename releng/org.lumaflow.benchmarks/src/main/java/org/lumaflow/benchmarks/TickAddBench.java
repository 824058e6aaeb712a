package org.lumaflow.benchmarks;

import java.util.concurrent.TimeUnit;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Rational;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Advancing a timeline position by one 29.97 fps frame, 1000 times: integer ticks (a long add) versus exact rationals
 * (gcd-normalized add), the representation tick-based time avoids on hot paths.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TickAddBench {

    private static final int N = 1000;
    // durations of mixed-rate frames (29.97, 25, 23.976, 59.94) so the JIT cannot fold the loop into a multiply
    private static final FrameRate[] RATES = {FrameRate.FPS_29_97, FrameRate.FPS_25, FrameRate.FPS_23_976,
        FrameRate.FPS_59_94};
    private final long[] ticks = new long[16];
    private final Rational[] rationals = new Rational[16];
    private long start = 12345;
    private Rational startRational = Rational.of(12345, 705_600_000);

    /** Builds the duration tables. */
    public TickAddBench() {
        for (int i = 0; i < 16; i++) {
            FrameRate r = RATES[i % RATES.length];
            ticks[i] = r.ticksPerFrame();
            rationals[i] = Rational.of(r.den(), r.num());
        }
    }

    /** N tick additions. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long ticks() {
        long t = start;
        long[] d = ticks;
        for (int i = 0; i < N; i++) {
            t += d[i & 15];
        }
        return t;
    }

    /** N rational additions. */
    @Benchmark
    @OperationsPerInvocation(N)
    public Rational rationals() {
        Rational t = startRational;
        Rational[] d = rationals;
        for (int i = 0; i < N; i++) {
            t = t.add(d[i & 15]);
        }
        return t;
    }
}
