package org.lumaflow.engine.internal.nodes;

import java.nio.IntBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

import org.lumaflow.core.concurrent.Parallel;

/**
 * The two passes of {@link GaussianBlur}, each filtering strips of {@link IirLanes#N} lines along their length, shared
 * out to the pixel workers: {@link #down} filters the columns of the source along y into a 16-bit intermediate,
 * {@link #across} filters its rows along x into the destination.
 * <p>
 * A strip is unpacked into four channel planes of floats; each plane is filtered forwards (causal sections) into a
 * buffer and backwards (anticausal sections, added in place), or convolved with a short kernel, all {@code N}
 * lines at once; then it is rounded and packed. A strip's buffers (5 planes of 16 floats per pixel of its length:
 * 345 KiB for 1080 px) stay in the core's cache, so each pass reads and writes the image once.
 * <p>
 * The intermediate is laid out for the second pass: two areas (R | G &lt;&lt; 16, then B | A &lt;&lt; 16, colour in
 * 1/256 code values) of {@code w x ceil(h / N) * N} ints, pixel (x, y) at {@code ((y / N) * w + x) * N + y % N}, so
 * that a strip of N rows is one contiguous block; the first pass writes it in N x N tiles.
 * <p>
 * Opaque pixels (video) skip the alpha plane: a chunk of pass 1 whose source pixels are all opaque filters only the
 * colour planes (its alpha stays 255, which is what filtering a constant gives after rounding), and pass 2 does the
 * same when every chunk was opaque. The bytes are those of the four-plane filter.
 */
final class IirPass {

    private IirPass() {
    }

    /** Per-worker buffers, grown to the longest strip seen, never shrunk. */
    static final class Work {
        float[] x = new float[0];
        float[] y = new float[0];
        int[] p0 = new int[0];
        int[] p1 = new int[0];
        /** Source rows of a chunk of {@link #CHUNK} strips (pass 1). */
        int[] block = new int[0];
        final int[] tile = new int[IirLanes.N * IirLanes.N];

        void ensure(int length) {
            int n = IirLanes.N * length;
            if (p0.length < n) {
                x = new float[4 * n];
                y = new float[n];
                p0 = new int[n];
                p1 = new int[n];
                block = new int[CHUNK * n];
            }
        }
    }

    /** A pool of {@link Work}, one per band in flight, kept by the blur instance. */
    static final class Pool {
        private final ArrayDeque<Work> free = new ArrayDeque<>();

        Work take() {
            synchronized (free) {
                Work w = free.pollLast();
                return w != null ? w : new Work();
            }
        }

        void give(Work w) {
            synchronized (free) {
                free.addLast(w);
            }
        }
    }

    /**
     * Strips whose source rows pass 1 copies at once (256 bytes a row): bulk copies of a few pixels, or pixel by
     * pixel reads, cost more than the filter.
     */
    static final int CHUNK = 4;

    /** Rows of the intermediate's areas: {@code h} rounded up to a whole strip. */
    static int paddedHeight(int h) {
        return (h + IirLanes.N - 1) / IirLanes.N * IirLanes.N;
    }

    /**
     * Pass 1: the columns of straight RGBA8 {@code src} ({@code w x h}) premultiplied and filtered along y into the
     * intermediate {@code mid}. {@code k}: the coefficients ({@link GaussianBlur#coefficients}) when {@code radius}
     * is negative, else the half kernel {@code k[0..radius]}.
     */
    static void down(IntBuffer src, int w, int h, IntBuffer mid, float[] k, int radius, Pool pool,
            IirLanes lanes, AtomicBoolean translucent) {
        int span = IirLanes.N * CHUNK;
        int chunks = (w + span - 1) / span;
        Parallel.rows(span * h, chunks, (c0, c1) -> {
            Work work = pool.take();
            try {
                work.ensure(h);
                for (int c = c0; c < c1; c++) {
                    int x0 = c * span;
                    int cw = Math.min(span, w - x0);
                    int[] block = work.block;
                    for (int r = 0; r < h; r++) {
                        src.get(r * w + x0, block, r * span, cw);
                        for (int j = cw; j < span; j++) {
                            block[r * span + j] = block[r * span + cw - 1]; // past the right edge: repeat it
                        }
                    }
                    int all = -1;
                    for (int i = 0, n = h * span; i < n; i++) {
                        all &= block[i];
                    }
                    int channels = all >>> 24 == 0xFF ? 3 : 4;
                    if (channels == 4) {
                        translucent.set(true);
                    }
                    for (int s = x0; s < x0 + cw; s += IirLanes.N) {
                        down(w, h, s, x0, mid, k, radius, work, lanes, channels);
                    }
                }
            } finally {
                pool.give(work);
            }
        });
    }

