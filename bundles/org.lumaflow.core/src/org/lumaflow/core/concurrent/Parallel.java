package org.lumaflow.core.concurrent;

/**
 * The product's own name for {@link org.lumaflow.core.parallel.Parallel} (the API class, which extensions use):
 * same bands, same workers.
 */
public final class Parallel {

    /** Work on rows {@code [y0, y1)}. */
    @FunctionalInterface
    public interface Rows extends org.lumaflow.core.parallel.Parallel.Rows {
    }

    private Parallel() {
    }

    /** {@link org.lumaflow.core.parallel.Parallel#rows}. */
    public static void rows(int width, int height, Rows rows) {
        org.lumaflow.core.parallel.Parallel.rows(width, height, rows);
    }
}
