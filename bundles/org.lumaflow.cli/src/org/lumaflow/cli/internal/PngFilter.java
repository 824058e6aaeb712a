package org.lumaflow.cli.internal;

import org.lumaflow.core.internal.VectorApi;

/**
 * PNG row filter type 1 ("Sub", 4 bytes a pixel): each byte minus the byte one pixel to its left. Plain loops, or a
 * Vector API kernel ({@link PngFilterSimd}) when the JVM has {@code jdk.incubator.vector}; both give the same bytes.
 */
class PngFilter {

    /** The fastest implementation available here. */
    static final PngFilter BEST = select();

    /**
     * Filters {@code rows} rows of {@code rowBytes} bytes from {@code src} into {@code dst}, each output row led by its
     * filter type byte (so {@code rowBytes + 1} bytes a row).
     */
    final void filter(byte[] src, byte[] dst, int rows, int rowBytes) {
        for (int r = 0; r < rows; r++) {
            int s = r * rowBytes;
            int d = r * (rowBytes + 1);
            dst[d] = 1;
            int n = Math.min(4, rowBytes);
            System.arraycopy(src, s, dst, d + 1, n);
            int i = n + row(src, s, dst, d + 1, rowBytes);
            for (; i < rowBytes; i++) {
                dst[d + 1 + i] = (byte) (src[s + i] - src[s + i - 4]);
            }
        }
    }

    /**
     * Filters bytes 4.. of one row (the first four are copied as they are); returns how many it did, the rest are done
     * one by one by the caller.
     */
    int row(byte[] src, int s, byte[] dst, int d, int rowBytes) {
        return 0;
    }

    private static PngFilter select() {
        if (VectorApi.wanted()) {
            try {
                return new PngFilterSimd();
            } catch (LinkageError e) {
                // the package is not visible to this bundle: plain loops
            }
        }
        return new PngFilter();
    }
}
