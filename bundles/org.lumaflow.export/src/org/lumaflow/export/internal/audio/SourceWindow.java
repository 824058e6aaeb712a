package org.lumaflow.export.internal.audio;

import org.lumaflow.decoder.AudioSource;
import org.lumaflow.decoder.MediaException;

/**
 * A clip's source range seen as a "virtual" stream: virtual sample {@code v} is source sample {@code in + v} played
 * forwards, or {@code in + span - 1 - v} played backwards. Keeps a reused window of decoded samples so that readers
 * which move forward with small steps back (interpolation, WSOLA's search) decode each source sample about once;
 * backwards playback reads the source in large blocks, one seek per block.
 */
final class SourceWindow {

    /** Window capacity, samples (about 1.4 s); requests may span at most half of it. */
    static final int CAPACITY = 1 << 16;
    /** Samples kept before a request when the window moves on (room for looking back). */
    private static final int KEEP = 4096;

    private final AudioSource src;
    private final long in;
    private final long span;
    private final boolean reverse;
    final float[] left = new float[CAPACITY];
    final float[] right = new float[CAPACITY];
    /** Virtual sample held at index 0; {@code count} samples are valid. */
    long start;
    private int count;

    SourceWindow(AudioSource src, long in, long span, boolean reverse) {
        this.src = src;
        this.in = in;
        this.span = span;
        this.reverse = reverse;
    }

    /**
     * Makes virtual samples {@code [from, to)} available at indices {@code from - start ..}.
     *
     * @throws IllegalArgumentException when the range is longer than half the capacity
     */
    void ensure(long from, long to) throws MediaException {
        if (to - from > CAPACITY / 2) {
            throw new IllegalArgumentException("window request of " + (to - from) + " samples");
        }
        if (count > 0 && from >= start && to <= start + count) {
            return;
        }
        long newStart = from - KEEP;
        int kept = 0;
        if (count > 0 && newStart >= start && newStart < start + count) {
            kept = (int) (start + count - newStart);
            System.arraycopy(left, (int) (newStart - start), left, 0, kept);
            System.arraycopy(right, (int) (newStart - start), right, 0, kept);
        }
        start = newStart;
        fill(kept, CAPACITY - kept);
        count = CAPACITY;
    }

    /** Reads virtual samples {@code [start + at, start + at + n)} into the buffers at {@code at}. */
    private void fill(int at, int n) throws MediaException {
        long v = start + at;
        if (!reverse) {
            src.read(in + v, left, right, at, n);
            return;
        }
        // virtual [v, v + n) is source [in + span - v - n, in + span - v), backwards
        src.read(in + span - v - n, left, right, at, n);
        for (int i = at, j = at + n - 1; i < j; i++, j--) {
            float t = left[i];
            left[i] = left[j];
            left[j] = t;
            t = right[i];
            right[i] = right[j];
            right[j] = t;
        }
    }

    /** Forgets the window (after the source was used elsewhere). */
    void clear() {
        count = 0;
    }
}
