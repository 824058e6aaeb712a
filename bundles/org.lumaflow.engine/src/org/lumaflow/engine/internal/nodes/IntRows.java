package org.lumaflow.engine.internal.nodes;

/**
 * Per-thread int rows for loops that read and write whole pixel rows in bulk ({@code IntBuffer.get/put}) instead of
 * one bounds-checked {@code ByteBuffer.getInt} per pixel. The worker threads are long-lived, so after the first
 * frames no row is allocated.
 */
final class IntRows {

    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[4][0]);

    private IntRows() {
    }

    /** This thread's row {@code slot} (0..3) with at least {@code length} ints; contents undefined. */
    static int[] get(int slot, int length) {
        int[][] rows = ROWS.get();
        if (rows[slot].length < length) {
            rows[slot] = new int[length];
        }
        return rows[slot];
    }
}
