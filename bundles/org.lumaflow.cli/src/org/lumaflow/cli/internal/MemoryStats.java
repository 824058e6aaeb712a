package org.lumaflow.cli.internal;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Peak memory of this process, split into heap, direct (NIO buffers: the frame pools' pixel memory), JVM (metaspace,
 * code cache, other non-heap) and native (FFmpeg/JavaCPP, libraries, malloc: resident memory minus the rest). The
 * global option {@code --stats} samples it every 20 ms while a command runs and prints one line at the end; the split
 * is the one seen at the highest resident size (committed heap may not all be resident, so native is a lower bound).
 */
final class MemoryStats implements AutoCloseable {

    /** One sample, bytes. */
    record Sample(long rss, long heapUsed, long heapCommitted, long direct, long jvm) {

        /** Resident memory not accounted for by the JVM's own counters (never negative). */
        long nativeBytes() {
            return Math.max(0, rss - heapCommitted - direct - jvm);
        }
    }

    private static final Path STATM = Path.of("/proc/self/statm");
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final long PAGE = 4096;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<BufferPoolMXBean> buffers = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile Sample peak;
    private long peakHeapUsed;
    private long peakDirect;

    /** Starts sampling. */
    MemoryStats() {
        take();
        sampler = new Thread(() -> {
            while (running) {
                take();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "lumaflow-memory-stats");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Takes one sample now (also called by the sampling thread). */
    synchronized Sample take() {
        var heap = memory.getHeapMemoryUsage();
        long direct = 0;
        for (BufferPoolMXBean b : buffers) {
            if (b.getName().equals("direct")) {
                direct += b.getMemoryUsed();
            }
        }
        Sample s = new Sample(rss(), heap.getUsed(), heap.getCommitted(), direct,
                memory.getNonHeapMemoryUsage().getCommitted());
        peakHeapUsed = Math.max(peakHeapUsed, s.heapUsed());
        peakDirect = Math.max(peakDirect, s.direct());
        if (peak == null || s.rss() >= peak.rss()) {
            peak = s;
        }
        return s;
    }

    /** Resident set size now, bytes (0 where /proc is missing). */
    static long rss() {
        try {
            String[] f = Files.readString(STATM).trim().split(" ");
            return Long.parseLong(f[1]) * PAGE;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The kernel's peak resident size (VmHWM), bytes; 0 where /proc is missing. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return 0;
    }

    /** Stops sampling. */
    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        take();
    }

    /** The report line. */
    synchronized String report() {
        Sample p = peak;
        return String.format(Locale.ROOT, "memory: peak RSS %d MiB (sampled %d MiB = heap %d committed [peak used %d] + "
                + "direct %d [peak %d] + JVM non-heap %d + native %d: FFmpeg/JavaCPP, libraries, thread stacks, malloc)",
                mib(Math.max(peakRss(), p.rss())), mib(p.rss()), mib(p.heapCommitted()), mib(peakHeapUsed),
                mib(p.direct()), mib(peakDirect), mib(p.jvm()), mib(p.nativeBytes()));
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 19)) >> 20;
    }
}
