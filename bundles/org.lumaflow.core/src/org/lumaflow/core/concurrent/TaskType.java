package org.lumaflow.core.concurrent;

/**
 * Kinds of work, each with its own worker count sized from the number of cores. Override a count with the system
 * property {@code lumaflow.workers.<name>} (for example {@code -Dlumaflow.workers.pixel=4}) or
 * {@link WorkerPools#setThreads}.
 */
public enum TaskType {
    /** CPU-bound pixel work (node kernels): one worker per core. */
    PIXEL("pixel"),
    /** Decoding source media: half the cores, at least one. */
    DECODE("decode"),
    /** Encoding and image writing: half the cores, at least one. */
    ENCODE("encode"),
    /** Blocking file and network I/O: twice the cores, at least 4. */
    IO("io"),
    /** Background analysis (QC, perception): a quarter of the cores, at least one. */
    ANALYSIS("analysis");

    private final String id;

    TaskType(String id) {
        this.id = id;
    }

    /** The name used in the override property. */
    public String id() {
        return id;
    }

    /** Default worker count for a machine with {@code cores} cores. */
    public int defaultThreads(int cores) {
        return switch (this) {
            case PIXEL -> Math.max(1, cores);
            case DECODE, ENCODE -> Math.max(1, cores / 2);
            case IO -> Math.max(4, cores * 2);
            case ANALYSIS -> Math.max(1, cores / 4);
        };
    }
}
