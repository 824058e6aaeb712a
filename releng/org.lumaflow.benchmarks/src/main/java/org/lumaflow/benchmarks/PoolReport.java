package org.lumaflow.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.lumaflow.core.pool.PoolStats;
import org.lumaflow.engine.render.RenderResult;

/**
 * Prints the pool hit rate after 30 demo frames at 1080p, and the frames and heap bytes allocated per steady-state
 * frame (all threads, via the JVM's per-thread allocation counters), over a full pass of the demo.
 */
public final class PoolReport {

    private PoolReport() {
    }

    /** Entry point: {@code java -cp benchmarks.jar org.lumaflow.benchmarks.PoolReport [WxH]}. */
    public static void main(String[] args) throws Exception {
        String[] size = (args.length > 0 ? args[0] : "1920x1080").split("x");
        int w = Integer.parseInt(size[0]);
        int h = Integer.parseInt(size[1]);
        Demo demo = new Demo();
        long n = demo.frames();
        for (long f = 0; f < 30; f++) {
            demo.renderer.renderFrame(f % n, w, h).close();
        }
        PoolStats first30 = demo.pool.stats();
        System.out.printf(Locale.ROOT, "after 30 frames: hit rate %.4f (%d hits, %d misses, %d pixel buffers allocated)%n",
                first30.hitRate(), first30.hits(), first30.misses(), first30.allocations());
        // warm the JIT and every segment of the demo, then measure a full pass
        for (int pass = 0; pass < 2; pass++) {
            for (long f = 0; f < n; f++) {
                demo.renderer.renderFrame(f, w, h).close();
            }
        }
        PoolStats warm = demo.pool.stats();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bytes0 = totalAllocated(threads);
        long t0 = System.nanoTime();
        for (long f = 0; f < n; f++) {
            try (RenderResult r = demo.renderer.renderFrame(f, w, h)) {
                if (!r.clean()) {
                    System.out.println("frame " + f + ": " + r.messages());
                }
            }
        }
        long secs = System.nanoTime() - t0;
        long bytes = totalAllocated(threads) - bytes0;
        PoolStats s = demo.pool.stats().since(warm);
        System.out.printf(Locale.ROOT, "steady state over %d frames at %dx%d: %.1f fps, heap %.0f bytes/frame (all threads), "
                + "%d pixel buffers allocated, pool hit rate %.4f%n", n, w, h, n / (secs / 1e9), (double) bytes / n,
                s.allocations(), s.hitRate());
        System.out.println("pool: " + demo.pool.stats());
        demo.pool.checkNoLeaks();
        System.exit(0);
    }

    private static long totalAllocated(com.sun.management.ThreadMXBean threads) {
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            if (b > 0) {
                sum += b;
            }
        }
        return sum;
    }
}
