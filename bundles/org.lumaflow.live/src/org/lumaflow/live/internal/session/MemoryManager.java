package org.lumaflow.live.internal.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.lumaflow.core.internal.NativeMemory;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PoolStats;

/**
 * Lowers quality before memory runs out. Pressure is the highest of the frame pool's leased bytes over its budget
 * and the process's resident size ({@code VmRSS}) over its limit. Above {@value #HIGH} it goes down one step per
 * check: 1 = idle pool frames freed and previews at half resolution, 2 = render at 75%, 3 = render at 50%. Below
 * {@value #LOW} for three checks in a row it goes back up one step (hysteresis). The GPU backend's device budget is
 * not reachable through the engine's API and is not watched.
 */
final class MemoryManager {

    static final double HIGH = 0.85;
    static final double LOW = 0.60;
    static final int MAX_STEP = 3;
    private static final double[] RENDER = {1.0, 1.0, 0.75, 0.5};

    private final FramePool pool;
    private final long poolBudget;
    private final long memoryLimit;
    private volatile int step;
    private int calm;
    private String reason = "";

    MemoryManager(FramePool pool, long poolBudget, long memoryLimit) {
        this.pool = pool;
        this.poolBudget = poolBudget > 0 ? poolBudget : pool.config().budgetBytes();
        this.memoryLimit = memoryLimit > 0 ? memoryLimit : defaultLimit();
    }

    /** Three quarters of physical memory. */
    static long defaultLimit() {
        return NativeMemory.physicalMemory() / 4 * 3;
    }

    int step() {
        return step;
    }

    /** Render scale this step allows. */
    double renderScale() {
        return RENDER[step];
    }

    /** Why the last step was taken (for events). */
    String reason() {
        return reason;
    }

    long poolBudget() {
        return poolBudget;
    }

    long memoryLimit() {
        return memoryLimit;
    }

    /**
     * Measures and moves at most one step.
     *
     * @return -1 when quality was lowered, +1 when raised, 0 otherwise
     */
    int check() {
        PoolStats ps = pool.stats();
        double poolP = (double) ps.liveBytes() / poolBudget;
        long rss = residentBytes();
        double rssP = rss < 0 ? 0 : (double) rss / memoryLimit;
        double p = Math.max(poolP, rssP);
        if (p > HIGH) {
            calm = 0;
            if (step < MAX_STEP) {
                step++;
                reason = poolP >= rssP
                        ? String.format(Locale.ROOT, "frame pool at %.0f%% of its %d MB budget", poolP * 100,
                                poolBudget >> 20)
                        : String.format(Locale.ROOT, "resident size %d MB at %.0f%% of the %d MB limit", rss >> 20,
                                rssP * 100, memoryLimit >> 20);
                if (step == 1) {
                    pool.flush();
                }
                return -1;
            }
            return 0;
        }
        if (p < LOW && step > 0) {
            if (++calm >= 3) {
                calm = 0;
                step--;
                reason = String.format(Locale.ROOT, "memory pressure down to %.0f%%", p * 100);
                return 1;
            }
        } else {
            calm = 0;
        }
        return 0;
    }

    /** What step {@code s} does, for events. */
    static String describe(int s) {
        return switch (s) {
            case 0 -> "full quality";
            case 1 -> "idle frames freed, previews at half resolution";
            case 2 -> "render at 75%";
            default -> "render at 50%";
        };
    }

    /** {@code VmRSS} of /proc/self/status in bytes, or -1 where unavailable. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** Parses a size: bytes, or with K, M, G (powers of 1024). */
    static long parseSize(String text, String option) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long mul = 1;
        if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith("K")) {
            mul = 1L << 10;
        } else if (t.endsWith("M")) {
            mul = 1L << 20;
        } else if (t.endsWith("G")) {
            mul = 1L << 30;
        }
        if (mul > 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            double v = Double.parseDouble(t);
            if (v <= 0 || !Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return (long) (v * mul);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + "=" + text + ": expected a size such as 512M");
        }
    }
}