    /** The strip of columns from {@code xs}, whose chunk (from {@code x0}) is in {@code work.block}. */
    private static void down(int w, int h, int xs, int x0, IntBuffer mid, float[] k, int radius, Work work,
            IirLanes lanes, int channels) {
        final int n = IirLanes.N;
        int span = n * CHUNK;
        int valid = Math.min(n, w - xs);
        int[] p0 = work.p0;
        int[] p1 = work.p1;
        int[] block = work.block;
        int plane = n * h;
        lanes.unpack(block, xs - x0, span, work.x, h, plane);
        filter(work, h, plane, k, radius, lanes, channels);
        lanes.packWide(work.x, plane, plane, p0, p1);
        int[] tile = work.tile;
        int area = paddedHeight(h) * w;
        for (int t = 0; t < h; t += n) {
            int rows = Math.min(n, h - t);
            int at = ((t / n) * w + xs) * n;
            for (int a = 0; a < 2; a++) {
                lanes.tile(a == 0 ? p0 : p1, t, rows, tile);
                mid.put(a * area + at, tile, 0, valid * n);
            }
        }
    }

    /**
     * Pass 2: the rows of the intermediate filtered along x into straight RGBA8 {@code dst} ({@code w x h});
     * {@code opaque}: every pixel of the intermediate is opaque (pass 1 saw no translucent pixel).
     */
    static void across(IntBuffer mid, int w, int h, IntBuffer dst, float[] k, int radius, Pool pool,
            IirLanes lanes, boolean opaque) {
        int channels = opaque ? 3 : 4;
        int strips = (h + IirLanes.N - 1) / IirLanes.N;
        Parallel.rows(IirLanes.N * w, strips, (s0, s1) -> {
            Work work = pool.take();
            try {
                work.ensure(w);
                for (int s = s0; s < s1; s++) {
                    across(mid, w, h, s * IirLanes.N, dst, k, radius, work, lanes, channels);
                }
            } finally {
                pool.give(work);
            }
        });
    }

    private static void across(IntBuffer mid, int w, int h, int y0, IntBuffer dst, float[] k, int radius,
            Work work, IirLanes lanes, int channels) {
        final int n = IirLanes.N;
        int[] p0 = work.p0;
        int[] p1 = work.p1;
        int plane = n * w;
        int area = paddedHeight(h) * w;
        mid.get(y0 * w, p0, 0, plane);
        mid.get(area + y0 * w, p1, 0, plane);
        lanes.unpackWide(p0, p1, work.x, plane, plane);
        filter(work, w, plane, k, radius, lanes, channels);
        lanes.pack(work.x, plane, plane, p0, work.y);
        int[] rows = work.p1; // free again: the strip's rows, one after the other
        int count = Math.min(n, h - y0);
        lanes.unstrip(p0, w, count, rows);
        dst.put(y0 * w, rows, 0, count * w);
    }

    /** The first {@code channels} channel planes of {@code work.x} (3: colour only, alpha left as it is), in place. */
    private static void filter(Work work, int length, int plane, float[] k, int radius, IirLanes lanes,
            int channels) {
        for (int c = 0; c < channels; c++) {
            if (radius < 0) {
                lanes.forward(work.x, work.y, c * plane, length, k);
                lanes.backward(work.x, work.y, c * plane, length, k);
            } else {
                lanes.convolve(work.x, work.y, c * plane, length, k, radius);
            }
        }
    }
}
