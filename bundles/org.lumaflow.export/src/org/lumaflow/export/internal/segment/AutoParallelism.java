package org.lumaflow.export.internal.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How many local segment workers fit this machine ({@code --segments auto}): one per GPU where there are several
 * (each worker renders on its own device); one where there is a single GPU the render uses (workers sharing one GPU
 * ran no faster together than one pass alone, and each adds its start-up: H100, 1080p 60 s, one pass 162 fps, four
 * segments 124-128 fps); else one per four cores (x264 scales well to four threads a 1080p encode, less well past
 * sixteen), and never more than the memory takes (about 1.5 GB a worker: a JVM, a render pipeline and an encoder).
 * {@code -Dlumaflow.segments.workers=N} overrides it.
 */
public final class AutoParallelism {

    private static final Pattern NVIDIA = Pattern.compile("nvidia\\d+");
    static final long MB_PER_WORKER = 1536;

    private AutoParallelism() {
    }

    /** Workers to run at once. */
    public static int workers() {
        Integer forced = Integer.getInteger("lumaflow.segments.workers");
        if (forced != null && forced > 0) {
            return forced;
        }
        boolean cpuBackend = "cpu".equalsIgnoreCase(System.getProperty(WorkerLauncher.BACKEND, "auto").trim());
        return workers(Runtime.getRuntime().availableProcessors(), availableMemoryMb(), cpuBackend ? 0 : gpus());
    }

    /** The rule, for given cores, available memory (MB) and GPUs the render uses. */
    static int workers(int cores, long memoryMb, int gpus) {
        int byCpu = gpus >= 1 ? gpus : Math.max(1, Math.min(16, cores / 4));
        int byMemory = (int) Math.max(1, (memoryMb - 1024) / MB_PER_WORKER);
        return Math.max(1, Math.min(byCpu, byMemory));
    }

    /**
     * Segments for an automatic plan: one per worker. Two per worker (to balance a slow segment) measured slower on a
     * 16-core host (1080p, 60 s, 4 workers: 8 segments 0.96x a single pass, 4 segments 1.31x): every segment pays a
     * worker start-up and an encoder warm-up.
     */
    public static int segments(int parallelism) {
        return Math.max(1, parallelism);
    }

    /**
     * The cores each of {@code workers} local workers is given: an equal share of this machine's (at least one), so
     * that N workers together start as many encoder, decoder, pixel and JVM threads as one export would, instead of N
     * times as many; 0 (no share: every worker sizes its threads for the whole machine) with
     * {@code -Dlumaflow.segments.share=false}.
     */
    public static int cpuShare(int workers) {
        if (!Boolean.parseBoolean(System.getProperty("lumaflow.segments.share", "true"))) {
            return 0;
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, workers));
    }

    /** GPUs of this machine: {@code -Dlumaflow.gpus=N}, else the NVIDIA device nodes, else render nodes. */
    public static int gpus() {
        Integer forced = Integer.getInteger("lumaflow.gpus");
        if (forced != null && forced >= 0) {
            return forced;
        }
        int n = count(Path.of("/dev"), NVIDIA);
        return n > 0 ? n : count(Path.of("/dev/dri"), Pattern.compile("renderD\\d+"));
    }

    private static int count(Path dir, Pattern names) {
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(p -> names.matcher(p.getFileName().toString()).matches()).count();
        } catch (IOException | SecurityException e) {
            return 0;
        }
    }

    /** MemAvailable from /proc/meminfo; 4 GB where it cannot be read. */
    static long availableMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return 4096;
    }
}
