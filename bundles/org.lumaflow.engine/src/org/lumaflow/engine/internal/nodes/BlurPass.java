package org.lumaflow.engine.internal.nodes;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.lumaflow.core.concurrent.Parallel;

/**
 * One separable pass of {@link GaussianBlurNode}: blurs every row of an RGBA8 image along x and writes it as a
 * column of the destination (transposed), so that two passes blur both directions.
 * <p>
 * A band of up to {@link #BAND} source rows is walked along x, two output columns at a time. Each source column of
 * the band is unpacked into a float array of 4 lanes per row (see {@link BlurLanes}); a ring keeps the columns the
 * kernel reaches, and an output column is a weighted sum of whole columns. The lane loops then read distinct arrays
 * at the same index, which C2 vectorizes; a row-wise convolution, reading one array at several offsets, it does not.
 */
final class BlurPass {

    /** Source rows processed together (4 * BAND floats per column). */
    static final int BAND = 128;
    /** Columns unpacked at a time: one 64-byte cache line of each source row. */
    private static final int TILE = 16;

    private BlurPass() {
    }

    /** Per-worker buffers; grown for larger kernels, never shrunk. */
    static final class Work {
        /** Unpacked columns; column x lives in slot x % (2r + 2 + TILE). */
        private float[][] ring = new float[0][];
        /** Columns x - r .. x + 1 + r for the output pair (x, x + 1), edge columns repeated. */
        private float[][] window = new float[0][];
        private final int[][] tile = new int[TILE][BAND];
        private final float[] acc0 = new float[4 * BAND];
        private final float[] acc1 = new float[4 * BAND];
        private final int[] pixels0 = new int[BAND];
        private final int[] pixels1 = new int[BAND];
        private final float[] inv = new float[BAND];
        private int[] blend = new int[0];

        /** A row of at least {@code length} ints for {@link BlurResample}. */
        int[] blendRow(int length) {
            if (blend.length < length) {
                blend = new int[length];
            }
            return blend;
        }

        /** Makes room for a kernel of half-width {@code r}. */
        void ensure(int r) {
            int n = 2 * r + 2 + TILE;
            if (ring.length < n) {
                int old = ring.length;
                ring = Arrays.copyOf(ring, n);
                for (int i = old; i < n; i++) {
                    ring[i] = new float[4 * BAND];
                }
            }
            if (window.length < 2 * r + 2) {
                window = new float[2 * r + 2][];
            }
        }
    }

    /**
     * Blurs the rows of {@code src} ({@code w x h}) with the half kernel {@code k[0..r]} into the columns of
     * {@code dst} ({@code h x w}), premultiplying the input and/or unpremultiplying the output when asked.
     */
    static void run(ByteBuffer src, int w, int h, ByteBuffer dst, float[] k, int r, RowBuffers pool,
            boolean premultiplyIn, boolean unpremultiplyOut) {
        Parallel.rows(w, h, (y0, y1) -> {
            Work work = pool.take();
            try {
                work.ensure(r);
                // equal bands of at most BAND rows, so that no band is left with a sliver
                int bands = (y1 - y0 + BAND - 1) / BAND;
                for (int b = 0; b < bands; b++) {
                    int ya = y0 + (y1 - y0) * b / bands;
                    int yb = y0 + (y1 - y0) * (b + 1) / bands;
                    band(src, w, h, ya, yb - ya, dst, k, r, work, premultiplyIn, unpremultiplyOut);
                }
            } finally {
                pool.give(work);
            }
        });
    }

    /** Rows {@code [y0, y0 + n)} of {@code src}, two columns at a time. */
    private static void band(ByteBuffer src, int w, int h, int y0, int n, ByteBuffer dst, float[] k, int r,
            Work work, boolean premultiply, boolean unpremultiply) {
        float[][] ring = work.ring;
        float[][] window = work.window;
        int slots = 2 * r + 2 + TILE;
        int filled = -1; // columns [0, filled] are unpacked
        int unpacked = -1; // AND of the unpacked pixels: while they are all opaque, so is the output
        for (int x = 0; x < w; x += 2) {
            // unpack TILE columns at a time, at most TILE - 1 beyond the window, so live columns never share a slot
            while (filled < Math.min(x + 1 + r, w - 1)) {
                int last = Math.min(filled + TILE, w - 1);
                unpacked &= unpack(src, w, y0, n, filled + 1, last, ring, slots, work.tile, premultiply);
                filled = last;
            }
            if (x == 0) {
                for (int d = 0; d <= 2 * r + 1; d++) {
                    window[d] = ring[Math.min(Math.max(d - r, 0), w - 1) % slots];
                }
            } else {
                System.arraycopy(window, 2, window, 0, 2 * r);
                window[2 * r] = ring[Math.min(x + r, w - 1) % slots];
                window[2 * r + 1] = ring[Math.min(x + 1 + r, w - 1) % slots];
            }
            // past the right edge, x + 1 is computed from clamped columns and not stored
            BlurLanes.convolve(window, k, r, work.acc0, work.acc1, 4 * n);
            // columns x - 2 and x - 1 go out only now: reading pixels[] right after round() wrote it with vector
            // stores would stall on store forwarding
            if (x > 0) {
                store(work.pixels0, n, dst, ((x - 2) * h + y0) * 4);
                store(work.pixels1, n, dst, ((x - 1) * h + y0) * 4);
            }
            boolean opaque = unpacked >>> 24 == 255;
            BlurLanes.round(work.acc0, work.pixels0, work.inv, n, unpremultiply && !opaque);
            BlurLanes.round(work.acc1, work.pixels1, work.inv, n, unpremultiply && !opaque);
        }
        int x = (w - 1) & ~1; // the last pair
        store(work.pixels0, n, dst, (x * h + y0) * 4);
        if (x + 1 < w) {
            store(work.pixels1, n, dst, ((x + 1) * h + y0) * 4);
        }
    }

    /**
     * Unpacks columns {@code [x0, x1]} (at most {@link #TILE}) of rows {@code [y0, y0 + n)} into their ring slots:
     * pixels are gathered column by column (the TILE columns share cache lines), then split into channel lanes.
     * Returns the AND of all the pixels, whose top byte is 255 only when they are all opaque.
     */
    private static int unpack(ByteBuffer src, int w, int y0, int n, int x0, int x1, float[][] ring, int slots,
            int[][] tile, boolean premultiply) {
        int stride = w * 4;
        int all = -1;
        int previous = -1; // AND of the previous column
        for (int t = 0; t <= x1 - x0; t++) {
            int[] px = tile[t];
            int and = -1;
            int off = (y0 * w + x0 + t) * 4;
            for (int j = 0; j < n; j++, off += stride) {
                int p = src.getInt(off);
                px[j] = p;
                and &= p;
            }
            // split the previous column: this one was just stored and would stall the vector loads
            if (t > 0) {
                BlurLanes.split(tile[t - 1], ring[(x0 + t - 1) % slots], n, premultiply && previous >>> 24 != 255);
            }
            previous = and;
            all &= and;
        }
        BlurLanes.split(tile[x1 - x0], ring[x1 % slots], n, premultiply && previous >>> 24 != 255);
        return all;
    }

    /** Writes {@code n} pixels to consecutive positions from byte {@code off}. */
    private static void store(int[] pixels, int n, ByteBuffer dst, int off) {
        for (int j = 0; j < n; j++) {
            dst.putInt(off + 4 * j, pixels[j]);
        }
    }
}
